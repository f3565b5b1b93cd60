using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Web.Tests.Support;
using static NewsroomEditor.Web.Tests.PublicSite.MachineOutput;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>Cached machine output follows the newsroom: what is published, and when.</summary>
public sealed class FeedFreshnessTests
{
    private static readonly StoryDraft First = new(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.");

    private static readonly StoryDraft Second = new(
        "Đồng bằng sông Cửu Long bước vào vụ lúa hè thu", "Các tỉnh miền Tây bắt đầu xuống giống vụ hè thu.", Section: "Kinh tế");

    [Fact]
    public async Task Publishing_a_story_changes_the_feeds_and_sitemaps_on_the_very_next_request()
    {
        await using var app = new NewsroomAppFactory();
        var desk = await PublishingDesk.OpenAsync(app);
        var first = await desk.PublishAsync(First);
        using var client = app.CreateBrowserlessClient();
        var before = new Dictionary<string, string>();
        foreach (var path in new[] { "/rss.xml", "/kinh-te/rss.xml", "/sitemap.xml", "/news-sitemap.xml" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            before[path] = response.Headers.ETag!.Tag;
        }

        var second = await desk.PublishAsync(Second);

        Assert.Equal([Guid(second), Guid(first)], Guids(await GetXmlAsync(client, "/rss.xml", Rss)));
        Assert.Equal([Guid(second)], Guids(await GetXmlAsync(client, "/kinh-te/rss.xml", Rss)));
        Assert.Contains($"http://localhost/kinh-te/{second.Slug}", Locations(await GetXmlAsync(client, "/sitemap.xml", Xml)));
        Assert.Contains($"http://localhost/kinh-te/{second.Slug}", Locations(await GetXmlAsync(client, "/news-sitemap.xml", Xml)));
        foreach (var (path, etag) in before)
        {
            // A reader holding the old copy is sent the new one, not a 304.
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Unpublishing_a_story_takes_it_out_of_the_feed_on_the_very_next_request()
    {
        await using var app = new NewsroomAppFactory();
        var desk = await PublishingDesk.OpenAsync(app);
        var kept = await desk.PublishAsync(First);
        var removed = await desk.PublishAsync(Second);
        using var client = app.CreateBrowserlessClient();
        Assert.Equal([Guid(removed), Guid(kept)], Guids(await GetXmlAsync(client, "/rss.xml", Rss)));

        await desk.TakeDownAsync(removed);

        Assert.Equal([Guid(kept)], Guids(await GetXmlAsync(client, "/rss.xml", Rss)));
        Assert.DoesNotContain($"http://localhost/kinh-te/{removed.Slug}", Locations(await GetXmlAsync(client, "/sitemap.xml", Xml)));
    }

    [Fact]
    public async Task The_news_sitemap_keeps_only_the_last_48_hours_while_the_sitemap_keeps_everything()
    {
        var clock = new FakeTimeProvider(PublishedNewsroom.Start);
        await using var app = new NewsroomAppFactory { Clock = clock };
        var desk = await PublishingDesk.OpenAsync(app);
        var old = await desk.PublishAsync(First);
        using var client = app.CreateBrowserlessClient();
        clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal([$"http://localhost/thoi-su/{old.Slug}"], Locations(await GetXmlAsync(client, "/news-sitemap.xml", Xml)));

        clock.Advance(TimeSpan.FromHours(2));
        var recent = await desk.PublishAsync(Second);

        var news = Locations(await GetXmlAsync(client, "/news-sitemap.xml", Xml));
        Assert.Equal([$"http://localhost/kinh-te/{recent.Slug}"], news);
        var all = Locations(await GetXmlAsync(client, "/sitemap.xml", Xml));
        Assert.Contains($"http://localhost/thoi-su/{old.Slug}", all);
        Assert.Contains($"http://localhost/kinh-te/{recent.Slug}", all);
    }

    [Fact]
    public async Task Site_PublicUrl_is_the_address_feeds_sitemaps_and_robots_give()
    {
        await using var newsroom = new NewsroomAppFactory();
        await using var app = newsroom.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://baothunghiem.vn/"));
        using var client = app.CreateClient();

        var robots = await client.GetStringAsync("/robots.txt");
        var rss = await GetXmlAsync(client, "/en/rss.xml", Rss);
        var sitemap = await GetXmlAsync(client, "/sitemap.xml", Xml);

        Assert.Contains("Sitemap: https://baothunghiem.vn/sitemap.xml\n", robots, StringComparison.Ordinal);
        Assert.Equal("https://baothunghiem.vn/en", rss.Root!.Element("channel")!.Element("link")?.Value);
        Assert.Equal("https://baothunghiem.vn/en/rss.xml", rss.Root.Element("channel")!.Element(Atom + "link")?.Attribute("href")?.Value);
        Assert.Contains("https://baothunghiem.vn/", Locations(sitemap));
    }
}
