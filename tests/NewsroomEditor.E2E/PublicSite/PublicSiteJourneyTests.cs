using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.PublicSite;

/// <summary>
/// The editor publishes the sample article and its English version; an anonymous reader opens
/// both on the public site, switches language, and follows a share link's address.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class PublicSiteJourneyTests(NewsroomServer server)
{
    private const string EnglishHeadline = "16th meeting of the Provincial Agencies and Enterprises Party Committee";
    private const string EnglishLead = "On the afternoon of 11 April, the Party Committee of Long An's agencies and enterprises held its 16th executive meeting of the 2020-2025 term.";
    private static readonly string[] EnglishParagraphs =
    [
        "Leaders of the Party building boards and the Provincial Party Office attended.",
        "Delegates agreed with the draft report and proposed ways to carry it out effectively.",
    ];

    [Fact]
    public Task A_reader_reads_the_published_story_in_both_languages_and_follows_its_share_link() => server.RunAsync(async () =>
    {
            var article = SampleArticle.Load();
            var editor = await server.SignInAsync(NewsroomServer.Editor);

            // The editor writes and publishes the Vietnamese story.
            var vietnameseId = await editor.CreateStoryAsync();
            await WriteAsync(editor, article.Headline, article.Lead, article.Paragraphs);
            await editor.GetByLabel("Section").ClickAsync();
            await editor.GetByRole(AriaRole.Option, new() { Name = "Thời sự" }).ClickAsync();
            await editor.WaitUntilSavedAsync();
            await PublishAsync(editor);

            // …then its English version, which starts as a copy in the same section.
            await editor.GetByRole(AriaRole.Button, new() { Name = "Add English version" }).ClickAsync();
            await editor.WaitForURLAsync(url => !url.EndsWith(vietnameseId.ToString(), StringComparison.Ordinal) && Regex.IsMatch(url, "/stories/[0-9a-f-]{36}$"));
            await editor.WaitForCircuitAsync();
            await editor.Body().WaitForAsync();
            var englishId = Guid.Parse(new Uri(editor.Url).Segments[^1]);
            await editor.GetByLabel("Headline").FillAsync("");
            await editor.GetByLabel("Lead").FillAsync("");
            await editor.Body().ClickAsync();
            await editor.Keyboard.PressAsync("Control+A");
            await editor.Keyboard.PressAsync("Delete");
            await WriteAsync(editor, EnglishHeadline, EnglishLead, EnglishParagraphs);
            await editor.WaitUntilSavedAsync();
            await PublishAsync(editor);

            var vietnamesePath = await PublicPathAsync(vietnameseId, "/thoi-su/");
            var englishPath = await PublicPathAsync(englishId, "/en/news/");

            // An anonymous reader finds the story on the home page.
            var reader = await server.NewPageAsync();
            await reader.GotoAsync("/");
            await reader.Locator($"a[href='{vietnamesePath}']").First.ClickAsync();
            await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == vietnamesePath);
            var story = reader.Locator("article.article");
            await Expect(story.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(article.Headline);
            await Expect(story.Locator(".article-lead")).ToHaveTextAsync(article.Lead);
            await Expect(story.Locator(".article-body p")).ToHaveTextAsync(article.Paragraphs.ToArray());
            await Expect(story.Locator(".article-date")).ToHaveTextAsync(new Regex(@"^\d\d/\d\d/\d{4} - \d\d:\d\d$"));
            await Expect(story.Locator(".article-byline")).ToHaveTextAsync("Nguyễn Thu");
            await Expect(story.Locator(".share-heading")).ToHaveTextAsync("Chia sẻ bài viết");
            Assert.Equal(0, await reader.Locator("script[src*='blazor']").CountAsync());

            // The language switch leads to the English version, and back.
            await story.Locator(".language-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == englishPath);
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(EnglishHeadline);
            await Expect(reader.Locator(".article-body p")).ToHaveTextAsync(EnglishParagraphs);
            await Expect(reader.Locator(".share-heading")).ToHaveTextAsync("Share");
            Assert.Equal("en", await reader.Locator("html").GetAttributeAsync("lang"));
            await reader.Locator("article .language-switch").GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
            await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == vietnamesePath);

            // A share link carries the article's address; following that address opens the article.
            var facebook = await reader.Locator("a.share-facebook").GetAttributeAsync("href");
            var shared = HttpUtility.ParseQueryString(new Uri(facebook!).Query)["u"]!;
            Assert.Equal(vietnamesePath, new Uri(shared).AbsolutePath);
            var friend = await server.NewPageAsync();
            var response = await friend.GotoAsync(shared);
            Assert.Equal(200, response!.Status);
            await Expect(friend.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(article.Headline);
    });

    private static async Task WriteAsync(IPage page, string headline, string lead, IReadOnlyList<string> paragraphs)
    {
        await page.GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Lead").FillAsync(lead);
        await page.Body().ClickAsync();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
                await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.InsertTextAsync(paragraphs[i]);
        }
    }

    private static async Task PublishAsync(IPage editor)
    {
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(editor.StateChip()).ToHaveTextAsync("In review");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(editor.StateChip()).ToHaveTextAsync("Published");
    }

    /// <summary>The story's public address, read from the newsroom's own record (slugs may carry "-2" when the sample was published before).</summary>
    private async Task<string> PublicPathAsync(Guid id, string prefix)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var story = await scope.ServiceProvider.GetRequiredService<StoryService>().GetAsync(StoryActor.Create("check", "Kiểm tra", Roles.Editor), id);
        Assert.Equal(StoryState.Published, story.State);
        return prefix + story.Slug;
    }
}
