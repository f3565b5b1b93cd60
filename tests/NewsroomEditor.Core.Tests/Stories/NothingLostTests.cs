using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// Nothing lost, on the server, over real SQLite files: racing saves, many writers at once, and a
/// process killed in the middle of saves and publishes. Figures go to nothing-lost.txt beside the
/// tests (one line per test); NEWSROOM_SOAK=1 runs the writers for a minute instead of 15 s.
/// </summary>
public sealed class NothingLostTests
{
    private static readonly bool Soak = Environment.GetEnvironmentVariable("NEWSROOM_SOAK") == "1";
    private static readonly SemaphoreSlim FiguresLock = new(1, 1);

    [Fact]
    public async Task Of_two_saves_racing_on_one_story_one_is_kept_and_the_other_told_of_the_conflict_every_time()
    {
        const int races = 1000;
        await using var host = await CoreTestHost.StartAsync();
        var editor = await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var story = await host.InScopeAsync(sp => StoryServices.From(sp).CreateAsync(editor, "vi", 1));
        var version = story.Version;
        var lost = new List<string>();
        var unreported = new List<string>();
        var bothConflicted = 0;

        for (var r = 0; r < races; r++)
        {
            // The same editor in two browsers: both hold the lease, both start from the same version.
            var mine = StoryFactory.Content($"Lần {r}: bản của tab A");
            var theirs = StoryFactory.Content($"Lần {r}: bản của tab B");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var expected = version;
            var a = Task.Run(async () => { await start.Task; return await host.InScopeAsync(sp => StoryServices.From(sp).SaveAsync(editor, story.Id, expected, mine)); });
            var b = Task.Run(async () => { await start.Task; return await host.InScopeAsync(sp => StoryServices.From(sp).SaveAsync(editor, story.Id, expected, theirs)); });
            start.SetResult();
            SaveResult? ra = null, rb = null;
            try
            {
                ra = await a;
            }
            catch (Exception e)
            {
                unreported.Add($"race {r}, A: {e.GetType().Name}: {e.Message}");
            }
            try
            {
                rb = await b;
            }
            catch (Exception e)
            {
                unreported.Add($"race {r}, B: {e.GetType().Name}: {e.Message}");
            }

            var stored = await host.InScopeAsync(sp => StoryServices.From(sp).GetAsync(editor, story.Id));
            version = stored.Version;
            var winners = new[] { (ra, mine), (rb, theirs) }.Where(x => x.Item1 is { Saved: true }).ToList();
            if (winners.Count == 2)
                lost.Add($"race {r}: both saves were accepted; \"{stored.Headline}\" is kept and the other is lost");
            else if (winners.Count == 1 && stored.Headline != winners[0].Item2.Headline)
                lost.Add($"race {r}: the accepted save \"{winners[0].Item2.Headline}\" is not what is stored (\"{stored.Headline}\")");
            else if (winners.Count == 0 && ra is not null && rb is not null)
                bothConflicted++;
            var loser = winners.Count == 1 ? (ReferenceEquals(winners[0].Item1, ra) ? rb : ra) : null;
            if (winners.Count == 1 && loser is not null && loser.Conflict?.Theirs.Headline != stored.Headline)
                unreported.Add($"race {r}: the losing save was shown \"{loser.Conflict?.Theirs.Headline}\" as the other version, not \"{stored.Headline}\"");
        }

        var conflicts = races - lost.Count - unreported.Count - bothConflicted;
        await WriteFigureAsync("races",
            $"Two saves racing on one story: {races} races, lost updates {lost.Count}, conflicts reported {conflicts} of {races - lost.Count} ({100.0 * conflicts / Math.Max(1, races - lost.Count):0.#}%), " +
            $"both refused {bothConflicted}, errors {unreported.Count}");
        Assert.True(lost.Count == 0, string.Join("\n", lost.Take(10)));
        Assert.True(unreported.Count == 0, string.Join("\n", unreported.Take(10)));
        Assert.Equal(0, bothConflicted);
    }

