namespace NewsroomEditor.Core.Stories;

/// <summary>
/// The workflow and permission table of DESIGN.md §2, in one place. The UI asks it which buttons to
/// show; every domain method asks it again before changing anything, so a forged call is refused
/// exactly as a hidden button is.
/// </summary>
public static class StoryRules
{
    private static readonly Dictionary<(StoryState From, StoryAction Action), StoryState> Moves = new()
    {
        [(StoryState.Draft, StoryAction.Submit)] = StoryState.InReview,
        [(StoryState.InReview, StoryAction.Withdraw)] = StoryState.Draft,
        [(StoryState.InReview, StoryAction.RequestChanges)] = StoryState.ChangesRequested,
        [(StoryState.InReview, StoryAction.Approve)] = StoryState.Approved,
        [(StoryState.InReview, StoryAction.Publish)] = StoryState.Published, // approve and publish
        [(StoryState.ChangesRequested, StoryAction.Resubmit)] = StoryState.InReview,
        [(StoryState.Approved, StoryAction.Publish)] = StoryState.Published,
        [(StoryState.Approved, StoryAction.Schedule)] = StoryState.Scheduled,
        [(StoryState.Published, StoryAction.Unpublish)] = StoryState.Unpublished,
        [(StoryState.Archived, StoryAction.Restore)] = StoryState.Draft,
    };

    /// <summary>The state an action leads to from <paramref name="state"/>, or null when it is no move from there.</summary>
    public static StoryState? Target(StoryState state, StoryAction action)
    {
        if (action == StoryAction.Archive)
            return state is StoryState.Published or StoryState.Archived ? null : StoryState.Archived;
        if (action == StoryAction.Edit)
            return state == StoryState.Archived ? null : state;
        return Moves.TryGetValue((state, action), out var target) ? target : null;
    }

    /// <summary>Why <paramref name="actor"/> may not do <paramref name="action"/> now, or null when they may.</summary>
    public static string? Refusal(StoryActor actor, string authorId, StoryState state, StoryAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Target(state, action) is null)
            return $"A story that is {Describe(state)} cannot be {Past(action)}.";

        var isOwn = actor.UserId == authorId;
        return action switch
        {
            StoryAction.Edit when actor.IsEditor => null,
            StoryAction.Edit when actor.IsReporter && isOwn && state is StoryState.Draft or StoryState.ChangesRequested => null,
            StoryAction.Edit when actor.IsReporter && isOwn =>
                $"The story is {Describe(state)}; only an editor can change it now.",
            StoryAction.Submit or StoryAction.Withdraw or StoryAction.Resubmit when actor.IsEditor || (actor.IsReporter && isOwn) => null,
            StoryAction.RequestChanges or StoryAction.Approve or StoryAction.Publish or StoryAction.Schedule
                or StoryAction.Unpublish or StoryAction.Archive or StoryAction.Restore when actor.IsEditor => null,
            _ when !actor.CanWrite => "Only reporters and editors work on stories.",
            _ when !isOwn && actor.IsReporter && !actor.IsEditor => "Reporters work on their own stories only.",
            _ => $"Only an editor may {Verb(action)} a story.",
        };
    }

    public static bool IsAllowed(StoryActor actor, string authorId, StoryState state, StoryAction action) =>
        Refusal(actor, authorId, state, action) is null;

    public static string Describe(StoryState state) => state switch
    {
        StoryState.Draft => "a draft",
        StoryState.InReview => "in review",
        StoryState.ChangesRequested => "sent back for changes",
        StoryState.Approved => "approved",
        StoryState.Scheduled => "scheduled",
        StoryState.Published => "published",
        StoryState.Unpublished => "unpublished",
        StoryState.Archived => "archived",
        _ => state.ToString(),
    };

    /// <summary>The label the UI shows for a state.</summary>
    public static string Label(StoryState state) => state switch
    {
        StoryState.InReview => "In review",
        StoryState.ChangesRequested => "Changes requested",
        _ => state.ToString(),
    };

    public static string Verb(StoryAction action) => action switch
    {
        StoryAction.RequestChanges => "request changes to",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Past(StoryAction action) => action switch
    {
        StoryAction.Edit => "edited",
        StoryAction.Submit => "submitted",
        StoryAction.Withdraw => "withdrawn",
        StoryAction.Resubmit => "resubmitted",
        StoryAction.RequestChanges => "sent back for changes",
        StoryAction.Approve => "approved",
        StoryAction.Publish => "published",
        StoryAction.Schedule => "scheduled",
        StoryAction.Unpublish => "unpublished",
        StoryAction.Archive => "archived",
        StoryAction.Restore => "restored",
        _ => action.ToString(),
    };
}
