using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// A newsroom with stories in every state that matters to readers: two Vietnamese stories published
/// an hour apart in two sections (the later one with a featured photo), an English translation of the first, and a draft, a scheduled and
/// an unpublished story that must never reach the public site. The app's clock stands still at
/// 11/04/2024 19:45 (Asia/Ho_Chi_Minh) unless a test moves it.
/// </summary>
public sealed class PublishedNewsroom : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2024, 4, 11, 12, 45, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public NewsroomAppFactory App { get; }

    public PublishedNewsroom() => App = new NewsroomAppFactory { Clock = Clock };

    public Story Plenary { get; private set; } = default!;
    public Story PlenaryInEnglish { get; private set; } = default!;
    public Story Rice { get; private set; } = default!;
    public MediaItem Photo { get; private set; } = default!;
    public Story Draft { get; private set; } = default!;
    public Story Scheduled { get; private set; } = default!;
    public Story Unpublished { get; private set; } = default!;

    /// <summary>The stories no reader may see.</summary>
    public IEnumerable<Story> Hidden => [Draft, Scheduled, Unpublished];

    public async Task InitializeAsync()
    {
        var desk = await PublishingDesk.OpenAsync(App);
        Plenary = await desk.PublishAsync(new StoryDraft(
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
            "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị đánh giá tình hình quý I.",
            Tags: ["Hội nghị", "Tỉnh ủy"]));
        Clock.Advance(TimeSpan.FromMinutes(30));
        PlenaryInEnglish = await desk.PublishAsync(new StoryDraft(
            "Provincial Party Committee holds its 15th plenary meeting",
            "On the morning of April 11, the Provincial Party Committee reviewed the first quarter.",
            Language: "en",
            Byline: "Hoang Lan"), translationOf: Plenary);
        Clock.Advance(TimeSpan.FromMinutes(30));
        Photo = await desk.UploadPhotoAsync("Ruộng lúa chín vàng ở Đồng Tháp");
        Rice = await desk.PublishAsync(new StoryDraft(
            "Xuất khẩu gạo tăng mạnh trong quý đầu năm",
            "Kim ngạch xuất khẩu gạo quý I đạt mức cao nhất trong nhiều năm, theo Bộ Công Thương.",
            Section: "Kinh tế",
            Byline: "Trần Minh",
            FeaturedMediaId: Photo.Id));
        Draft = await desk.DraftAsync(new StoryDraft("Bản nháp chưa được đăng", "Đây là bản nháp."));
        Scheduled = await desk.ScheduleAsync(new StoryDraft("Bài hẹn giờ đăng tháng sau", "Chưa đến giờ đăng."), Start.AddDays(30));
        Unpublished = await desk.UnpublishedAsync(new StoryDraft("Bài đã bị gỡ xuống", "Bài này đã được gỡ."));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Reading machine output over HTTP.</summary>
internal static class MachineOutput
{
    public const string Rss = "application/rss+xml; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";

    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>GETs <paramref name="path"/>, expects 200 with <paramref name="contentType"/>, and parses the XML.</summary>
    public static async Task<XDocument> GetXmlAsync(HttpClient client, string path, string contentType)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The RSS items' guids, in the feed's order.</summary>
    public static IReadOnlyList<string> Guids(XDocument rss) =>
        rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("guid")!.Value).ToList();

    public static string Guid(Story story) => $"urn:uuid:{story.Id}";

    /// <summary>The sitemap's <c>&lt;loc&gt;</c> addresses.</summary>
    public static IReadOnlyList<string> Locations(XDocument sitemap) =>
        sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
}
