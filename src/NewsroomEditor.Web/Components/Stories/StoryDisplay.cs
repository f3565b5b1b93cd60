using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>
/// How the stories UI shows times, languages, states and workflow actions; presentation only, no
/// rules. The words come from the caller's <c>L</c> (the stories area's localizer), so they are in
/// the person's interface language.
/// </summary>
public static class StoryDisplay
{
    /// <summary>A stored UTC time in the site's time zone, in the person's culture (<c>11/04/2024 19:45</c> in Vietnamese).</summary>
    public static string Time(DateTime utc, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        return SiteTime.Show(utc, siteZone);
    }

    public static string Time(DateTime? utc, TimeZoneInfo siteZone) => utc is { } value ? Time(value, siteZone) : "";

    /// <summary>The headline, or the domain's "(untitled)" in the person's interface language.</summary>
    public static string Headline(string headline) => string.IsNullOrWhiteSpace(headline) ? StoryNotices.Untitled : headline;

    public static string SectionName(IReadOnlyList<Section> sections, int? sectionId) =>
        sectionId is null || sections.FirstOrDefault(s => s.Id == sectionId) is not { } section ? "" : SectionName(section);

    /// <summary>A section by its name in the person's interface language (English names for an English interface).</summary>
    public static string SectionName(Section section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return english && section.NameEn.Length > 0 ? section.NameEn : section.NameVi;
    }

    /// <summary>The name of a workflow state, as chips, filters and the history show it.</summary>
    public static string StateLabel(StoryState state, IStringLocalizer<StoriesText> L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return state switch
        {
            StoryState.Draft => L["Draft"],
            StoryState.InReview => L["In review"],
            StoryState.ChangesRequested => L["Changes requested"],
            StoryState.Approved => L["Approved"],
            StoryState.Scheduled => L["Scheduled"],
            StoryState.Published => L["Published"],
            StoryState.Unpublished => L["Unpublished"],
            StoryState.Archived => L["Archived"],
            _ => state.ToString(),
        };
    }

    /// <summary>The stable, accessible labels of the workflow buttons (DESIGN.md §8).</summary>
    public static string ActionLabel(StoryAction action, IStringLocalizer<StoriesText> L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return action switch
        {
            StoryAction.Edit => L["Edit"],
            StoryAction.Submit => L["Submit for review"],
            StoryAction.Withdraw => L["Withdraw"],
            StoryAction.Resubmit => L["Resubmit"],
            StoryAction.RequestChanges => L["Request changes"],
            StoryAction.Approve => L["Approve"],
            StoryAction.Publish => L["Publish"],
            StoryAction.Schedule => L["Schedule"],
            StoryAction.Unpublish => L["Unpublish"],
            StoryAction.Archive => L["Archive"],
            StoryAction.Restore => L["Restore"],
            _ => action.ToString(),
        };
    }

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
