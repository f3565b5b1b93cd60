using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Localization;

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

    /// <summary>
    /// An editor, or the reporter who owns the thing (a story's author, a photo's uploader): who may
    /// see a story and its notes, translate it, submit it, and describe or delete an upload.
    /// </summary>
    public static bool IsEditorOrOwner(Actor actor, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsEditor || (actor.IsReporter && actor.UserId == ownerId);
    }

    /// <summary>Refuses a story language that is not one of the site's content languages.</summary>
    public static void EnsureSiteLanguage(string language, IReadOnlyCollection<string> siteLanguages)
    {
        ArgumentNullException.ThrowIfNull(siteLanguages);
        if (!siteLanguages.Contains(language))
            throw new WorkflowException("Language \"{0}\" is not one of this site's languages ({1}).", language, string.Join(", ", siteLanguages));
    }

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
    /// <remarks>In the reader's interface language (<see cref="DomainText"/>): the UI shows it as it is.</remarks>
    public static string? Refusal(Actor actor, string authorId, StoryState state, StoryAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Target(state, action) is null)
            return CannotMove(state, action);

        var isOwn = actor.UserId == authorId;
        return action switch
        {
            StoryAction.Edit when actor.IsEditor => null,
            StoryAction.Edit when actor.IsReporter && isOwn && state is StoryState.Draft or StoryState.ChangesRequested => null,
            StoryAction.Edit when actor.IsReporter && isOwn =>
                DomainText.Format("The story is {0}; only an editor can change it now.", Describe(state)),
            StoryAction.Submit or StoryAction.Withdraw or StoryAction.Resubmit when IsEditorOrOwner(actor, authorId) => null,
            StoryAction.RequestChanges or StoryAction.Approve or StoryAction.Publish or StoryAction.Schedule
                or StoryAction.Unpublish or StoryAction.Archive or StoryAction.Restore when actor.IsEditor => null,
            _ when !actor.CanWrite => DomainText.Get("Only reporters and editors work on stories."),
            _ when !isOwn && actor.IsReporter && !actor.IsEditor => DomainText.Get("Reporters work on their own stories only."),
            _ => DomainText.Format("Only an editor may {0} a story.", Verb(action)),
        };
    }

    public static bool IsAllowed(Actor actor, string authorId, StoryState state, StoryAction action) =>
        Refusal(actor, authorId, state, action) is null;

    /// <summary>
    /// The state as it reads after "a story that is", in the reader's interface language. The
    /// sentences around it are whole translations (one per action), not glued participles, so a
    /// language whose word order differs (Vietnamese) reads naturally.
    /// </summary>
    public static string Describe(StoryState state) => state switch
    {
        StoryState.Draft => DomainText.Get("a draft"),
        StoryState.InReview => DomainText.Get("in review"),
        StoryState.ChangesRequested => DomainText.Get("sent back for changes"),
        StoryState.Approved => DomainText.Get("approved"),
        StoryState.Scheduled => DomainText.Get("scheduled"),
        StoryState.Published => DomainText.Get("published"),
        StoryState.Unpublished => DomainText.Get("unpublished"),
        StoryState.Archived => DomainText.Get("archived"),
        _ => state.ToString(),
    };

    /// <summary>The action as it reads after "only an editor may", in the reader's interface language.</summary>
    public static string Verb(StoryAction action) => action switch
    {
        StoryAction.Edit => DomainText.Get("edit"),
        StoryAction.Submit => DomainText.Get("submit"),
        StoryAction.Withdraw => DomainText.Get("withdraw"),
        StoryAction.Resubmit => DomainText.Get("resubmit"),
        StoryAction.RequestChanges => DomainText.Get("request changes to"),
        StoryAction.Approve => DomainText.Get("approve"),
        StoryAction.Publish => DomainText.Get("publish"),
        StoryAction.Schedule => DomainText.Get("schedule"),
        StoryAction.Unpublish => DomainText.Get("unpublish"),
        StoryAction.Archive => DomainText.Get("archive"),
        StoryAction.Restore => DomainText.Get("restore"),
        _ => action.ToString(),
    };

    private static string CannotMove(StoryState state, StoryAction action)
    {
        var described = Describe(state);
        return action switch
        {
            StoryAction.Edit => DomainText.Format("A story that is {0} cannot be edited.", described),
            StoryAction.Submit => DomainText.Format("A story that is {0} cannot be submitted.", described),
            StoryAction.Withdraw => DomainText.Format("A story that is {0} cannot be withdrawn.", described),
            StoryAction.Resubmit => DomainText.Format("A story that is {0} cannot be resubmitted.", described),
            StoryAction.RequestChanges => DomainText.Format("A story that is {0} cannot be sent back for changes.", described),
            StoryAction.Approve => DomainText.Format("A story that is {0} cannot be approved.", described),
            StoryAction.Publish => DomainText.Format("A story that is {0} cannot be published.", described),
            StoryAction.Schedule => DomainText.Format("A story that is {0} cannot be scheduled.", described),
            StoryAction.Unpublish => DomainText.Format("A story that is {0} cannot be unpublished.", described),
            StoryAction.Archive => DomainText.Format("A story that is {0} cannot be archived.", described),
            StoryAction.Restore => DomainText.Format("A story that is {0} cannot be restored.", described),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