    [Fact]
    public async Task Twenty_writers_autosaving_at_once_on_sqlite_never_see_database_is_locked()
    {
        const int writerCount = 20;
        var duration = TimeSpan.FromSeconds(Soak ? 60 : 15);
        await using var host = await CoreTestHost.StartAsync();
        var writers = new List<(Actor Actor, Guid StoryId, int Version)>();
        for (var w = 0; w < writerCount; w++)
        {
            var actor = await host.CreateActorAsync($"writer{w}@example.vn", $"Phóng viên {w}", Roles.Reporter);
            var story = await host.InScopeAsync(sp => StoryServices.From(sp).CreateAsync(actor, "vi", 1));
            writers.Add((actor, story.Id, story.Version));
        }

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var locked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var otherErrors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var lastSaved = new string[writerCount];
        var stop = DateTime.UtcNow + duration;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = writers.Select((writer, w) => Task.Run(async () =>
        {
            await start.Task;
            var version = writer.Version;
            var paragraphs = new List<string>();
            for (var n = 0; DateTime.UtcNow < stop; n++)
            {
                // An autosave: what was typed since the last one added to the body.
                paragraphs.Add($"Đoạn {n} của phóng viên {w}: mưa lớn gây ngập nhiều tuyến đường.");
                var content = StoryFactory.Content($"Bài của phóng viên {w}, lần {n}") with { Body = StoryBody.FromParagraphs(paragraphs), Slug = $"bai-{w}" };
                var watch = Stopwatch.StartNew();
                try
                {
                    var saved = await host.InScopeAsync(sp => StoryServices.From(sp).SaveAsync(writer.Actor, writer.StoryId, version, content));
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (!saved.Saved)
                    {
                        otherErrors.Enqueue($"writer {w}: a conflict on their own story");
                        return;
                    }
                    version = saved.Version;
                    lastSaved[w] = content.Headline;
                }
                catch (Exception e) when (IsLocked(e))
                {
                    locked.Enqueue($"writer {w}, save {n}: {e.GetBaseException().Message}");
                }
                catch (Exception e)
                {
                    otherErrors.Enqueue($"writer {w}, save {n}: {e.GetType().Name}: {e.Message}");
                }
                // The editor's autosave comes about 2 s after typing stops; writers here type without pause.
                await Task.Delay(Random.Shared.Next(20, 120));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(tasks);

        // Every writer's last confirmed save is what is stored.
        var missing = new List<string>();
        for (var w = 0; w < writerCount; w++)
        {
            var stored = await host.InScopeAsync(sp => StoryServices.From(sp).GetAsync(writers[w].Actor, writers[w].StoryId));
            if (lastSaved[w] is not null && stored.Headline != lastSaved[w])
                missing.Add($"writer {w}: stored \"{stored.Headline}\", last confirmed \"{lastSaved[w]}\"");
        }
        var sorted = latencies.OrderBy(l => l).ToList();
        await WriteFigureAsync("writers",
            string.Create(CultureInfo.InvariantCulture,
                $"{writerCount} writers autosaving for {duration.TotalSeconds:0} s on SQLite: {sorted.Count} saves, \"database is locked\" {locked.Count}, other errors {otherErrors.Count}, " +
                $"latest save missing {missing.Count}; save latency p50 {Percentile(sorted, 0.50):0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {(sorted.Count == 0 ? 0 : sorted[^1]):0} ms"));
        Assert.True(locked.IsEmpty, string.Join("\n", locked.Take(10)));
        Assert.True(otherErrors.IsEmpty, string.Join("\n", otherErrors.Take(10)));
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.NotEmpty(sorted);
    }

    [Fact]
    public async Task A_process_killed_during_saves_and_publishes_leaves_no_half_written_record_and_every_confirmed_save()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "newsroom-core-tests", Guid.NewGuid().ToString("N"));
        var journal = Path.Combine(dataFolder, "journal.txt");
        await using (var setup = await CoreTestHost.StartAsync(dataFolder: dataFolder))
        {
            for (var w = 0; w < SaveBurst.Writers; w++)
                await setup.CreateActorAsync(SaveBurst.Email(w), $"Phóng viên {w}", Roles.Reporter);
            await setup.CreateActorAsync(SaveBurst.EditorEmail, "Nguyễn Thu", Roles.Editor);
            setup.KeepDataFolder = true;
        }
        SqliteConnection.ClearAllPools();

        await using var host = CoreTestHost.Create(dataFolder: dataFolder);
        var kills = Soak ? 10 : 2;
        var lines = new List<string>();
        for (var k = 0; k < kills; k++)
        {
            using var child = ChildProcess.Start("save-burst", dataFolder, journal);
            var stderr = child.StandardError.ReadToEndAsync();
            _ = child.StandardOutput.ReadToEndAsync();
            // Kill it once it is well into its burst: a number of confirmed saves since it started, at a moment of the clock's choosing.
            var target = Count(journal, "saved ") + 150 + Random.Shared.Next(100);
            using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                while (Count(journal, "saved ") < target && !child.HasExited && !limit.IsCancellationRequested)
                    await Task.Delay(10);
            }
            if (child.HasExited)
                Assert.Fail($"The child ended by itself:\n{await stderr}\n{string.Join("\n", ReadLines(journal).Where(l => l.StartsWith("failed", StringComparison.Ordinal)))}");
            child.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, no cleanup.
            await child.WaitForExitAsync();
        }
        lines = ReadLines(journal);
        SqliteConnection.ClearAllPools();

        // Restarted over the same file, as the app does: migrations and start-up checks run first.
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        var problems = new List<string>();
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check";
                var result = (string?)await check.ExecuteScalarAsync();
                if (result != "ok")
                    problems.Add($"integrity_check: {result}");
                check.CommandText = "PRAGMA foreign_key_check";
                await using var reader = await check.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    problems.Add($"foreign key broken in {reader.GetString(0)} row {reader.GetValue(1)}");
            }

            var stories = await db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id);
            var revisions = await db.StoryRevisions.AsNoTracking().ToListAsync();
            var events = await db.WorkflowEvents.AsNoTracking().ToListAsync();
            foreach (var orphan in revisions.Where(r => !stories.ContainsKey(r.StoryId)))
                problems.Add($"revision {orphan.Id} of a story that does not exist");
            foreach (var orphan in events.Where(e => !stories.ContainsKey(e.StoryId)))
                problems.Add($"workflow event {orphan.Id} of a story that does not exist");
            foreach (var story in stories.Values)
            {
                var own = revisions.Where(r => r.StoryId == story.Id).ToList();
                var latest = own.SingleOrDefault(r => r.Number == story.LatestRevisionNumber);
                if (story.LatestRevisionNumber > 0 && latest is null)
                    problems.Add($"story {story.Id}: its latest revision {story.LatestRevisionNumber} is missing");
                else if (latest is not null && (latest.Headline != story.Headline || latest.BodyJson != story.BodyJson || latest.State != story.State))
                    problems.Add($"story {story.Id}: its row (\"{story.Headline}\", {story.State}) and its latest revision (\"{latest.Headline}\", {latest.State}) disagree");
                if (own.Any(r => r.Number > story.LatestRevisionNumber))
                    problems.Add($"story {story.Id}: a revision numbered past its latest");
                var lastEvent = events.Where(e => e.StoryId == story.Id).OrderBy(e => e.Id).LastOrDefault();
                if ((lastEvent?.To ?? StoryState.Draft) != story.State)
                    problems.Add($"story {story.Id}: state {story.State}, but its last workflow event went to {lastEvent?.To}");
                if (story.State == StoryState.Published && story.PublishedAt is null)
                    problems.Add($"story {story.Id}: published without a publication time");
            }

