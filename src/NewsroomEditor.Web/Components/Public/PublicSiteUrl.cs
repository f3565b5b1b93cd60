using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site's absolute addresses, for canonical links, shares, feeds, sitemaps and
/// robots.txt: <c>Site:PublicUrl</c> when it is set, else the scheme and host this request came to.
/// One rule, so that a page's canonical link and the sitemap never name two different hosts.
/// </summary>
public sealed class PublicSiteUrl(IHttpContextAccessor http, IOptions<SiteOptions> site)
{
    /// <summary>The site's address without a trailing slash: <c>https://baothunghiem.vn</c>.</summary>
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(site.Value.PublicUrl))
                return For(site.Value, "");
            var request = (http.HttpContext ?? throw new InvalidOperationException("No request.")).Request;
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>
    /// The same rule where there is no request at hand (an interactive circuit): <c>Site:PublicUrl</c>,
    /// else <paramref name="addressInUse"/> (the address the browser uses, e.g. NavigationManager.BaseUri).
    /// </summary>
    public static string For(SiteOptions site, string addressInUse)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(addressInUse);
        var address = string.IsNullOrWhiteSpace(site.PublicUrl) ? addressInUse : site.PublicUrl.Trim();
        return address.TrimEnd('/');
    }

    /// <summary>A site path (<see cref="PublicPaths"/>, starting with "/") as an absolute URL.</summary>
    public string Absolute(string path) => Base + path;
}
