namespace NewsroomEditor.Core.Settings;

/// <summary>Settings under <c>Site</c>: how the newsroom presents itself.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The languages the site knows how to show: the public site's own texts (menus, dates, error
    /// pages) and every section's name and slug exist in Vietnamese and English only, so a content
    /// language can only be one of these until those are written in another.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownLanguages = ["vi", "en"];

    /// <summary>Whether <paramref name="code"/> may be a content language: the check of the settings file and of the settings page.</summary>
    public static bool IsKnownLanguage(string? code) => code is not null && KnownLanguages.Contains(code);

    /// <summary>The site's name in its default language (the editing UI's title), and in any language without its own.</summary>
    public string Name { get; set; } = "NewsroomEditor";

    /// <summary>The site's name per content language (<c>Site:Names:en</c>); a language without one uses <see cref="Name"/>.</summary>
    public Dictionary<string, string> Names { get; set; } = [];

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

    /// <summary>The site's name as readers of <paramref name="language"/> see it.</summary>
    public string NameFor(string language) =>
        Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name) ? name : Name;

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
