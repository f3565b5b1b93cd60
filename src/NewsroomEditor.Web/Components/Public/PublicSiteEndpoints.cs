using NewsroomEditor.Core.Publishing;
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
        var paths = app.ServiceProvider.GetRequiredService<PublicPaths>();
        foreach (var language in paths.Languages)
        {
            var site = app.MapGroup(paths.Prefix(language))
                .CacheOutput(PublicSiteCache.PolicyName)
                .WithMetadata(new PublicSiteEndpointAttribute())
                .ExcludeFromDescription();
            site.MapGet("/", (PublicSitePages pages, int? page) => pages.HomeAsync(language, page ?? 1));
            site.MapGet($"/tag/{{tag:{Slug}}}", (PublicSitePages pages, string tag, int? page) => pages.TagAsync(language, tag, page ?? 1));
            site.MapGet($"/{{section:{Slug}}}", (PublicSitePages pages, string section, int? page) => pages.SectionAsync(language, section, page ?? 1));
            site.MapGet($"/{{section:{Slug}}}/{{slug:{Slug}}}", (PublicSitePages pages, string section, string slug) => pages.ArticleAsync(language, section, slug));

            // Feeds are not pages: no first-run redirect to /setup for a feed reader (an empty feed instead).
            var feeds = app.MapGroup(paths.Prefix(language)).CacheOutput(PublicSiteCache.PolicyName).ExcludeFromDescription();
            feeds.MapGet("/rss.xml", (PublicFeeds feed) => feed.LanguageFeedAsync(language));
            feeds.MapGet($"/{{section:{Slug}}}/rss.xml", (PublicFeeds feed, string section) => feed.SectionFeedAsync(language, section));
        }

        var machines = app.MapGroup("").CacheOutput(PublicSiteCache.PolicyName).ExcludeFromDescription();
        machines.MapGet("/sitemap.xml", (PublicFeeds feeds) => feeds.SitemapAsync());
        machines.MapGet("/news-sitemap.xml", (PublicFeeds feeds) => feeds.NewsSitemapAsync());
        machines.MapGet("/robots.txt", (PublicFeeds feeds) => feeds.Robots());
        return app;
    }
}
