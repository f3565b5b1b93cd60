using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Stories;

/// <summary>What to tell one person about a workflow move: a one-line title and an optional note.</summary>
public sealed record StoryNotice(Guid StoryId, string Title, string? Note, StoryNoticeKind Kind);

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
    public const string Untitled = "(untitled)";

    /// <summary>The notice for <paramref name="viewer"/>, or null when the move is none of their news.</summary>
    public static StoryNotice? For(StoryActor viewer, StoryStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(change);
        if (change.ActorId == viewer.UserId || change.From == change.To)
            return null;

        var headline = string.IsNullOrWhiteSpace(change.Headline) ? Untitled : change.Headline;
        if (change.AuthorId == viewer.UserId)
        {
            var authorNotice = change.To switch
            {
                StoryState.ChangesRequested => new StoryNotice(change.StoryId, $"Changes requested: {headline}", change.Note, StoryNoticeKind.ChangesRequested),
                StoryState.Approved => new StoryNotice(change.StoryId, $"Approved: {headline}", change.Note, StoryNoticeKind.Approved),
                StoryState.Published => new StoryNotice(change.StoryId, $"Published: {headline}", change.Note, StoryNoticeKind.Published),
                _ => null,
            };
            if (authorNotice is not null)
                return authorNotice;
        }
        if (viewer.IsEditor && change.To == StoryState.InReview)
            return new StoryNotice(change.StoryId, $"New in review: {headline} by {change.ActorName}", null, StoryNoticeKind.Submitted);
        return null;
    }

    /// <summary>Whether a move changes what the review queue holds.</summary>
    public static bool ChangesReviewQueue(StoryStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.From == StoryState.InReview || change.To == StoryState.InReview;
    }
}
