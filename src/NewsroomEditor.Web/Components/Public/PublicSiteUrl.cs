using NewsroomEditor.Web.Hosting;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site's absolute addresses, for canonical links, shares, feeds, sitemaps and
/// robots.txt, from <see cref="AppAddress"/> (<c>Site:PublicUrl</c>, never the request's Host).
/// One rule, so that a page's canonical link and the sitemap never name two different hosts.
/// </summary>
public sealed class PublicSiteUrl(AppAddress address)
{
    /// <summary>The site's address without a trailing slash: <c>https://baothunghiem.vn</c>.</summary>
    public string Base => address.BaseWithoutSlash;

    /// <summary>A site path (<see cref="NewsroomEditor.Core.Publishing.PublicPaths"/>, starting with "/") as an absolute URL.</summary>
    public string Absolute(string path) => address.Absolute(path);
}
