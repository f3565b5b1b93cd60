using System.Globalization;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Audit;

/// <summary>
/// The audit records of the story and media use cases, built here so that the services only
/// say "record this" after their save, in one line.
/// </summary>
public static class AuditedChanges
{
    /// <summary>
    /// A workflow move by a person: <see cref="AuditActions.StoryPublished"/> or
    /// <see cref="AuditActions.StoryUnpublished"/> for those moves, <see cref="AuditActions.StoryTransition"/>
    /// for the others; the details say from → to, the headline, the note and a scheduled time.
    /// </summary>
    public static AuditRecord StoryMoved(Story story, StoryState from, Actor actor, string? note, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(actor);
        var action = story.State == StoryState.Published ? AuditActions.StoryPublished
            : from == StoryState.Published ? AuditActions.StoryUnpublished
            : AuditActions.StoryTransition;
        var details = $"{StateName(from)} → {StateName(story.State)}: {Quoted(story.Headline)}";
        if (story.State == StoryState.Scheduled && story.ScheduledAt is { } at)
            details += $"; for {SiteTime(at, siteZone)}";
        if (!string.IsNullOrWhiteSpace(note))
            details += $"; note: {note.Trim()}";
        return new AuditRecord(action, actor.UserId, actor.DisplayName, StoryTarget(story), details);
    }

    /// <summary>A scheduled story published by the clock: the system acts, no person.</summary>
    public static AuditRecord StoryPublishedOnSchedule(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new AuditRecord(AuditActions.StoryPublished, null, Actor.System.DisplayName, StoryTarget(story),
            $"{StateName(StoryState.Scheduled)} → {StateName(StoryState.Published)}: {Quoted(story.Headline)}; on schedule");
    }

    /// <summary>A saved edit of a published story.</summary>
    public static AuditRecord StoryCorrected(Story story, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditRecord(AuditActions.StoryCorrected, actor.UserId, actor.DisplayName, StoryTarget(story),
            $"Correction of {Quoted(story.Headline)} (version {story.Version.ToString(CultureInfo.InvariantCulture)})");
    }

    public static AuditRecord MediaDeleted(MediaAsset asset, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditRecord(AuditActions.MediaDeleted, actor.UserId, actor.DisplayName, $"media:{asset.Id}",
            $"Deleted {Quoted(asset.OriginalFileName)} uploaded by {asset.UploaderName}");
    }

    private static string StoryTarget(Story story) => $"story:{story.Id}";

    private static string Quoted(string text) => $"\"{(text.Length == 0 ? "(untitled)" : text)}\"";

    /// <summary>"InReview" → "In review".</summary>
    internal static string StateName(StoryState state)
    {
        var name = state.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else
                words.Append(name[i]);
        }
        return words.ToString();
    }

    private static string SiteTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone)
            .ToString("dd/MM/yyyy HH:mm zzz", CultureInfo.InvariantCulture);
}
