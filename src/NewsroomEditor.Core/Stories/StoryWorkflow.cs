using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using static NewsroomEditor.Core.Stories.StoryLoading;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// Moving a story through the workflow (submit, approve, publish, schedule, unpublish…) and its
/// publishing checklist, which a publish or a schedule computes once, in the move's own context.
/// </summary>
public interface IStoryWorkflow
{
    /// <summary>Moves a story through the workflow; <paramref name="note"/> is required to request changes.</summary>
    Task<Story> TransitionAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="TransitionAsync"/>, with the moved story's checklist, all in one context: the
    /// checklist that publishing and scheduling enforce is the one returned, computed once.
    /// </summary>
    Task<StoryMove> MoveAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The publishing checklist of a story as it is stored now.</summary>
    Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IStoryWorkflow"/>
public sealed class StoryWorkflow(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    CurrentActor current) : IStoryWorkflow
{
    /// <summary>Moves a story through the workflow; <paramref name="note"/> is required to request changes.</summary>
    public async Task<Story> TransitionAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        (await MoveAsync(id, action, note, publishAt, expectedVersion, cancellationToken)).Story;

    /// <summary>
    /// As <see cref="TransitionAsync"/>, with the moved story's checklist, all in one context: the
    /// checklist that publishing and scheduling enforce is the one returned, computed once.
    /// </summary>
    public async Task<StoryMove> MoveAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadForWritingAsync(db, await current.ClaimedAsync(), id, cancellationToken);
        var actor = loaded.Actor;
        var story = loaded.Story;
        EnsureCanView(actor, story);
        if (expectedVersion is not null && story.Version != expectedVersion)
            throw new WorkflowException("The story has changed since you opened it; look at the latest version first.");

        var checklist = PublishingChecklist.Evaluate(story, loaded.SlugUsedElsewhere, loaded.FeaturedImageLacksAlt);
        var from = story.State;
        var now = Now;
        switch (action)
        {
            case StoryAction.Submit: story.Submit(actor, now); break;
            case StoryAction.Withdraw: story.Withdraw(actor, now); break;
            case StoryAction.Resubmit: story.Resubmit(actor, now); break;
            case StoryAction.RequestChanges: story.RequestChanges(actor, note ?? "", now); break;
            case StoryAction.Approve: story.Approve(actor, now); break;
            case StoryAction.Publish: story.Publish(actor, checklist, now); break;
            case StoryAction.Schedule:
                story.Schedule(actor, publishAt ?? throw new WorkflowException("Choose when to publish."), checklist, now);
                break;
            case StoryAction.Unpublish: story.Unpublish(actor, now); break;
            case StoryAction.Archive: story.Archive(actor, now); break;
            case StoryAction.Restore: story.Restore(actor, now); break;
            default: throw new WorkflowException("{0} is not a workflow move.", action);
        }
        await SaveOrConflictAsync(db, cancellationToken);
        // Archiving and restoring change which stories count for another's slug, not this one's
        // checklist; the move changed no content, so the checklist read before it still holds.
        return new StoryMove(story, checklist);
    }

    /// <summary>The publishing checklist of a story as it is stored now.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StoryLoading.ChecklistAsync(db, story, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
