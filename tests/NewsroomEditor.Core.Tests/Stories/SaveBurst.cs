using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// The child-process side of the crash test (see <see cref="NothingLostTests"/>): over the data
/// folder the test prepared, reporters autosave their stories and submit them while an editor
/// publishes what is submitted, until the process is killed. A line goes to the journal only after
/// the service has returned, so each line is a save or publish that a person was told had happened.
/// </summary>
internal static class SaveBurst
{
    public const int Writers = 8;

    public static string Email(int writer) => $"writer{writer}@example.vn";

    public const string EditorEmail = "editor@example.vn";

    /// <summary>The headline of save <paramref name="n"/> of a story: the journal and the database must agree on it.</summary>
    public static string Headline(int writer, int story, int n) => $"Bài {writer}-{story}, lần lưu {n}";

    public static async Task<int> RunAsync(string dataFolder, string journalPath)
    {
        await using var journal = new StreamWriter(new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var journalLock = new SemaphoreSlim(1, 1);
        async Task Log(string line)
        {
            await journalLock.WaitAsync();
            try
            {
                await journal.WriteLineAsync(line);
            }
            finally
            {
                journalLock.Release();
            }
        }

        var host = CoreTestHost.Create(dataFolder: dataFolder);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        var actors = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var users = await db.Users.AsNoTracking().ToListAsync();
            return users.ToDictionary(u => u.Email!, u => u);
        });
        var editor = Actor.Create(actors[EditorEmail].Id, actors[EditorEmail].DisplayName, Roles.Editor);
        await Log("ready");

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var user = actors[Email(w)];
            var actor = Actor.Create(user.Id, user.DisplayName, Roles.Reporter);
            await using var scope = host.Services.CreateAsyncScope();
            var stories = StoryServices.From(scope.ServiceProvider);
            for (var s = 0; ; s++)
            {
                var story = await stories.CreateAsync(actor, "vi", 1);
                var version = story.Version;
                for (var n = 1; n <= 6; n++)
                {
                    var content = StoryFactory.Content(Headline(w, s, n)) with
                    {
                        Body = Core.Stories.RichText.StoryBody.FromParagraphs([$"Đoạn {n} của bài {w}-{s}.", new string('x', 200 * n)]),
                        Slug = "bai-" + story.Id.ToString("N"),
                    };
                    var saved = await stories.SaveAsync(actor, story.Id, version, content);
                    if (!saved.Saved)
                        throw new InvalidOperationException($"A writer's own story conflicted: {story.Id}");
                    version = saved.Version;
                    await Log(string.Create(CultureInfo.InvariantCulture, $"saved {story.Id} {version} {w} {s} {n}"));
                }
                await stories.TransitionAsync(actor, story.Id, StoryAction.Submit);
                await Log($"submitted {story.Id}");
            }
        })).ToList();

        var publisher = Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var stories = StoryServices.From(scope.ServiceProvider);
            while (true)
            {
                foreach (var queued in (await stories.ReviewQueueAsync(editor)).Items)
                {
                    await stories.TransitionAsync(editor, queued.Id, StoryAction.Publish);
                    await Log($"published {queued.Id}");
                }
                await Task.Delay(20);
            }
        });

        // Runs until killed; a failure of any worker ends the child with its message instead.
        var failed = await Task.WhenAny([.. writers, publisher]);
        await Log($"failed {failed.Exception?.GetBaseException().ToString().ReplaceLineEndings(" | ")}");
        return 1;
    }
}
