using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Web.Components.Public.Site;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>Marks the public site's endpoints: pages for readers, which first-run setup also guards.</summary>
public sealed class PublicSiteEndpointAttribute : Attribute;

/// <summary>
/// The public site's addresses (see <see cref="PublicPaths"/>): home, section, tag and article
/// pages for each content language, rendered statically and output-cached; and the same for
/// machines (<see cref="PublicFeeds"/>): RSS per language and section, sitemaps, robots.txt. Literal routes of the
/// editing UI (<c>/stories</c>, <c>/media</c>…) win over these patterns, which is why section slugs
/// avoid <see cref="Section.ReservedSlugs"/>.
/// </summary>
public static class PublicSiteEndpoints
{
    /// <summary>A slug as <see cref="Slugs"/> makes it: lower-case ASCII letters, digits and hyphens.</summary>
    private const string Slug = "regex(^[a-z0-9]+(-[a-z0-9]+)*$)";

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Which language lives where is read per request, not fixed when routes are mapped: an admin
        // may change the content languages at run time (Site settings). The root serves the default
        // language; each language the site knows has its prefix mapped, answered only while it is a
        // content language other than the default (otherwise 404).
        MapLanguage(app, "", paths => paths.DefaultLanguage);
        foreach (var code in SiteOptions.KnownLanguages)
            MapLanguage(app, "/" + code, paths => paths.Languages.Contains(code) && code != paths.DefaultLanguage ? code : null);

        var machines = app.MapGroup("").CacheOutput(PublicSiteCache.PolicyName).ExcludeFromDescription();
        machines.MapGet("/sitemap.xml", (PublicFeeds feeds) => feeds.SitemapAsync());
        machines.MapGet("/news-sitemap.xml", (PublicFeeds feeds) => feeds.NewsSitemapAsync());
        machines.MapGet("/robots.txt", (PublicFeeds feeds) => feeds.Robots());
        return app;
    }

    private static void MapLanguage(IEndpointRouteBuilder app, string prefix, Func<PublicPaths, string?> languageHere)
    {
        var site = app.MapGroup(prefix)
            .CacheOutput(PublicSiteCache.PolicyName)
            .WithMetadata(new PublicSiteEndpointAttribute())
            .ExcludeFromDescription();
        site.MapGet("/", (PublicSitePages pages, PublicPaths paths, int? page) =>
            languageHere(paths) is { } language ? pages.HomeAsync(language, page ?? 1) : NotServed());
        // The reader search, at the word its readers type (/tim-kiem, /en/search): cached briefly
        // per query, since any publish may add a result.
        foreach (var searchSlug in new[] { PublicPaths.VietnameseSearchSlug, PublicPaths.EnglishSearchSlug })
        {
            site.MapGet("/" + searchSlug, (PublicSitePages pages, PublicPaths paths, string? q, int? page) =>
                    languageHere(paths) is { } language && PublicPaths.SearchSlug(language) == searchSlug
                        ? pages.SearchAsync(language, q, page ?? 1)
                        : NotServed())
                .CacheOutput(PublicSiteCache.SearchPolicyName);
        }
        site.MapGet($"/tag/{{tag:{Slug}}}", (PublicSitePages pages, PublicPaths paths, string tag, int? page) =>
            languageHere(paths) is { } language ? pages.TagAsync(language, tag, page ?? 1) : NotServed());
        site.MapGet($"/{{section:{Slug}}}", (PublicSitePages pages, PublicPaths paths, string section, int? page) =>
            languageHere(paths) is { } language ? pages.SectionAsync(language, section, page ?? 1) : NotServed());
        site.MapGet($"/{{section:{Slug}}}/{{slug:{Slug}}}", (PublicSitePages pages, PublicPaths paths, string section, string slug) =>
            languageHere(paths) is { } language ? pages.ArticleAsync(language, section, slug) : NotServed());

        // Feeds are not pages: no first-run redirect to /setup for a feed reader (an empty feed instead).
        var feeds = app.MapGroup(prefix).CacheOutput(PublicSiteCache.PolicyName).ExcludeFromDescription();
        feeds.MapGet("/rss.xml", (PublicFeeds feed, PublicPaths paths) =>
            languageHere(paths) is { } language ? feed.LanguageFeedAsync(language) : NotServed());
        feeds.MapGet($"/{{section:{Slug}}}/rss.xml", (PublicFeeds feed, PublicPaths paths, string section) =>
            languageHere(paths) is { } language ? feed.SectionFeedAsync(language, section) : NotServed());
    }

    /// <summary>An empty 404, which the status-code pages turn into the site's "not found" page.</summary>
    private static Task<IResult> NotServed() => Task.FromResult(Results.NotFound());
}
