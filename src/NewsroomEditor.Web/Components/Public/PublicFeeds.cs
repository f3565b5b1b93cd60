using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Web.Components.Public.Site;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site for machines: RSS 2.0 per language and per section, the sitemap with
/// hreflang alternates, the Google News sitemap and robots.txt. Like the pages, everything comes
/// from <see cref="PublishedStories"/> (published stories only), carries absolute addresses from
/// <see cref="PublicSiteUrl"/> and goes out through <see cref="PublicResponse"/> (ETag, 304).
/// </summary>
internal sealed class PublicFeeds(
    IPublishedStories stories,
    PublicPaths paths,
    PublicSiteUrl siteUrl,
    IMediaService media,
    IHttpContextAccessor http,
    IOptionsMonitor<SiteOptions> site,
    TimeProvider clock)
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Google News lists stories published in the last two days.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    /// <summary>Google News reads at most 1,000 stories from one news sitemap.</summary>
    public const int NewsSitemapLimit = 1_000;

    /// <summary>A sitemap holds at most 50,000 addresses; past that it would need a sitemap index.</summary>
    public const int SitemapLimit = 50_000;

    /// <summary>
    /// Editing UI and private addresses, disallowed as themselves and below them (<c>/review</c>,
    /// <c>/review/…</c>, <c>/review?…</c>) rather than as bare prefixes: a section called "Reviews"
    /// (<c>/reviews</c>) must stay crawlable.
    /// </summary>
    public static readonly IReadOnlyList<string> PrivateAreas =
        ["/newsroom", "/stories", "/review", "/media/preview", "/admin", "/Account", "/setup", "/preview"];

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    private SiteOptions Site => site.CurrentValue;

    /// <summary><c>/rss.xml</c>, <c>/en/rss.xml</c>: a language's newest stories.</summary>
    public async Task<IResult> LanguageFeedAsync(string language)
    {
        var feed = await stories.FeedAsync(language, cancellationToken: Context.RequestAborted) ?? new PublishedFeed(null, []);
        PublicSiteCache.TagResponse(Context, feed.Items.Select(s => PublicSiteTags.Story(s.Id)).Append(PublicSiteTags.Feed(language)));
        return PublicResponse.Send(Context, await RssAsync(language, feed), PublicResponse.Rss);
    }

    /// <summary><c>/{section}/rss.xml</c>: a visible section's newest stories in a language.</summary>
    public async Task<IResult> SectionFeedAsync(string language, string sectionSlug)
    {
        if (await stories.FeedAsync(language, sectionSlug, cancellationToken: Context.RequestAborted) is not { } feed)
            return PublicResponse.Send(Context, $"No section of this site has the address \"{sectionSlug}\".", PublicResponse.PlainText, StatusCodes.Status404NotFound);
        PublicSiteCache.TagResponse(Context, feed.Items.Select(s => PublicSiteTags.Story(s.Id))
            .Append(feed.Section is { } section ? PublicSiteTags.Section(section.Id) : PublicSiteTags.Feed(language)));
        return PublicResponse.Send(Context, await RssAsync(language, feed), PublicResponse.Rss);
    }

    /// <summary>
    /// Builds RSS 2.0 with System.ServiceModel.Syndication. The guid is the story's id
    /// (<c>urn:uuid:…</c>, <c>isPermaLink="false"</c>), not its address: a corrected headline
    /// changes the slug (the old address redirects), and a guid that moved with it would make feed
    /// readers show the same story twice.
    /// </summary>
    private async Task<string> RssAsync(string language, PublishedFeed feed)
    {
        var text = PublicText.For(language);
        var sectionName = feed.Section is null ? null : XmlText(feed.Section.NameFor(language));
        var siteName = XmlText(Site.NameFor(language));
        var sectionSlug = feed.Section?.SlugFor(language);
        var channel = new SyndicationFeed(
            sectionName is null ? siteName : $"{siteName} – {sectionName}",
            sectionName is null ? $"{text.Latest} – {siteName}" : $"{text.Latest}: {sectionName} – {siteName}",
            new Uri(siteUrl.Absolute(sectionSlug is null ? paths.Home(language) : paths.Section(language, sectionSlug))))
        {
            Language = language,
        };
        channel.Links.Add(SyndicationLink.CreateSelfLink(
            new Uri(siteUrl.Absolute(sectionSlug is null ? paths.Feed(language) : paths.SectionFeed(language, sectionSlug))), "application/rss+xml"));
        // Declared on the channel so the self link and bylines read atom:link and dc:creator.
        channel.AttributeExtensions.Add(new XmlQualifiedName("atom", "http://www.w3.org/2000/xmlns/"), Atom);
        channel.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        // The newest change of what the feed shows, not the time of rendering: the same stories give
        // the same bytes, so the ETag holds and readers get 304s.
        if (feed.Items.Count > 0)
            channel.LastUpdatedTime = InSiteZone(feed.Items.Max(s => s.CorrectedAt ?? s.PublishedAt));

        var items = new List<SyndicationItem>(feed.Items.Count);
        foreach (var story in feed.Items)
        {
            var item = new SyndicationItem
            {
                Id = $"urn:uuid:{story.Id}",
                Title = new TextSyndicationContent(XmlText(story.Headline)),
                Summary = new TextSyndicationContent(XmlText(story.Lead)),
                PublishDate = InSiteZone(story.PublishedAt),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(siteUrl.Absolute(paths.Article(story.Language, story.SectionSlug, story.Slug)))));
            item.Categories.Add(new SyndicationCategory(XmlText(story.SectionName)));
            // RSS's own <author> must be an e-mail address; a byline is a name, which is dc:creator.
            if (story.Byline.Length > 0)
                item.ElementExtensions.Add("creator", DublinCore, XmlText(story.Byline));
            if (story.FeaturedMediaId is { } mediaId && await media.PublicImageAsync(mediaId, Context.RequestAborted) is { } image)
            {
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(
                    new Uri(siteUrl.Absolute(image.ShareRendition.Url)), "image/jpeg", image.ShareRendition.Bytes));
            }
            items.Add(item);
        }
        channel.Items = items;

        // serializeExtensionsAsAtom: the self link exists only as an Atom extension in RSS 2.0.
        return WriteXml(writer => new Rss20FeedFormatter(channel, serializeExtensionsAsAtom: true).WriteTo(writer));
    }

    /// <summary>
    /// <c>/sitemap.xml</c>: each language's home and visible section pages, and every published
    /// story, with the date it last changed and its translations as hreflang alternates
    /// (x-default: the site's default language).
    /// </summary>
    public async Task<IResult> SitemapAsync()
    {
        var published = await stories.AllAsync(limit: SitemapLimit, cancellationToken: Context.RequestAborted);
        PublicSiteCache.TagResponse(Context, [PublicSiteTags.Sitemap]);
        var sections = await stories.SectionsAsync(Context.RequestAborted);
        var urls = new List<XElement>();

        DateTime? NewestIn(string language, int? sectionId) => published
            .Where(p => p.Story.Language == language && (sectionId is null || p.Story.SectionId == sectionId))
            .Select(p => (DateTime?)LastChanged(p.Story))
            .Max();

        var homes = paths.Languages.ToDictionary(l => l, l => siteUrl.Absolute(paths.Home(l)));
        foreach (var language in paths.Languages)
            urls.Add(Url(homes[language], NewestIn(language, null), homes));
        foreach (var section in sections)
        {
            var pages = paths.Languages.ToDictionary(l => l, l => siteUrl.Absolute(paths.Section(l, section.SlugFor(l))));
            foreach (var language in paths.Languages)
                urls.Add(Url(pages[language], NewestIn(language, section.Id), pages));
        }

        var groups = published
            .GroupBy(p => p.TranslationGroupId)
            // The newest published story of each language in a group stands for that language.
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Story.Language).ToDictionary(l => l.Key, l => l.First().Story));
        foreach (var (story, groupId) in published.Take(SitemapLimit - urls.Count))
        {
            var translations = groups[groupId];
            var alternates = translations[story.Language].Id == story.Id
                ? translations.ToDictionary(t => t.Key, t => ArticleUrl(t.Value))
                : new Dictionary<string, string>();
            urls.Add(Url(ArticleUrl(story), LastChanged(story), alternates));
        }

        var document = new XDocument(new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
            urls));
        return PublicResponse.Send(Context, WriteXml(document.Save), PublicResponse.Xml);
    }

    /// <summary>One sitemap entry; alternates are written only when there is another language to name.</summary>
    private XElement Url(string location, DateTime? lastChanged, IReadOnlyDictionary<string, string> alternates)
    {
        var url = new XElement(Sitemap + "url", new XElement(Sitemap + "loc", location));
        if (lastChanged is { } changed)
            url.Add(new XElement(Sitemap + "lastmod", SiteTime.Iso(changed)));
        if (alternates.Count > 1)
        {
            foreach (var (language, href) in alternates.OrderBy(a => paths.Languages.ToList().IndexOf(a.Key)))
                url.Add(Alternate(language, href));
            if (alternates.TryGetValue(paths.DefaultLanguage, out var fallback))
                url.Add(Alternate("x-default", fallback));
        }
        return url;
    }

    private static XElement Alternate(string hreflang, string href) => new(Xhtml + "link",
        new XAttribute("rel", "alternate"), new XAttribute("hreflang", hreflang), new XAttribute("href", href));

    /// <summary>
    /// <c>/news-sitemap.xml</c>: stories published in the last 48 hours, as Google News reads them.
    /// A story leaves it when a request comes after its 48 hours and the cached copy (a few minutes
    /// at most, <see cref="PublicSiteCache.Lifetime"/>) has expired.
    /// </summary>
    public async Task<IResult> NewsSitemapAsync()
    {
        var since = clock.GetUtcNow().UtcDateTime - NewsWindow;
        var recent = await stories.AllAsync(since, NewsSitemapLimit, Context.RequestAborted);
        PublicSiteCache.TagResponse(Context, [PublicSiteTags.Sitemap]);
        var document = new XDocument(new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "news", News),
            recent.Select(p => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", ArticleUrl(p.Story)),
                new XElement(News + "news",
                    new XElement(News + "publication",
                        new XElement(News + "name", XmlText(Site.NameFor(p.Story.Language))),
                        new XElement(News + "language", p.Story.Language)),
                    new XElement(News + "publication_date", SiteTime.IsoLocal(p.Story.PublishedAt, Site)),
                    new XElement(News + "title", XmlText(p.Story.Headline)))))));
        return PublicResponse.Send(Context, WriteXml(document.Save), PublicResponse.Xml);
    }

    /// <summary><c>/robots.txt</c>: the public site open to crawlers, the newsroom closed, the sitemaps named.</summary>
    public IResult Robots()
    {
        var robots = new StringBuilder();
        robots.Append("User-agent: *\n");
        robots.Append("Allow: /\n");
        foreach (var area in PrivateAreas)
            robots.Append($"Disallow: {area}$\nDisallow: {area}/\nDisallow: {area}?\n");
        // The media library page is the newsroom's; the photos' renditions below /media/ are the site's.
        robots.Append("Disallow: /media$\nDisallow: /media?\n");
        robots.Append('\n');
        robots.Append($"Sitemap: {siteUrl.Absolute("/sitemap.xml")}\n");
        robots.Append($"Sitemap: {siteUrl.Absolute("/news-sitemap.xml")}\n");
        return PublicResponse.Send(Context, robots.ToString(), PublicResponse.PlainText);
    }

    private string ArticleUrl(PublishedSummary story) => siteUrl.Absolute(paths.Article(story.Language, story.SectionSlug, story.Slug));

    private static DateTime LastChanged(PublishedSummary story) => story.CorrectedAt ?? story.PublishedAt;

    /// <summary>A stored UTC time in the site's zone, so feeds say <c>+0700</c> like the date line.</summary>
    private DateTimeOffset InSiteZone(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Site.TimeZoneInfo);

    /// <summary>
    /// Text as XML 1.0 can carry it: without the control characters (and non-characters) it has no
    /// way to write, which would otherwise make XmlWriter throw and the whole feed answer 500 because
    /// of one story. Story fields are stored without them; names and older rows may still hold some.
    /// </summary>
    internal static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                clean.Append(text[i]).Append(text[++i]);
        }
        return clean.ToString();
    }

    /// <summary>UTF-8 without a byte-order mark, so the XML declaration and the HTTP charset agree.</summary>
    private static string WriteXml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
