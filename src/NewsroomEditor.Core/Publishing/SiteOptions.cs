namespace NewsroomEditor.Core.Publishing;

/// <summary>Settings under <c>Site</c>: how the newsroom presents itself.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string Name { get; set; } = "NewsroomEditor";

    /// <summary>IANA time-zone id for date lines and scheduling.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Content languages; the first is the site's default.</summary>
    public List<string> Languages { get; set; } = [];

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
