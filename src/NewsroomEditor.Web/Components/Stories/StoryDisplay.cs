using MudBlazor;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>How story lists show times, languages and states; presentation only, no rules.</summary>
public static class StoryDisplay
{
    /// <summary>A stored UTC time in the site's time zone, as <c>11/04/2024 19:45</c>.</summary>
    public static string Time(DateTime utc, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        return SiteTime.Show(utc, siteZone);
    }

    public static string Time(DateTime? utc, TimeZoneInfo siteZone) => utc is { } value ? Time(value, siteZone) : "";

    public static string Headline(string headline) => string.IsNullOrWhiteSpace(headline) ? StoryNotices.Untitled : headline;

    public static string LanguageName(string code) => code switch
    {
        "vi" => "Tiếng Việt",
        "en" => "English",
        _ => code,
    };

    public static string SectionName(IReadOnlyList<Section> sections, int? sectionId) =>
        sectionId is null ? "" : sections.FirstOrDefault(s => s.Id == sectionId)?.NameVi ?? "";

    public static Color StateColor(StoryState state) => state switch
    {
        StoryState.InReview => Color.Info,
        StoryState.ChangesRequested => Color.Warning,
        StoryState.Approved or StoryState.Scheduled => Color.Primary,
        StoryState.Published => Color.Success,
        StoryState.Unpublished or StoryState.Archived => Color.Dark,
        _ => Color.Default,
    };

    public static string Href(Guid storyId) => $"stories/{storyId}";
}
