using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Stories;

/// <summary>The story list over HTTP: it prerenders its rows, searches without accents, and scopes reporters.</summary>
public sealed class StoryListTests : IClassFixture<StoryListTests.Newsroom>
{
    private readonly Newsroom _app;

    public StoryListTests(Newsroom app) => _app = app;

    /// <summary>One newsroom with an editor, two reporters and their stories, shared by this class's tests.</summary>
    public sealed class Newsroom : IAsyncLifetime
    {
        public NewsroomAppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.CompleteSetupAsync("admin@example.vn");
            await Factory.CreateUserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
            var lan = await Factory.CreateUserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
            var minh = await Factory.CreateUserAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
            await WriteAsync(Actor.Create(lan.Id, lan.DisplayName, Roles.Reporter), "Hội nghị Ban Chấp hành Đảng bộ tỉnh");
            await WriteAsync(Actor.Create(minh.Id, minh.DisplayName, Roles.Reporter), "Hội nghị xúc tiến đầu tư");
            await WriteAsync(Actor.Create(minh.Id, minh.DisplayName, Roles.Reporter), "Giá xăng giảm");
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        private async Task WriteAsync(Actor author, string headline)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var stories = StoryServices.From(scope.ServiceProvider);
            var story = await stories.CreateAsync(author, "vi", 1);
            var saved = await stories.SaveAsync(author, story.Id, story.Version, new StoryContent(
                headline, "", StoryBody.FromParagraphs(["Nội dung."]), 1, [], author.DisplayName, "", ""));
            Assert.True(saved.Saved);
        }
    }

    [Fact]
    public async Task An_editor_finds_Hoi_nghi_by_typing_hoi_nghi_without_accents()
    {
        var text = TextOf(await GetAsync("thu@example.vn", "/stories?q=hoi%20nghi"));

        Assert.Contains("Hội nghị Ban Chấp hành Đảng bộ tỉnh", text, StringComparison.Ordinal);
        Assert.Contains("Hội nghị xúc tiến đầu tư", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Giá xăng giảm", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_mark_the_matched_words_as_written()
    {
        var page = new HtmlParser().ParseDocument(await GetAsync("thu@example.vn", "/stories?q=xuc%20tien"));

        var row = Assert.Single(page.QuerySelectorAll(".story-list tbody tr"));
        Assert.Equal(["xúc", "tiến"], row.QuerySelectorAll("a mark.search-match").Select(m => m.TextContent));
        Assert.Equal("Nội dung.", row.QuerySelector(".search-passage")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reporter_finds_only_their_own_stories()
    {
        var text = TextOf(await GetAsync("lan@example.vn", "/stories?q=hoi%20nghi"));

        Assert.Contains("Hội nghị Ban Chấp hành Đảng bộ tỉnh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội nghị xúc tiến đầu tư", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Minh", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_without_matches_says_so()
    {
        var html = await GetAsync("thu@example.vn", "/stories?q=bong%20da");

        Assert.Contains("No story matches these filters.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_offers_New_story()
    {
        var html = await GetAsync("lan@example.vn", "/stories");

        Assert.Contains("New story", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vietnamese_browser_gets_the_list_in_Vietnamese_with_dates_day_first()
    {
        var html = WebUtility.HtmlDecode(await GetAsync("lan@example.vn", "/stories", language: "vi"));

        Assert.Contains("Viết bài mới", html, StringComparison.Ordinal);
        Assert.Contains("Tiêu đề", html, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("New story", html, StringComparison.Ordinal);
        // The Updated column as Vietnamese write it: 27/11/2026 21:22.
        Assert.Matches(@"data-label=""Cập nhật""[^>]*>\s*\d{2}/\d{2}/\d{4} \d{2}:\d{2}\s*</td>", html);
    }

    private static string TextOf(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent;

    private async Task<string> GetAsync(string email, string path, string? language = null)
    {
        using var client = _app.Factory.CreateBrowserlessClient();
        await Forms.SignInAsync(client, email, NewsroomAppFactory.Password);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
