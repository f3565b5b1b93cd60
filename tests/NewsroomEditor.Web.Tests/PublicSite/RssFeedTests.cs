using System.Net;
using System.Xml.Linq;
using NewsroomEditor.Core.Stories;
using static NewsroomEditor.Web.Tests.PublicSite.MachineOutput;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>RSS 2.0 per language and per section: exactly the published stories, newest first.</summary>
public sealed class RssFeedTests : IClassFixture<PublishedNewsroom>
{
    private const string Site = "http://localhost";
    private readonly PublishedNewsroom _newsroom;
    private readonly HttpClient _client;

    public RssFeedTests(PublishedNewsroom newsroom)
    {
        _newsroom = newsroom;
        _client = newsroom.App.CreateBrowserlessClient();
    }

    [Fact]
    public async Task The_Vietnamese_feed_is_RSS_2_with_its_published_stories_newest_first()
    {
        var rss = await GetXmlAsync(_client, "/rss.xml", Rss);

        Assert.Equal("rss", rss.Root!.Name.LocalName);
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("Báo Thử Nghiệm", channel.Element("title")?.Value);
        Assert.Equal(Site + "/", channel.Element("link")?.Value);
        Assert.Equal("Tin mới nhất – Báo Thử Nghiệm", channel.Element("description")?.Value);
        Assert.Equal("vi", channel.Element("language")?.Value);
        // The newest change among its stories: the rice story, published at 20:45 in Hanoi.
        Assert.Equal("Thu, 11 Apr 2024 20:45:00 +0700", channel.Element("lastBuildDate")?.Value);
        var self = Assert.Single(channel.Elements(Atom + "link"));
        Assert.Equal("self", self.Attribute("rel")?.Value);
        Assert.Equal(Site + "/rss.xml", self.Attribute("href")?.Value);
        Assert.Equal("application/rss+xml", self.Attribute("type")?.Value);
        Assert.Equal([Guid(_newsroom.Rice), Guid(_newsroom.Plenary)], Guids(rss));
    }

    [Fact]
    public async Task An_item_has_title_absolute_link_id_guid_date_lead_section_and_byline_with_diacritics_intact()
    {
        var rss = await GetXmlAsync(_client, "/rss.xml", Rss);
        var plenary = _newsroom.Plenary;

        var item = rss.Root!.Element("channel")!.Elements("item").Single(i => i.Element("guid")?.Value == Guid(plenary));

        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", item.Element("title")?.Value);
        Assert.Equal($"{Site}/thoi-su/{plenary.Slug}", item.Element("link")?.Value);
        Assert.Equal("hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-15", plenary.Slug);
        // The id, not the address: a corrected headline moves the address but not the guid.
        Assert.Equal("false", item.Element("guid")?.Attribute("isPermaLink")?.Value);
        Assert.Equal("Thu, 11 Apr 2024 19:45:00 +0700", item.Element("pubDate")?.Value);
        Assert.Equal("Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị đánh giá tình hình quý I.", item.Element("description")?.Value);
        Assert.Equal("Thời sự", item.Element("category")?.Value);
        Assert.Equal("Hoàng Lan", item.Element(DublinCore + "creator")?.Value);
        Assert.Null(item.Element("enclosure")); // no featured photo
    }

    [Fact]
    public async Task A_featured_photo_is_the_item_s_enclosure_at_an_address_that_serves_it()
    {
        var rss = await GetXmlAsync(_client, "/rss.xml", Rss);

        var item = rss.Root!.Element("channel")!.Elements("item").Single(i => i.Element("guid")?.Value == Guid(_newsroom.Rice));
        var enclosure = item.Element("enclosure");
        Assert.NotNull(enclosure);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")?.Value);
        var url = enclosure.Attribute("url")!.Value;
        Assert.StartsWith(Site + "/media/", url, StringComparison.Ordinal);
        using var photo = await _client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(enclosure.Attribute("length")?.Value, (await photo.Content.ReadAsByteArrayAsync()).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_English_feed_has_only_the_English_stories()
    {
        var rss = await GetXmlAsync(_client, "/en/rss.xml", Rss);
        var english = _newsroom.PlenaryInEnglish;

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("en", channel.Element("language")?.Value);
        Assert.Equal(Site + "/en", channel.Element("link")?.Value);
        Assert.Equal("Latest news – Báo Thử Nghiệm", channel.Element("description")?.Value);
        Assert.Equal(Site + "/en/rss.xml", channel.Element(Atom + "link")?.Attribute("href")?.Value);
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal(Guid(english), item.Element("guid")?.Value);
        Assert.Equal($"{Site}/en/news/{english.Slug}", item.Element("link")?.Value);
        Assert.Equal("News", item.Element("category")?.Value);
    }

    [Theory]
    [InlineData("/thoi-su/rss.xml", "Báo Thử Nghiệm – Thời sự", "/thoi-su", nameof(PublishedNewsroom.Plenary))]
    [InlineData("/kinh-te/rss.xml", "Báo Thử Nghiệm – Kinh tế", "/kinh-te", nameof(PublishedNewsroom.Rice))]
    [InlineData("/en/news/rss.xml", "Báo Thử Nghiệm – News", "/en/news", nameof(PublishedNewsroom.PlenaryInEnglish))]
    public async Task A_section_feed_has_the_section_s_stories_only(string path, string title, string sectionPath, string story)
    {
        var rss = await GetXmlAsync(_client, path, Rss);
        var expected = (Story)typeof(PublishedNewsroom).GetProperty(story)!.GetValue(_newsroom)!;

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal(title, channel.Element("title")?.Value);
        Assert.Equal(Site + sectionPath, channel.Element("link")?.Value);
        Assert.Equal(Site + path, channel.Element(Atom + "link")?.Attribute("href")?.Value);
        Assert.Equal([Guid(expected)], Guids(rss));
    }

    [Fact]
    public async Task A_section_with_no_published_story_has_an_empty_feed()
    {
        var rss = await GetXmlAsync(_client, "/the-thao/rss.xml", Rss);

        Assert.Equal("Báo Thử Nghiệm – Thể thao", rss.Root!.Element("channel")!.Element("title")?.Value);
        Assert.Empty(Guids(rss));
    }

    [Theory]
    [InlineData("/rss.xml")]
    [InlineData("/en/rss.xml")]
    [InlineData("/thoi-su/rss.xml")]
    [InlineData("/en/news/rss.xml")]
    public async Task Drafts_scheduled_and_unpublished_stories_never_appear(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var story in _newsroom.Hidden)
        {
            Assert.DoesNotContain(story.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(story.Headline, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/no-such-section/rss.xml")]
    [InlineData("/en/thoi-su/rss.xml")] // a Vietnamese section address under the English prefix
    public async Task An_unknown_section_s_feed_is_404_with_a_reason(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PlainText, response.Content.Headers.ContentType?.ToString());
        Assert.Contains("No section of this site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_page_links_its_own_feed_beside_the_language_s()
    {
        using var response = await _client.GetAsync("/thoi-su");
        // Attribute values come HTML-encoded ("rss&#x2B;xml"); compare what a browser reads.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Báo Thử Nghiệm – Thời sự\" href=\"/thoi-su/rss.xml\" />", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Báo Thử Nghiệm\" href=\"/rss.xml\" />", html, StringComparison.Ordinal);
    }
}
