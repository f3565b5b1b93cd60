namespace NewsroomEditor.Core.Publishing;

/// <summary>Settings under <c>Site</c>: how the newsroom presents itself.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "NewsroomEditor";

    /// <summary>
    /// The public site's absolute address (<c>https://baothunghiem.vn</c>) for canonical links,
    /// feeds, sitemaps and shares; empty uses the address each request came to.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>IANA time-zone id for date lines and scheduling.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Content languages; the first is the site's default.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>How long a signed preview link (<c>/preview/{token}</c>) shows a story, in hours.</summary>
    public int PreviewLinkHours { get; set; } = 48;

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