            // Every save and publish someone was told about is there.
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                if (parts[0] == "saved")
                {
                    var id = Guid.Parse(parts[1]);
                    var savedVersion = int.Parse(parts[2], CultureInfo.InvariantCulture);
                    if (!stories.TryGetValue(id, out var story))
                        problems.Add($"confirmed save of story {id} (version {savedVersion}): the story is missing");
                    else if (story.Version < savedVersion)
                        problems.Add($"confirmed save of story {id}: version {savedVersion} was confirmed, {story.Version} is stored");
                    else if (story.Version == savedVersion && story.Headline != SaveBurst.Headline(int.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture), int.Parse(parts[5], CultureInfo.InvariantCulture)))
                        problems.Add($"confirmed save of story {id}, version {savedVersion}: another headline is stored (\"{story.Headline}\")");
                }
                else if (parts[0] == "published")
                {
                    if (!stories.TryGetValue(Guid.Parse(parts[1]), out var story) || story.State != StoryState.Published)
                        problems.Add($"confirmed publication of story {parts[1]}: it is not published");
                }
            }
        });

        // The restarted services work on what the crash left: every story opens and a draft saves.
        var reopenErrors = 0;
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var writer0 = await db.Users.AsNoTracking().SingleAsync(u => u.Email == SaveBurst.Email(0));
            var actor = Actor.Create(writer0.Id, writer0.DisplayName, Roles.Reporter);
            var service = StoryServices.From(sp);
            foreach (var draft in await db.Stories.AsNoTracking().Where(s => s.AuthorId == writer0.Id && s.State == StoryState.Draft).ToListAsync())
            {
                try
                {
                    var saved = await service.SaveAsync(actor, draft.Id, draft.Version, StoryFactory.Content("Sau khi khởi động lại") with { Slug = "sau-" + draft.Id.ToString("N") });
                    reopenErrors += saved.Saved ? 0 : 1;
                }
                catch (DomainException)
                {
                    reopenErrors++;
                }
            }
        });

        var confirmedSaves = lines.Count(l => l.StartsWith("saved ", StringComparison.Ordinal));
        var confirmedPublishes = lines.Count(l => l.StartsWith("published ", StringComparison.Ordinal));
        await WriteFigureAsync("kill",
            $"Killed (SIGKILL) {kills} times during autosaves and publishes, restarted over the same SQLite file: {confirmedSaves} confirmed saves and {confirmedPublishes} publishes before the kills, " +
            $"confirmed saves missing {problems.Count(p => p.StartsWith("confirmed", StringComparison.Ordinal))}, half-written or orphan records {problems.Count(p => !p.StartsWith("confirmed", StringComparison.Ordinal))}, drafts failing to save after restart {reopenErrors}");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Equal(0, reopenErrors);
        Assert.True(confirmedSaves > 0 && confirmedPublishes > 0, $"The burst confirmed {confirmedSaves} saves and {confirmedPublishes} publishes.");
    }

    private static bool IsLocked(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: 5 or 6 } || inner.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Count(string journal, string prefix) => ReadLines(journal).Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static List<string> ReadLines(string journal)
    {
        if (!File.Exists(journal))
            return [];
        using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // A line the kill cut short was never a complete confirmation.
            if (line.Length > 0)
                lines.Add(line);
        }
        return lines;
    }

    /// <summary>One line per test in nothing-lost.txt beside the tests, in a fixed order whatever order the tests ran in.</summary>
    private static async Task WriteFigureAsync(string key, string line)
    {
        await FiguresLock.WaitAsync();
        try
        {
            var path = Path.Combine(AppContext.BaseDirectory, "nothing-lost.txt");
            var figures = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var stale = File.Exists(path) && File.GetLastWriteTimeUtc(path) < Process.GetCurrentProcess().StartTime.ToUniversalTime();
            if (File.Exists(path) && !stale)
            {
                foreach (var existing in await File.ReadAllLinesAsync(path))
                {
                    var split = existing.IndexOf('\t', StringComparison.Ordinal);
                    if (split > 0)
                        figures[existing[..split]] = existing[(split + 1)..];
                }
            }
            figures[key] = line;
            await File.WriteAllLinesAsync(path, figures.Select(f => $"{f.Key}\t{f.Value}"));
        }
        finally
        {
            FiguresLock.Release();
        }
    }
}
