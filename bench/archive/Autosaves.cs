using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.ArchiveBench;

/// <summary>
/// (e) Editors autosaving at once: each loop is one person's editor page, its own scope and actor,
/// which opens the story, takes the edit lease and renews it as the page does
/// (StoryEditingSession: every 30 s), and saves the text typed so far through
/// <see cref="IStoryWriting.SaveAsync"/> every interval. Against one editor saving alone.
/// The stories' text is put back as it was at the end (a save of the original content).
/// </summary>
public static class Autosaves
{
    public const int Editors = 50;

    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(30);

    private sealed record Seat(Person Person, Guid StoryId);

    private sealed class Outcome
    {
        public Timings Saves { get; } = new();
        public int Locked;
        public int OtherSqlite;
        public int Conflicts;
        public int OtherErrors;
        public string? FirstError;
    }

    public static async Task RunAsync(ServiceProvider services, string databaseFile, List<Person> people, ResultTable table, TimeSpan duration, TimeSpan interval)
    {
        var seats = Seats(databaseFile, people);
        var distinctPeople = seats.Select(s => s.Person.Id).Distinct().Count();

        // One editor alone: the same loop, saving every second for half the time, for enough saves to rank.
        var aloneDuration = TimeSpan.FromTicks(Math.Max(duration.Ticks / 2, TimeSpan.FromSeconds(10).Ticks));
        // Untimed first saves: the code is compiled and the caches filled before anything is timed.
        await EditAsync(services, seats[0], new Outcome(), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var alone = new Outcome();
        await EditAsync(services, seats[0], alone, aloneDuration, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        var together = new Outcome();
        var start = new Random(7);
        await Task.WhenAll(seats.Select(seat =>
        {
            // People do not save in step: each page's timer started when it was opened.
            var offset = TimeSpan.FromMilliseconds(start.Next((int)interval.TotalMilliseconds));
            return Task.Run(() => EditAsync(services, seat, together, duration, interval, offset));
        }));

        var note = $"{seats.Count} loops, {distinctPeople} people, every {interval.TotalSeconds:0} s for {duration.TotalSeconds:0} s: {together.Saves.Count} saves; "
            + $"alone every 1 s for {aloneDuration.TotalSeconds:0} s: {alone.Saves.Count} saves; "
            + $"'database is locked' {together.Locked + alone.Locked}, other SqliteException {together.OtherSqlite + alone.OtherSqlite}, "
            + $"conflicts {together.Conflicts + alone.Conflicts}, other errors {together.OtherErrors + alone.OtherErrors}";
        table.Add("(e) autosave round trip, 50 editors at once", together.Saves, alone.Saves, "one editor alone", maxP95: 200, maxRatio: 2, note);
        if (together.Locked + alone.Locked + together.OtherSqlite + alone.OtherSqlite > 0)
            table.MarkMissed($"(e) SqliteExceptions during the autosaves (must be 0): {together.FirstError ?? alone.FirstError}");
        else if ((together.FirstError ?? alone.FirstError) is { } error)
            Console.Error.WriteLine($"  first error: {error}");
    }

    /// <summary>
    /// Who edits what: each editor an in-review story, each reporter one of their own drafts, as
    /// the rules allow; loops beyond the people who can edit are more editors' in-review stories
    /// (an editor with a second story open).
    /// </summary>
    private static List<Seat> Seats(string databaseFile, List<Person> people)
    {
        using var connection = Archive.Open(databaseFile);
        var inReview = Ids(connection, "SELECT Id FROM Stories WHERE State = 'InReview' ORDER BY Id LIMIT 200", null);
        var seats = new List<Seat>();
        var next = 0;
        foreach (var person in people)
        {
            if (person.Role == Roles.Editor)
                seats.Add(new Seat(person, inReview[next++]));
            else if (person.Role == Roles.Reporter && Ids(connection, "SELECT Id FROM Stories WHERE AuthorId = @a AND State IN ('Draft', 'ChangesRequested') ORDER BY Id LIMIT 1", person.Id) is [var draft, ..])
                seats.Add(new Seat(person, draft));
        }
        var editors = people.Where(p => p.Role == Roles.Editor).ToList();
        for (var i = 0; seats.Count < Editors; i++)
            seats.Add(new Seat(editors[i % editors.Count], inReview[next++]));
        return seats.Take(Editors).ToList();
    }

    private static List<Guid> Ids(SqliteConnection connection, string sql, string? author)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (author is not null)
            command.Parameters.AddWithValue("@a", author);
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
            ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }

    private static async Task EditAsync(ServiceProvider services, Seat seat, Outcome outcome, TimeSpan duration, TimeSpan interval, TimeSpan offset)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(seat.Person.Actor);
        var queries = scope.ServiceProvider.GetRequiredService<IStoryQueries>();
        var writing = scope.ServiceProvider.GetRequiredService<IStoryWriting>();
        var leases = scope.ServiceProvider.GetRequiredService<EditLeaseService>();

        // The page opens: the story, then the lease.
        var story = await queries.GetAsync(seat.StoryId);
        var original = story.Content;
        var version = story.Version;
        if (!(await leases.AcquireAsync(seat.StoryId)).HeldByMe)
            throw new InvalidOperationException($"{seat.Person.Email} could not take the lease of {seat.StoryId}.");
        var body = JsonNode.Parse(story.BodyJson)!.AsObject();
        var typed = new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "" }) };
        body["content"]!.AsArray().Add(typed);

        var clock = Stopwatch.StartNew();
        var renewal = LeaseRenewal;
        await Task.Delay(offset);
        for (var n = 1; clock.Elapsed < duration; n++)
        {
            var due = offset + interval * n;
            if (clock.Elapsed >= renewal)
            {
                renewal += LeaseRenewal;
                await leases.AcquireAsync(seat.StoryId);
            }
            // What was typed since the last save: one more sentence in the new paragraph.
            typed["content"]![0]!["text"] = string.Join(" ", Enumerable.Range(1, n).Select(i => $"Câu thứ {i} mới gõ thêm vào bài."));
            var content = original with { Body = StoryBody.Parse(body.ToJsonString()) };
            try
            {
                var watch = Stopwatch.StartNew();
                var saved = await writing.SaveAsync(seat.StoryId, version, content);
                watch.Stop();
                if (saved.Saved)
                {
                    outcome.Saves.Add(watch.Elapsed.TotalMilliseconds);
                    version = saved.Version;
                }
                else
                {
                    Interlocked.Increment(ref outcome.Conflicts);
                }
            }
            catch (Exception e) when (Sqlite(e) is { } sqlite)
            {
                Interlocked.Increment(ref sqlite.SqliteErrorCode is 5 or 6 || sqlite.Message.Contains("locked", StringComparison.OrdinalIgnoreCase) ? ref outcome.Locked : ref outcome.OtherSqlite);
                outcome.FirstError ??= e.ToString();
            }
            catch (Exception e) when (e is NewsroomEditor.Core.DomainException or DbUpdateException or InvalidOperationException)
            {
                Interlocked.Increment(ref outcome.OtherErrors);
                outcome.FirstError ??= e.ToString();
            }
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
        }

        // The story's text as it was, and the lease let go, as closing the page does.
        var current = await queries.GetAsync(seat.StoryId);
        await writing.SaveAsync(seat.StoryId, current.Version, original);
        await leases.ReleaseAsync(seat.StoryId);
    }

    private static SqliteException? Sqlite(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SqliteException sqlite)
                return sqlite;
        return null;
    }
}
