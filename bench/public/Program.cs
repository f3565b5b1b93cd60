// Public-site benchmark seeding: see bench/README.md and run.sh.
//   seed <dataFolder> <sample-article.txt>   creates the newsroom (admin, reporter, editor) and
//                                            publishes the sample article through the story services;
//                                            prints the article's public path on stdout.
//   lookup <dataFolder> <article path>       times, in process and on one thread, what a cache miss asks
//                                            the database (the article, its translations, the sections
//                                            for the navigation), and the bytes it allocates.
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

if (args is ["lookup", var lookupFolder, var articlePath])
    return await Lookup.RunAsync(lookupFolder, articlePath);
if (args is not ["seed", var dataFolder, var articleFile])
{
    Console.Error.WriteLine("usage: seed <dataFolder> <sample-article.txt> | lookup <dataFolder> <article path>");
    return 2;
}

const string Password = "bench passphrase, long enough";
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
var reporter = await UserAsync("lan@bench.vn", "Hoàng Lan", Roles.Reporter);
var editor = await UserAsync("thu@bench.vn", "Nguyễn Thu", Roles.Editor);

// The sample article as the E2E tests read it: [0] language switch, [1] date line, [2] headline,
// [3] lead, then the body (captions, which have no photo here, are left out), [^2] byline, [^1] share line.
var blocks = File.ReadAllText(articleFile).Replace("\r\n", "\n", StringComparison.Ordinal)
    .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var paragraphs = blocks[4..^2].Where(b => b.EndsWith('.')).ToList();

// Each step in its own scope, acting as its person (the services read who acts from the scope).
async Task<T> As<T>(Actor actor, Func<IServiceProvider, Task<T>> action) => await InScope(async sp =>
{
    sp.GetRequiredService<CurrentActor>().ActAs(actor);
    return await action(sp);
});

var section = await InScope(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.OrderBy(s => s.Id).FirstAsync());
var storyId = await As(reporter, async sp =>
{
    var stories = sp.GetRequiredService<IStoryWriting>();
    var story = await stories.CreateAsync("vi", section.Id);
    var saved = await stories.SaveAsync(story.Id, story.Version, new StoryContent(
        blocks[2], blocks[3], StoryBody.FromParagraphs(paragraphs), section.Id, ["Đảng bộ", "Long An"], blocks[^2], "", ""));
    if (!saved.Saved)
        throw new InvalidOperationException("The sample article did not save.");
    await sp.GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
    await sp.GetRequiredService<IStoryWorkflow>().TransitionAsync(story.Id, StoryAction.Submit);
    return story.Id;
});
var path = await As(editor, async sp =>
{
    var published = await sp.GetRequiredService<IStoryWorkflow>().TransitionAsync(storyId, StoryAction.Publish);
    return sp.GetRequiredService<PublicPaths>().Article(published.Language, section.SlugFor(published.Language), published.Slug);
});
Console.WriteLine(path);
return 0;

async Task<Actor> UserAsync(string email, string name, string role) => await InScope(async sp =>
{
    var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
    var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
    var result = await users.CreateAsync(user, Password);
    if (!result.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    return Actor.Create(user.Id, name, role);
});

/// <summary>
/// The database side of a cache miss, without HTTP or rendering: on a shared machine its minimum
/// over batches and its allocations are steadier figures than a whole-page load test's.
/// </summary>
internal static class Lookup
{
    public static async Task<int> RunAsync(string dataFolder, string articlePath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = Path.GetFullPath(dataFolder) });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        await using var services = builder.Services.BuildServiceProvider();
        var parts = articlePath.Trim('/').Split('/');
        var (language, section, slug) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : ("vi", parts[0], parts[1]);

        async Task OnceAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var stories = scope.ServiceProvider.GetRequiredService<IPublishedStories>();
            if (await stories.FindArticleAsync(language, section, slug) is not ArticleLookup.Found)
                throw new InvalidOperationException($"{articlePath} is not a published article.");
            _ = await stories.SectionsAsync();
        }

        for (var i = 0; i < 2000; i++)
            await OnceAsync();
        const int batches = 15, perBatch = 500;
        var times = new List<double>();
        long allocated = 0;
        for (var b = 0; b < batches; b++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
                await OnceAsync();
            times.Add(watch.Elapsed.TotalMicroseconds / perBatch);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        times.Sort();
        Console.WriteLine($"a miss's lookups (article, translations, navigation sections): min {times[0]:0} µs, median {times[batches / 2]:0} µs " +
            $"per page over {batches} batches of {perBatch}; {allocated / (double)(batches * perBatch) / 1024:0.0} KB allocated per page");
        return 0;
    }
}
