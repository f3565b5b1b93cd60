using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Stories;

/// <summary>Preview links: who may share one and what it shows (<see cref="StoryPreviews"/>).</summary>
public interface IStoryPreviews
{
    /// <summary>
    /// Checks that the scope's <see cref="CurrentActor"/> may hand out a link to the story: the people
    /// who may open it (its author and the editors, as <see cref="IStoryQueries.GetAsync"/> decides),
    /// and not for an archived story. Throws <see cref="DomainException"/> with the reason otherwise.
    /// </summary>
    Task<Story> EnsureCanShareAsync(Guid storyId, CancellationToken cancellationToken = default);

    /// <summary>The story as it is stored now, or null when it does not exist or may not be shown.</summary>
    Task<Story?> FindAsync(Guid storyId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The stories a signed preview link may show, and to whom it may be handed out. The link itself is
/// the reader's permission (whoever holds it, until it expires), so this is the one place that reads a
/// story without an actor: any state but Archived or Unpublished; a story taken down (for a
/// correction of record, or a legal request) is withdrawn from every reader, link holders included.
/// </summary>
public sealed class StoryPreviews(IDbContextFactory<NewsroomDbContext> contexts, CurrentActor current) : IStoryPreviews
{
    /// <summary>Whether a link may show this story now.</summary>
    public static bool CanBeShown(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return story.State is not (StoryState.Archived or StoryState.Unpublished);
    }

    /// <summary>
    /// Checks that the scope's <see cref="CurrentActor"/> may hand out a link to the story: the people
    /// who may open it (its author and the editors, as <see cref="IStoryQueries.GetAsync"/> decides),
    /// and not for an archived story. Throws <see cref="DomainException"/> with the reason otherwise.
    /// </summary>
    public async Task<Story> EnsureCanShareAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        // A link hands the story to anyone holding it: made with the person's standing as it is now.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var story = await StoryLoading.LoadVisibleAsync(db, actor, storyId, cancellationToken);
        if (!CanBeShown(story))
            throw new WorkflowException("A story that is {0} cannot be previewed by link.", StoryRules.Describe(story.State));
        return story;
    }

    /// <summary>The story as it is stored now, or null when it does not exist or may not be shown.</summary>
    public async Task<Story?> FindAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        return story is not null && CanBeShown(story) ? story : null;
    }
}
