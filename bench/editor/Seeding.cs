using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.EditorBench;

/// <summary>
/// The newsroom the benchmark opens: one reporter per open editor (a person may have only
/// <c>Security:MaxCircuitsPerUser</c> tabs open, 10 by default), each with a draft of
/// <see cref="EditorWords"/> words, and a typist with a short and a long draft.
/// </summary>
public static class Seeding
{
    public const string Password = "bench passphrase, long enough";
    public const int EditorWords = 2_000;
    public const int ShortWords = 100;
    public const int LongWords = 10_000;
    public const string Typist = "typist@bench.vn";

    public static string ReporterEmail(int number) => $"reporter{number:000}@bench.vn";

    public static async Task<int> SeedAsync(string dataFolder, int editors, string sampleFile, string storiesFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = Path.GetFullPath(dataFolder) });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        await using var services = builder.Services.BuildServiceProvider();

        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        await InScope(async sp => { await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(); return 0; });
        await InScope(sp => sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(new FirstAdmin("admin@bench.vn", "Quản trị", Password)));
        var paragraphs = SampleParagraphs(sampleFile);
        var sectionId = await InScope(async sp => (await sp.GetRequiredService<NewsroomDbContext>().Sections.OrderBy(s => s.Id).FirstAsync()).Id);

        var lines = new List<string>();
        async Task StoryAsync(Actor author, string email, int number, int words)
        {
            var id = await InScope(async sp =>
            {
                sp.GetRequiredService<CurrentActor>().ActAs(author);
                var writing = sp.GetRequiredService<IStoryWriting>();
                var story = await writing.CreateAsync("vi", sectionId);
                var body = Body(paragraphs, number, words);
                var saved = await writing.SaveAsync(story.Id, story.Version, new StoryContent(
                    $"Bài {number}: hội nghị Ban Chấp hành Đảng bộ tỉnh", "Tin tổng hợp cho bài đo trình soạn thảo.", body,
                    sectionId, ["Long An"], author.DisplayName, "", ""));
                if (!saved.Saved)
                    throw new InvalidOperationException($"Story {number} did not save.");
                // Created stories are leased to their author; the bench's browser takes the lease again.
                await sp.GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
                if (body.WordCount != words)
                    throw new InvalidOperationException($"Story {number} has {body.WordCount} words, not {words}.");
                return story.Id;
            });
            lines.Add($"{email}\t{id}\t{words}");
        }

        for (var i = 1; i <= editors; i++)
        {
            var email = ReporterEmail(i);
            var reporter = await UserAsync(email, $"Phóng viên {i:000}");
            await StoryAsync(reporter, email, i, EditorWords);
        }
        var typist = await UserAsync(Typist, "Người gõ");
        await StoryAsync(typist, Typist, editors + 1, ShortWords);
        await StoryAsync(typist, Typist, editors + 2, LongWords);
        await File.WriteAllLinesAsync(storiesFile, lines);
        SqliteConnection.ClearAllPools();
        Console.Error.WriteLine($"seeded {editors} reporters with a {EditorWords}-word draft each, and a typist with {ShortWords}- and {LongWords}-word drafts");
        return 0;

        async Task<Actor> UserAsync(string email, string name) => await InScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded || !(await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded)
                throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return Actor.Create(user.Id, name, Roles.Reporter);
        });
    }

    /// <summary>The sample article's body paragraphs (as bench/public reads them): real Vietnamese news prose.</summary>
    private static List<string> SampleParagraphs(string sampleFile)
    {
        var blocks = File.ReadAllText(sampleFile).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return blocks[4..^2].Where(b => b.EndsWith('.')).ToList();
    }

    /// <summary>
    /// Exactly <paramref name="words"/> words: the sample's paragraphs in turn, starting at a
    /// different one per story and numbered, so that no two stories share their text.
    /// </summary>
    private static StoryBody Body(List<string> paragraphs, int number, int words)
    {
        var body = new List<string>();
        var left = words;
        for (var i = 0; left > 0; i++)
        {
            var text = $"({number}.{i + 1}) " + paragraphs[(number + i) % paragraphs.Count];
            var split = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var take = Math.Min(left, split.Length);
            body.Add(string.Join(' ', split.Take(take)));
            left -= take;
        }
        return StoryBody.FromParagraphs(body);
    }
}

