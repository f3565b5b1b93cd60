using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// What to tell one person about a workflow move: its kind, the story's headline (never empty), who
/// moved it and an optional note. The UI words it in the reader's language.
/// </summary>
public sealed record StoryNotice(Guid StoryId, StoryNoticeKind Kind, string Headline, string ActorName, string? Note);

public enum StoryNoticeKind
{
    ChangesRequested,
    Approved,
    Published,
    Submitted,
}

/// <summary>
/// Who hears about which workflow move. The author hears that their story was sent back,
/// approved or published; editors hear that a story was submitted; nobody hears about their own move.
/// </summary>
public static class StoryNotices
{
    /// <summary>What stands for the headline of a story that has none yet, in the reader's interface language.</summary>
    public static string Untitled => DomainText.Get("(untitled)");

    /// <summary>The notice for <paramref name="viewer"/>, or null when the move is none of their news.</summary>
    public static StoryNotice? For(Actor viewer, StoryStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(change);
        if (change.ActorId == viewer.UserId || change.From == change.To)
            return null;

        var headline = string.IsNullOrWhiteSpace(change.Headline) ? Untitled : change.Headline;
        if (change.AuthorId == viewer.UserId)
        {
            StoryNoticeKind? authorNews = change.To switch
            {
                StoryState.ChangesRequested => StoryNoticeKind.ChangesRequested,
                StoryState.Approved => StoryNoticeKind.Approved,
                StoryState.Published => StoryNoticeKind.Published,
                _ => null,
            };
            if (authorNews is { } kind)
                return new StoryNotice(change.StoryId, kind, headline, change.ActorName, change.Note);
        }
        if (viewer.IsEditor && change.To == StoryState.InReview)
            return new StoryNotice(change.StoryId, StoryNoticeKind.Submitted, headline, change.ActorName, null);
        return null;
    }

    /// <summary>Whether a move changes what the review queue holds.</summary>
    public static bool ChangesReviewQueue(StoryStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.From == StoryState.InReview || change.To == StoryState.InReview;
    }
}
