using System.Net;
using System.Xml.Linq;
using static NewsroomEditor.Web.Tests.PublicSite.MachineOutput;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>The sitemap, the Google News sitemap and robots.txt; and the caching all machine output shares.</summary>
public sealed class SitemapTests : IClassFixture<PublishedNewsroom>
{
    private const string Site = "http://localhost";
    private readonly PublishedNewsroom _newsroom;
    private readonly HttpClient _client;

    public SitemapTests(PublishedNewsroom newsroom)
    {
        _newsroom = newsroom;
        _client = newsroom.App.CreateBrowserlessClient();
    }

    private string VietnamesePlenary => $"{Site}/thoi-su/{_newsroom.Plenary.Slug}";

    private string EnglishPlenary => $"{Site}/en/news/{_newsroom.PlenaryInEnglish.Slug}";

    private string Rice => $"{Site}/kinh-te/{_newsroom.Rice.Slug}";

    [Fact]
    public async Task The_sitemap_lists_each_language_s_home_and_sections_and_every_published_story()
    {
        var sitemap = await GetXmlAsync(_client, "/sitemap.xml", Xml);

        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        Assert.Equal(
            new[]
            {
                Site + "/", Site + "/en",
                Site + "/thoi-su", Site + "/en/news", Site + "/kinh-te", Site + "/en/economy",
                Site + "/van-hoa", Site + "/en/culture", Site + "/the-thao", Site + "/en/sports",
                VietnamesePlenary, EnglishPlenary, Rice,
            }.Order(),
            Locations(sitemap).Order());
    }

    [Fact]
    public async Task Each_entry_has_its_last_change_as_lastmod()
    {
        var sitemap = await GetXmlAsync(_client, "/sitemap.xml", Xml);

        Assert.Equal("2024-04-11T12:45:00Z", LastModified(sitemap, VietnamesePlenary));
        Assert.Equal("2024-04-11T13:15:00Z", LastModified(sitemap, EnglishPlenary));
        Assert.Equal("2024-04-11T13:45:00Z", LastModified(sitemap, Rice));
        // A list page changes with its newest story; a section without stories has no date to give.
        Assert.Equal("2024-04-11T13:45:00Z", LastModified(sitemap, Site + "/"));
        Assert.Equal("2024-04-11T12:45:00Z", LastModified(sitemap, Site + "/thoi-su"));
        Assert.Null(LastModified(sitemap, Site + "/the-thao"));
    }

    [Fact]
    public async Task Translations_name_each_other_with_hreflang_and_the_default_language_as_x_default()
    {
        var sitemap = await GetXmlAsync(_client, "/sitemap.xml", Xml);
        string[] expected = [$"vi {VietnamesePlenary}", $"en {EnglishPlenary}", $"x-default {VietnamesePlenary}"];

        Assert.Equal(expected, Alternates(sitemap, VietnamesePlenary));
        Assert.Equal(expected, Alternates(sitemap, EnglishPlenary));
        // A story without a translation has nothing to link.
        Assert.Empty(Alternates(sitemap, Rice));
        // The homes and sections exist in both languages.
        Assert.Equal([$"vi {Site}/thoi-su", $"en {Site}/en/news", $"x-default {Site}/thoi-su"], Alternates(sitemap, Site + "/en/news"));
        Assert.Equal([$"vi {Site}/", $"en {Site}/en", $"x-default {Site}/"], Alternates(sitemap, Site + "/"));
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/news-sitemap.xml")]
    public async Task Drafts_scheduled_and_unpublished_stories_are_in_no_sitemap(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var story in _newsroom.Hidden)
        {
            Assert.DoesNotContain("/" + story.Slug, body, StringComparison.Ordinal);
            Assert.DoesNotContain(story.Headline, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_news_sitemap_gives_publication_language_date_and_title()
    {
        var sitemap = await GetXmlAsync(_client, "/news-sitemap.xml", Xml);

        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        Assert.Equal(new[] { VietnamesePlenary, EnglishPlenary, Rice }.Order(), Locations(sitemap).Order());
        var news = sitemap.Root.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")?.Value == VietnamesePlenary).Element(News + "news")!;
        Assert.Equal("Báo Thử Nghiệm", news.Element(News + "publication")?.Element(News + "name")?.Value);
        Assert.Equal("vi", news.Element(News + "publication")?.Element(News + "language")?.Value);
        Assert.Equal("2024-04-11T19:45:00+07:00", news.Element(News + "publication_date")?.Value);
        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", news.Element(News + "title")?.Value);
        var english = sitemap.Root.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")?.Value == EnglishPlenary).Element(News + "news")!;
        Assert.Equal("en", english.Element(News + "publication")?.Element(News + "language")?.Value);
    }

    [Fact]
    public async Task Robots_txt_opens_the_site_closes_the_newsroom_and_names_the_sitemaps()
    {
        using var response = await _client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlainText, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        foreach (var area in new[] { "/newsroom", "/stories", "/review", "/media/preview", "/admin", "/Account", "/setup", "/preview" })
        {
            Assert.Contains($"Disallow: {area}$", lines);
            Assert.Contains($"Disallow: {area}/", lines);
            Assert.Contains($"Disallow: {area}?", lines);
        }
        // The photos' renditions are the site's; only the library page itself is the newsroom's.
        Assert.Contains("Disallow: /media$", lines);
        Assert.DoesNotContain("Disallow: /media/", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /thoi-su", StringComparison.Ordinal) || l == "Disallow: /");
        Assert.Contains($"Sitemap: {Site}/sitemap.xml", lines);
        Assert.Contains($"Sitemap: {Site}/news-sitemap.xml", lines);
    }

    [Theory]
    [InlineData("/rss.xml", Rss)]
    [InlineData("/en/rss.xml", Rss)]
    [InlineData("/thoi-su/rss.xml", Rss)]
    [InlineData("/sitemap.xml", Xml)]
    [InlineData("/news-sitemap.xml", Xml)]
    [InlineData("/robots.txt", PlainText)]
    public async Task Machine_output_has_an_ETag_and_a_second_request_with_it_gets_304(string path, string contentType)
    {
        using var first = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(contentType, first.Content.Headers.ContentType?.ToString());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    private static string? LastModified(XDocument sitemap, string location) =>
        Entry(sitemap, location).Element(Sitemap + "lastmod")?.Value;

    private static IReadOnlyList<string> Alternates(XDocument sitemap, string location) =>
        Entry(sitemap, location).Elements(Xhtml + "link")
            .Where(l => l.Attribute("rel")?.Value == "alternate")
            .Select(l => $"{l.Attribute("hreflang")?.Value} {l.Attribute("href")?.Value}")
            .ToList();

    private static XElement Entry(XDocument sitemap, string location) =>
        sitemap.Root!.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")?.Value == location);
}
