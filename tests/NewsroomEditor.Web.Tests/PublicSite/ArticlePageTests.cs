using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.E2E.Support;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// The sample article (../shared/fixtures/sample-article-vi.txt), published through the services
/// at 12:45 UTC on 11 April 2024, comes out of the public page in the portal's shape, character
/// for character, with what search engines and link previews read in its head.
/// </summary>
public sealed class ArticlePageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset PublishedAt = new(2024, 4, 11, 12, 45, 0, TimeSpan.Zero);

    private readonly SampleArticle _sample = SampleArticle.Load();
    private readonly FakeTimeProvider _clock = new(PublishedAt);
    private NewsroomAppFactory _app = default!;
    private PublishingDesk _desk = default!;
    private IDocument _page = default!;
    private string _html = "";
    private Story _story = default!;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory { Clock = _clock };
        _desk = await PublishingDesk.OpenAsync(_app);
        var section = await _desk.SectionAsync("thoi-su");
        var photos = new[] { await UploadPhotoAsync(_sample.Captions[0]), await UploadPhotoAsync(_sample.Captions[1]) };
        var content = new StoryContent(_sample.Headline, _sample.Lead, SampleBody(photos), section, ["Hội nghị", "Long An"], _sample.Byline, "", "")
        {
            FeaturedMediaId = photos[0],
            FeaturedCaption = _sample.Captions[0],
        };
        _story = await _desk.PublishAsync(content);

        using var client = _app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/thoi-su/" + _story.Slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        _html = await response.Content.ReadAsStringAsync();
        _page = new HtmlParser().ParseDocument(_html);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_address_is_the_section_and_the_slug_made_from_the_headline()
    {
        Assert.Equal("hoi-nghi-ban-chap-hanh-dang-bo-khoi-co-quan-va-doanh-nghiep-tinh-lan-thu-16-nhiem-ky-2020-2025", _story.Slug);
    }

    [Fact]
    public void The_article_has_the_sample_shape_character_for_character()
    {
        var article = _page.QuerySelector("article.article")!;
        Assert.Equal("vi", article.GetAttribute("lang"));
        Assert.Equal(_sample.DateLine, Text(article, ".article-date"));
        Assert.Equal(_sample.Headline, Assert.Single(_page.QuerySelectorAll("h1")).TextContent);
        Assert.Equal(_sample.Lead, Text(article, ".article-lead strong"));
        Assert.Equal(_sample.Paragraphs, article.QuerySelectorAll(".article-body p").Select(p => p.TextContent));
        Assert.Equal(_sample.Captions.Select(c => c.Trim()), article.QuerySelectorAll(".article-body figcaption").Select(c => c.TextContent));
        Assert.Equal(_sample.Byline, Text(article, ".article-byline"));
        Assert.Equal("Chia sẻ bài viết", Text(article, ".share-heading"));
        Assert.Null(article.QuerySelector(".article-updated"));
    }

    [Fact]
    public void The_parts_come_in_the_sample_order()
    {
        var inDocumentOrder = _page.QuerySelectorAll("article *").ToList();
        var order = new[] { ".language-switch", ".article-date", "h1", ".article-lead", ".article-body", ".article-byline", ".share" }
            .Select(selector => inDocumentOrder.IndexOf(_page.QuerySelector("article " + selector)!))
            .ToList();

        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void The_language_switch_leads_to_the_english_home_when_there_is_no_translation()
    {
        var languageSwitch = _page.QuerySelector("article .language-switch")!;

        Assert.Equal("Tiếng Việt | English", languageSwitch.TextContent.Trim());
        Assert.Equal("/en", languageSwitch.QuerySelector("a[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("true", languageSwitch.QuerySelector(".language-current")!.GetAttribute("aria-current"));
        Assert.Single(_page.QuerySelectorAll(".language-switch"));
    }

    [Fact]
    public void Tags_lead_to_their_pages()
    {
        var tags = _page.QuerySelectorAll(".article-tags a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal([("Hội nghị", "/tag/hoi-nghi"), ("Long An", "/tag/long-an")], tags);
    }

    [Fact]
    public void Figures_have_responsive_renditions_and_alt_text()
    {
        var image = _page.QuerySelector(".article-body figure img")!;

        Assert.Equal("Ảnh: " + _sample.Captions[0], image.GetAttribute("alt"));
        Assert.Contains("320w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.StartsWith("/media/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(_sample.Captions[0], Text(_page.DocumentElement, ".article-featured figcaption"));
    }

    [Fact]
    public async Task Every_photo_offers_its_webp_renditions_before_the_jpeg_img()
    {
        var pictures = _page.QuerySelectorAll(".article-featured figure picture, .article-body figure picture").ToList();
        Assert.Equal(3, pictures.Count); // the featured photo and the body's two

        using var reader = _app.CreateBrowserlessClient();
        foreach (var picture in pictures)
        {
            var source = picture.FirstElementChild!;
            var image = picture.LastElementChild!;
            Assert.Equal(("SOURCE", "image/webp", "IMG"), (source.TagName, source.GetAttribute("type"), image.TagName));
            Assert.Equal(2, picture.ChildElementCount);
            var webp = Candidates(source.GetAttribute("srcset"));
            var jpeg = Candidates(image.GetAttribute("srcset"));
            Assert.All(webp, c => Assert.Matches(@"^/media/[0-9a-f]{16}-[0-9]+\.webp$", c.Url));
            Assert.All(jpeg, c => Assert.Matches(@"^/media/[0-9a-f]{16}-[0-9]+\.jpg$", c.Url));
            Assert.Equal(jpeg.Select(c => c.Width), webp.Select(c => c.Width));
            Assert.Equal(image.GetAttribute("sizes"), source.GetAttribute("sizes"));
            // The fallback img is the one readers had before: JPEG src, size, alt, lazy loading.
            Assert.EndsWith(".jpg", image.GetAttribute("src"), StringComparison.Ordinal);
            Assert.Equal(("900", "600"), (image.GetAttribute("width"), image.GetAttribute("height")));
            Assert.StartsWith("Ảnh: ", image.GetAttribute("alt"), StringComparison.Ordinal);
            Assert.Equal("lazy", image.GetAttribute("loading"));

            using var response = await reader.GetAsync(webp[^1].Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        }
    }

    private static List<(string Url, int Width)> Candidates(string? srcSet) =>
        (srcSet ?? "").Split(", ").Select(c => c.Split(' ')).Select(p => (p[0], int.Parse(p[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public void Share_links_carry_the_canonical_address()
    {
        var canonical = _page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        var encoded = Uri.EscapeDataString(canonical);

        Assert.Equal("http://localhost/thoi-su/" + _story.Slug, canonical);
        Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={encoded}", _page.QuerySelector("a.share-facebook")!.GetAttribute("href"));
        Assert.StartsWith($"https://x.com/intent/post?url={encoded}&text=", _page.QuerySelector("a.share-x")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(encoded, _page.QuerySelector("a.share-zalo")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal($"mailto:?subject={Uri.EscapeDataString(_sample.Headline)}&body={encoded}", _page.QuerySelector("a.share-email")!.GetAttribute("href"));
        Assert.Equal(canonical, _page.QuerySelector("a.share-copy")!.GetAttribute("href"));
    }

    [Fact]
    public void The_head_carries_open_graph_twitter_and_hreflang()
    {
        Assert.Equal(_sample.Headline, Meta("property", "og:title"));
        Assert.Equal(_sample.Lead, Meta("property", "og:description"));
        Assert.Equal("article", Meta("property", "og:type"));
        Assert.Equal("vi_VN", Meta("property", "og:locale"));
        Assert.StartsWith("http://localhost/media/", Meta("property", "og:image"), StringComparison.Ordinal);
        Assert.Equal("summary_large_image", Meta("name", "twitter:card"));
        Assert.Equal("2024-04-11T12:45:00Z", Meta("property", "article:published_time"));
        Assert.Equal("http://localhost/thoi-su/" + _story.Slug, _page.QuerySelector("link[rel=alternate][hreflang=vi]")!.GetAttribute("href"));
    }

    [Fact]
    public void Json_ld_describes_a_news_article()
    {
        var script = _page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var json = JsonDocument.Parse(script);
        var root = json.RootElement;

        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(_sample.Headline, root.GetProperty("headline").GetString());
        Assert.Equal("2024-04-11T19:45:00+07:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2024-04-11T19:45:00+07:00", root.GetProperty("dateModified").GetString());
        Assert.Equal("Hoàng Lan", root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal("vi", root.GetProperty("inLanguage").GetString());
        Assert.StartsWith("http://localhost/media/", root.GetProperty("image")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("</", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_light_no_blazor_no_mudblazor_no_third_party_script()
    {
        Assert.DoesNotContain("_framework/blazor", _html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor", _html, StringComparison.Ordinal);
        Assert.Equal(["/js/share.js"], _page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")));
        Assert.All(_page.QuerySelectorAll("link[rel=stylesheet]"), l => Assert.StartsWith("/css/", l.GetAttribute("href"), StringComparison.Ordinal));
        Assert.NotNull(_page.QuerySelector("meta[name=viewport]"));
    }

    [Fact]
    public async Task A_correction_shows_the_updated_line_on_the_next_request()
    {
        _clock.Advance(TimeSpan.FromMinutes(75));
        await _desk.CorrectAsync(_story.Id, c => c with { Lead = c.Lead.Replace("Chiều 11/4", "Chiều ngày 11/4", StringComparison.Ordinal) });

        using var client = _app.CreateBrowserlessClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/thoi-su/" + _story.Slug));

        Assert.StartsWith("Chiều ngày 11/4", Text(page.DocumentElement, ".article-lead"), StringComparison.Ordinal);
        Assert.Equal("Cập nhật 21:00 11/04/2024", Text(page.DocumentElement, ".article-updated"));
        Assert.Equal(_sample.DateLine, Text(page.DocumentElement, ".article-date"));
    }

    private string? Meta(string attribute, string name) => _page.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

    private static string Text(IElement scope, string selector) =>
        (scope.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No {selector} on the page.")).TextContent.Trim();

    /// <summary>The sample's paragraphs with its two photos where the sample has them (after the 3rd and the 5th paragraph).</summary>
    private StoryBody SampleBody(Guid[] photos)
    {
        var blocks = new List<object>();
        for (var i = 0; i < _sample.Paragraphs.Count; i++)
        {
            blocks.Add(new { type = "paragraph", content = new[] { new { type = "text", text = _sample.Paragraphs[i] } } });
            if (i is 2 or 4)
            {
                var photo = i == 2 ? 0 : 1;
                blocks.Add(new { type = "figure", attrs = new { mediaId = photos[photo].ToString("D"), alt = "Ảnh: " + _sample.Captions[photo], caption = _sample.Captions[photo] } });
            }
        }
        return StoryBody.Parse(JsonSerializer.Serialize(new { type = "doc", content = blocks }));
    }

    /// <summary>A photo described as the sample's; a different shade per caption, as the library refuses a second copy of a file.</summary>
    private async Task<Guid> UploadPhotoAsync(string caption) =>
        (await _desk.UploadPhotoAsync("Ảnh: " + caption, 900, 600, caption.Trim(), shade: caption.Length % 200)).Id;
}
