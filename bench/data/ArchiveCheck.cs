using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.DataBench;

/// <summary>
/// Opens a generated archive with the Core as the app does (no migration pending), counts what is
/// in it, checks that stored derived columns are what the model derives from the content, and
/// times one call of each list the later benchmarks will measure, through the product's services.
/// </summary>
public static class ArchiveCheck
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var problems = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
                problems.Add($"{pending.Count} migration(s) pending, the first {pending[0]}");

            var states = await db.Stories.GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var storyCount = states.Sum(s => s.Count);
            Console.WriteLine($"stories: {storyCount:N0}");
            foreach (var state in states.OrderByDescending(s => s.Count))
                Console.WriteLine($"  {state.Key,-12} {state.Count,8:N0}  {100.0 * state.Count / storyCount,5:F1}%");
            var languages = await db.Stories.GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine("languages: " + string.Join(", ", languages.Select(l => $"{l.Key} {l.Count:N0} ({100.0 * l.Count / storyCount:F1}%)")));
            var translated = await db.Stories.GroupBy(s => s.TranslationGroupId).CountAsync(g => g.Count() > 1);
            var published = await db.Stories.Where(s => s.State == StoryState.Published).Select(s => s.PublishedAt).ToListAsync();
            Console.WriteLine($"translation groups with two versions: {translated:N0}; published from {published.Min():yyyy-MM-dd} to {published.Max():yyyy-MM-dd}");
            var revisions = await db.StoryRevisions.CountAsync();
            Console.WriteLine($"revisions: {revisions:N0} ({(double)revisions / storyCount:F2} a story); workflow events: {await db.WorkflowEvents.CountAsync():N0}; " +
                $"notes: {await db.EditorialNotes.CountAsync():N0}; past slugs: {await db.PastSlugs.CountAsync():N0}");
            Console.WriteLine($"media assets: {await db.MediaAssets.CountAsync():N0}; people: {await db.Users.CountAsync()}; sections: {await db.Sections.CountAsync()}");
            var audit = await db.AuditEntries.CountAsync();
            var outbox = await db.OutboxMessages.CountAsync();
            Console.WriteLine($"audit entries: {audit}; outbox messages: {outbox}");
            if (audit + outbox > 0)
                problems.Add("the bulk load wrote audit entries or outbox rows");

            // Every 97th story: the derived columns as the model derives them from the content.
            var ids = await db.Stories.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            var sample = new List<Story>();
            foreach (var chunk in ids.Where((_, i) => i % 97 == 0).Chunk(200))
                sample.AddRange(await db.Stories.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync());
            foreach (var story in sample)
            {
                var content = story.Content;
                if (story.SearchIndex != SearchText.Index(story.Headline, story.Lead, story.BodyText, story.Byline, string.Join(' ', story.Tags)))
                    problems.Add($"story {story.Id}: SearchIndex is not the fold of its fields");
                if (story.BodyText != content.Body.ToPlainText() || story.BodyJson != content.Body.ToJson())
                    problems.Add($"story {story.Id}: body columns differ from the parsed body");
                var wanted = Slugs.FromText(story.Headline);
                if (story.Slug != wanted && !story.Slug.StartsWith(wanted + "-", StringComparison.Ordinal))
                    problems.Add($"story {story.Id}: slug {story.Slug} is not the headline's");
                var tagSlugs = story.Tags.Select(Slugs.FromText).Where(t => t.Length > 0).Distinct().ToList();
                var expectedTagSlugs = tagSlugs.Count == 0 ? "" : $"|{string.Join('|', tagSlugs)}|";
                if (story.TagSlugs != expectedTagSlugs)
                    problems.Add($"story {story.Id}: TagSlugs {story.TagSlugs} differ from {expectedTagSlugs}");
                if (story.State == StoryState.Published && !PublishingChecklist.Passed(PublishingChecklist.Evaluate(story, false)))
                    problems.Add($"story {story.Id}: published but fails the checklist");
            }
            var duplicateSlugs = await db.Stories.GroupBy(s => new { s.Language, s.Slug }).CountAsync(g => g.Count() > 1);
            if (duplicateSlugs > 0)
                problems.Add($"{duplicateSlugs} slugs are used twice in a language");
            var wordCounts = sample.Select(s => s.Content.Body.WordCount).ToList();
            Console.WriteLine($"checked {sample.Count} stories' derived columns; body words {wordCounts.Min()}–{wordCounts.Max()}, mean {wordCounts.Average():F0}");
        }

        Actor editor;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "editor01@bench.vn");
            editor = Actor.Create(user.Id, user.DisplayName, Roles.Editor);
        }
        await TimedAsync(services, editor, "story list, first page (editor)", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ListAsync(new StoryQuery())).TotalCount:N0} stories");
        await TimedAsync(services, editor, "story list, search \"hội nghị\"", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ListAsync(new StoryQuery(Search: "hội nghị"))).TotalCount:N0} hits");
        await TimedAsync(services, editor, "story list, search \"kinh te ha noi\"", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ListAsync(new StoryQuery(Search: "kinh te ha noi"))).TotalCount:N0} hits");
        await TimedAsync(services, editor, "story list, search \"quốc lộ bão\"", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ListAsync(new StoryQuery(Search: "quốc lộ bão"))).TotalCount:N0} hits");
        await TimedAsync(services, editor, "review queue", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ReviewQueueAsync()).TotalCount:N0} stories waiting");
        await TimedAsync(services, editor, "review queue, page 100", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().ReviewQueueAsync(page: 99)).Items.Count:N0} stories");
        await TimedAsync(services, editor, "dashboard (editor)", async sp =>
            $"{(await sp.GetRequiredService<IStoryQueries>().DashboardAsync()).ReviewQueue.Items.Count:N0} of the queue");
        await TimedAsync(services, editor, "media library, page 1", async sp =>
            $"{(await sp.GetRequiredService<IMediaService>().ListAsync(new MediaQuery())).TotalCount:N0} images");
        await TimedAsync(services, editor, "public latest, vi page 1", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().LatestAsync("vi", 1)).PageCount:N0} pages");
        await TimedAsync(services, editor, "public section kinh-te, page 1", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().SectionAsync("vi", "kinh-te", 1))?.Page.PageCount:N0} pages");
        await TimedAsync(services, editor, "public tag ha-noi, page 1", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().TagAsync("vi", "ha-noi", 1))?.Page.PageCount:N0} pages");
        await TimedAsync(services, editor, "public latest, vi page 400", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().LatestAsync("vi", 400)).Items.Count:N0} stories");
        await TimedAsync(services, editor, "RSS feed, vi", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().FeedAsync("vi"))!.Items.Count:N0} stories");
        await TimedAsync(services, editor, "sitemap (50,000 stories)", async sp =>
            $"{(await sp.GetRequiredService<IPublishedStories>().AllAsync(limit: 50_000)).Count:N0} stories");

        foreach (var problem in problems.Take(20))
            Console.WriteLine("PROBLEM: " + problem);
        Console.WriteLine(problems.Count == 0 ? "verify: OK" : $"verify: {problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task TimedAsync(IServiceProvider services, Actor actor, string label, Func<IServiceProvider, Task<string>> query)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(actor);
        var watch = Stopwatch.StartNew();
        var result = await query(scope.ServiceProvider);
        Console.WriteLine($"  {label}: {result}, {watch.ElapsedMilliseconds} ms (one cold call)");
    }
}
