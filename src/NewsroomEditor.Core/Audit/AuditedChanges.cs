using System.Globalization;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Audit;

/// <summary>
/// The audit records of the story and media domain events, written by <see cref="AuditEventHandler"/>
/// in the transaction of the change they describe.
/// </summary>
public static class AuditedChanges
{
    /// <summary>
    /// A workflow move by a person: <see cref="AuditActions.StoryPublished"/> or
    /// <see cref="AuditActions.StoryUnpublished"/> for those moves, <see cref="AuditActions.StoryTransition"/>
    /// for the others; the details say from → to, the headline, the note and a scheduled time.
    /// </summary>
    public static AuditRecord StoryMoved(StoryWorkflowEvent moved, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(moved);
        var story = moved.Story;
        var action = moved.To == StoryState.Published ? AuditActions.StoryPublished
            : moved.From == StoryState.Published ? AuditActions.StoryUnpublished
            : AuditActions.StoryTransition;
        var details = $"{StateName(moved.From)} → {StateName(moved.To)}: {Quoted(story.Headline)}";
        if (moved.To == StoryState.Scheduled && story.ScheduledAt is { } at)
            details += $"; for {SiteTime(at, siteZone)}";
        if (!string.IsNullOrWhiteSpace(moved.Note))
            details += $"; note: {moved.Note.Trim()}";
        return new AuditRecord(action, moved.ActorId, moved.ActorName, StoryTarget(story), details);
    }

    /// <summary>A scheduled story published by the clock: the system acts, no person.</summary>
    public static AuditRecord StoryPublishedOnSchedule(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new AuditRecord(AuditActions.StoryPublished, null, Actor.System.DisplayName, StoryTarget(story),
            $"{StateName(StoryState.Scheduled)} → {StateName(StoryState.Published)}: {Quoted(story.Headline)}; on schedule");
    }

    /// <summary>A saved edit of a published story.</summary>
    public static AuditRecord StoryCorrected(StoryCorrected corrected)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        var story = corrected.Story;
        return new AuditRecord(AuditActions.StoryCorrected, corrected.ActorId, corrected.ActorName, StoryTarget(story),
            $"Correction of {Quoted(story.Headline)} (version {story.Version.ToString(CultureInfo.InvariantCulture)})");
    }

    public static AuditRecord MediaDeleted(MediaDeleted deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var asset = deleted.Asset;
        return new AuditRecord(AuditActions.MediaDeleted, deleted.ActorId, deleted.ActorName, $"media:{asset.Id}",
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
