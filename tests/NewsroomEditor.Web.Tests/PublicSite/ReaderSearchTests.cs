using System.Net;
using AngleSharp.Html.Parser;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// The reader search (/tim-kiem, /en/search) through the real app: published stories only, ranked
/// and marked, paged, cached briefly, and a story taken down gone from it on the very next request.
/// </summary>
public sealed class ReaderSearchTests : IAsyncLifetime
{
    private NewsroomAppFactory _app = default!;
    private PublishingDesk _desk = default!;
    private HttpClient _reader = default!;
    private int _news;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory();
        _desk = await PublishingDesk.OpenAsync(_app);
        _news = await _desk.SectionAsync("thoi-su");
        _reader = _app.CreateBrowserlessClient();
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_reader_finds_published_stories_of_the_language_ranked_with_the_words_marked()
    {
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Giá lúa tăng mạnh", "Nông dân phấn khởi.", "Thương lái thu mua."));
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Thời tiết miền Tây", "Mưa ít, giá lúa ổn định.", "Nắng nóng."));
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Rice prices rise", "Farmers are pleased.", "Traders buy."), "en");
        await _desk.SubmitAsync(PublishingDesk.Content(_news, "Giá lúa chưa duyệt", "Bài đang chờ.", "Bí mật."));

        var page = await ReadAsync("/tim-kiem?q=gia+lua");

        Assert.Equal(["Giá lúa tăng mạnh", "Thời tiết miền Tây"], page.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal(["Giá", "lúa"], page.QuerySelectorAll(".story-card-headline mark").Select(m => m.TextContent));
        Assert.Contains("giá", page.QuerySelectorAll(".story-card-lead mark").Select(m => m.TextContent));
        Assert.Equal("Tìm thấy 2 bài viết cho “gia lua”", page.QuerySelector(".search-count")!.TextContent);
        Assert.Equal("gia lua", page.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.DoesNotContain("chưa duyệt", page.Body!.TextContent, StringComparison.Ordinal);

        var english = await ReadAsync("/en/search?q=rice");
        Assert.Equal(["Rice prices rise"], english.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Every_public_page_has_the_search_in_its_header()
    {
        var home = await ReadAsync("/");
        var english = await ReadAsync("/en");

        var form = home.QuerySelector("header form[role=search]")!;
        Assert.Equal("/tim-kiem", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("q", form.QuerySelector("input")!.GetAttribute("name"));
        Assert.Equal("Tìm bài viết", form.QuerySelector("label")!.TextContent);
        Assert.Equal("/en/search", english.QuerySelector("header form[role=search]")!.GetAttribute("action"));
    }

    [Fact]
    public async Task The_bare_form_nothing_found_and_hostile_words_answer_200_with_a_message()
    {
        Assert.Equal("Nhập từ cần tìm, có dấu hoặc không dấu.", (await ReadAsync("/tim-kiem")).QuerySelector(".list-empty")!.TextContent);
        Assert.StartsWith("Không tìm thấy bài viết nào cho “khong co gi”", (await ReadAsync("/tim-kiem?q=khong+co+gi")).QuerySelector(".list-empty")!.TextContent, StringComparison.Ordinal);

        var hostile = await ReadAsync("/tim-kiem?q=" + Uri.EscapeDataString("<script>alert(1)</script> \" NEAR( *"));
        Assert.Empty(hostile.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert(1)</script>", hostile.QuerySelector(".list-empty")!.TextContent, StringComparison.Ordinal);

        var long_ = await GetAsync("/tim-kiem?q=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.OK, long_.StatusCode);
    }

    [Fact]
    public async Task A_story_taken_down_leaves_the_cached_results_on_the_very_next_request()
    {
        var story = await _desk.PublishAsync(PublishingDesk.Content(_news, "Tin bão khẩn cấp", "Bão đổ bộ.", "Gió mạnh."));
        Assert.Contains("Tin bão khẩn cấp", (await ReadAsync("/tim-kiem?q=bao")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tin bão khẩn cấp", (await ReadAsync("/tim-kiem?q=bao")).Body!.TextContent, StringComparison.Ordinal);

        await _desk.MoveAsync(story.Id, StoryAction.Unpublish);

        var after = (await ReadAsync("/tim-kiem?q=bao")).Body!.TextContent;
        Assert.DoesNotContain("Tin bão khẩn cấp", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Bão đổ bộ", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_paged_and_a_page_past_them_is_404()
    {
        for (var i = 0; i < 14; i++)
            await _desk.PublishAsync(PublishingDesk.Content(_news, $"Bầu cử đại biểu số {i}", "Cử tri đi bầu.", "Nội dung."));

        var first = await ReadAsync("/tim-kiem?q=bau+cu");
        var second = await ReadAsync("/tim-kiem?q=bau+cu&page=2");

        Assert.Equal(12, first.QuerySelectorAll(".story-card").Length);
        Assert.Equal(2, second.QuerySelectorAll(".story-card").Length);
        Assert.Equal("/tim-kiem?q=bau%20cu&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/tim-kiem?q=bau+cu&page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/search?q=bau")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/en/tim-kiem?q=bau")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path) => await _reader.GetAsync(path);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ReadAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
