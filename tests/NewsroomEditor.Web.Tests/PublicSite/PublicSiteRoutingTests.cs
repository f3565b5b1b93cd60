using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// What each public address answers, and that the output cache never shows readers a story
/// that is no longer published, nor hides one that just was, on the very next request.
/// </summary>
public sealed class PublicSiteRoutingTests : IAsyncLifetime
{
    private NewsroomAppFactory _app = default!;
    private PublishingDesk _desk = default!;
    private HttpClient _reader = default!;
    private int _news;
    private int _economy;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory();
        _desk = await PublishingDesk.OpenAsync(_app);
        _news = await _desk.SectionAsync("thoi-su");
        _economy = await _desk.SectionAsync("kinh-te");
        _reader = _app.CreateBrowserlessClient();
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_home_page_lists_published_stories_of_its_language_only()
    {
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Hội nghị Ban Chấp hành", "Chiều 11/4, hội nghị lần thứ 16.", "Nội dung."));
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Plenary meeting held", "The committee met on 11 April.", "Text."), "en");
        await _desk.SubmitAsync(PublishingDesk.Content(_news, "Bài đang chờ duyệt", "Chưa xuất bản.", "Nội dung."));

        var home = await ReadAsync("/");
        var english = await ReadAsync("/en");

        Assert.Equal(["Hội nghị Ban Chấp hành"], home.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal("/thoi-su/hoi-nghi-ban-chap-hanh", home.QuerySelector(".story-card-headline a")!.GetAttribute("href"));
        Assert.Equal(["Plenary meeting held"], english.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal("/en/news/plenary-meeting-held", english.QuerySelector(".story-card-headline a")!.GetAttribute("href"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Latest news", english.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_story_card_offers_its_featured_photo_as_webp_before_the_jpeg()
    {
        var photo = await _desk.UploadPhotoAsync("Ruộng lúa chín vàng");
        await _desk.PublishAsync(PublishingDesk.Content(_economy, "Giá lúa tăng", "Giá lúa tăng mạnh.", "Nội dung.") with { FeaturedMediaId = photo.Id });

        var home = await ReadAsync("/");

        var picture = home.QuerySelector(".story-card-image picture")!;
        var source = picture.QuerySelector("source")!;
        var image = picture.QuerySelector("source + img")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Contains($"{photo.Renditions.Single(r => r.Format == "webp" && r.Width == 320).Url} 320w", source.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.DoesNotContain(".jpg", source.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains($"{photo.Renditions.Single(r => r.Format == "jpeg" && r.Width == 320).Url} 320w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("(min-width: 48rem) 20rem, 100vw", source.GetAttribute("sizes"));
        Assert.Equal(source.GetAttribute("sizes"), image.GetAttribute("sizes"));
        Assert.Equal(("", "lazy"), (image.GetAttribute("alt"), image.GetAttribute("loading")));
    }

    [Fact]
    public async Task Section_and_tag_pages_list_their_stories()
    {
        await _desk.PublishAsync(PublishingDesk.Content(_news, "Hội nghị tỉnh ủy", "Tin thời sự.", "Nội dung.") with { Tags = ["Hội nghị"] });
        await _desk.PublishAsync(PublishingDesk.Content(_economy, "Giá lúa tăng", "Tin kinh tế.", "Nội dung."));

        var section = await ReadAsync("/kinh-te");
        var tag = await ReadAsync("/tag/hoi-nghi");

        Assert.Equal("Kinh tế", section.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Giá lúa tăng"], section.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal("page", section.QuerySelector(".site-sections a[href='/kinh-te']")!.GetAttribute("aria-current"));
        Assert.Equal("/en/economy", section.QuerySelector(".language-switch a[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("Hội nghị", tag.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Hội nghị tỉnh ủy"], tag.QuerySelectorAll(".story-card-headline").Select(h => h.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/khong-co-muc-nay")).StatusCode);
    }

    [Fact]
    public async Task An_old_slug_and_a_wrong_section_redirect_permanently_to_the_current_address()
    {
        var story = await _desk.PublishAsync(PublishingDesk.Content(_news, "Mưa lớn ở Long An", "Mưa lớn kéo dài.", "Nội dung."));
        await _desk.CorrectAsync(story.Id, c => c with { Headline = "Mưa lớn gây ngập ở Long An" });

        using var oldSlug = await GetAsync("/thoi-su/mua-lon-o-long-an");
        using var wrongSection = await GetAsync("/kinh-te/mua-lon-gay-ngap-o-long-an");
        using var current = await GetAsync("/thoi-su/mua-lon-gay-ngap-o-long-an");

        Assert.Equal(HttpStatusCode.MovedPermanently, oldSlug.StatusCode);
        Assert.Equal("/thoi-su/mua-lon-gay-ngap-o-long-an", oldSlug.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, wrongSection.StatusCode);
        Assert.Equal("/thoi-su/mua-lon-gay-ngap-o-long-an", wrongSection.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Stories_not_published_answer_404_and_never_show_their_content()
    {
        var inReview = await _desk.SubmitAsync(PublishingDesk.Content(_news, "Tin mật chưa duyệt", "Nội dung chưa được duyệt.", "Bí mật."));

        using var response = await GetAsync("/thoi-su/" + inReview.Slug);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin mật", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí mật", body, StringComparison.Ordinal);
        Assert.Contains("noindex", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublishing_answers_410_on_the_very_next_request_even_after_the_page_was_cached()
    {
        var story = await _desk.PublishAsync(PublishingDesk.Content(_news, "Tin sẽ bị gỡ", "Đoạn mở đầu.", "Nội dung."));
        var path = "/thoi-su/" + story.Slug;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path)).StatusCode);
        Assert.Contains("Tin sẽ bị gỡ", await (await GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _desk.MoveAsync(story.Id, StoryAction.Unpublish);

        using var gone = await GetAsync(path);
        var body = await gone.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("Bài viết không còn", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Đoạn mở đầu", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin sẽ bị gỡ", await (await GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_served_from_the_cache_until_the_newsroom_changes_what_readers_see()
    {
        var story = await _desk.PublishAsync(PublishingDesk.Content(_news, "Bản tin sáng", "Tin buổi sáng.", "Nội dung."));
        var path = "/thoi-su/" + story.Slug;
        Assert.Contains("Tin buổi sáng.", await (await GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Behind the services' back: the database changes, the cache does not know.
        await _desk.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories
            .Where(s => s.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Lead, "Sửa ngầm.")));
        var cached = await (await GetAsync(path)).Content.ReadAsStringAsync();
        await _desk.InScopeAsync(async sp => { await sp.GetRequiredService<IPublicSiteCache>().InvalidateAsync(); return 0; });
        var fresh = await (await GetAsync(path)).Content.ReadAsStringAsync();

        Assert.Contains("Tin buổi sáng.", cached, StringComparison.Ordinal);
        Assert.Contains("Sửa ngầm.", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_shows_the_story_on_the_cached_home_page_at_once()
    {
        Assert.Contains("Chưa có bài viết nào.", await (await GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _desk.PublishAsync(PublishingDesk.Content(_news, "Tin vừa xuất bản", "Mở đầu.", "Nội dung."));

        Assert.Contains("Tin vừa xuất bản", await (await GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_with_the_current_copy_gets_304()
    {
        var story = await _desk.PublishAsync(PublishingDesk.Content(_news, "Tin có ETag", "Mở đầu.", "Nội dung."));
        var path = "/thoi-su/" + story.Slug;
        using var first = await GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        await _desk.CorrectAsync(story.Id, c => c with { Lead = "Mở đầu đã sửa." });
        using var afterCorrection = new HttpRequestMessage(HttpMethod.Get, path);
        afterCorrection.Headers.IfNoneMatch.Add(etag);
        using var third = await _reader.SendAsync(afterCorrection);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(etag, third.Headers.ETag);
    }

    [Fact]
    public async Task Long_lists_are_paged()
    {
        for (var i = 1; i <= PublishedStories.PageSize + 1; i++)
            await _desk.PublishAsync(PublishingDesk.Content(_news, $"Tin số {i}", "Mở đầu.", "Nội dung."));

        var first = await ReadAsync("/");
        var second = await ReadAsync("/?page=2");

        Assert.Equal(PublishedStories.PageSize, first.QuerySelectorAll(".story-card").Length);
        Assert.Equal("/?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Single(second.QuerySelectorAll(".story-card"));
        Assert.Equal("Trang 2/2", second.QuerySelector(".pager span")!.TextContent);
        // Pages outside the list are not pages: nothing to cache under made-up numbers.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/thoi-su?page=99")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path) => await _reader.GetAsync(path);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ReadAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
