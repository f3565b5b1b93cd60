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
    /// With <paramref name="unsavedContent"/> (what the page holds, based on
    /// <paramref name="expectedVersion"/>), the content is saved first exactly as
    /// <see cref="IStoryWriting.SaveAsync"/> saves it, in the same context and SaveChanges as the
    /// move: a conflict is returned as the save returns it (<see cref="StoryMove.Save"/>) and
    /// nothing moves; a move refused after the content is saved says why in <see cref="StoryMove.Refused"/>.
    /// </summary>
    Task<StoryMove> MoveAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, StoryContent? unsavedContent = null, CancellationToken cancellationToken = default);

    /// <summary>The publishing checklist of a story as it is stored now.</summary>
    Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IStoryWorkflow"/>
public sealed class StoryWorkflow(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    EditLeaseService leases,
    CurrentActor current) : IStoryWorkflow
{
    /// <summary>Moves a story through the workflow; <paramref name="note"/> is required to request changes.</summary>
    public async Task<Story> TransitionAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        (await MoveAsync(id, action, note, publishAt, expectedVersion, cancellationToken: cancellationToken)).Story;

    /// <inheritdoc/>
    public async Task<StoryMove> MoveAsync(
        Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, StoryContent? unsavedContent = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (unsavedContent is not null)
            return await SaveAndMoveAsync(db, id, action, note, publishAt, expectedVersion, unsavedContent, cancellationToken);

        var loaded = await LoadForWritingAsync(db, await current.ClaimedAsync(), id, cancellationToken);
        var actor = loaded.Actor;
        var story = loaded.Story;
        EnsureCanView(actor, story);
        if (expectedVersion is not null && story.Version != expectedVersion)
            throw new WorkflowException("The story has changed since you opened it; look at the latest version first.");

        var checklist = PublishingChecklist.Evaluate(story, loaded.SlugUsedElsewhere, loaded.FeaturedImageLacksAlt);
        Move(actor, story, action, note, publishAt, checklist, Now);
        await SaveOrConflictAsync(db, cancellationToken);
        // Archiving and restoring change which stories count for another's slug, not this one's
        // checklist; the move changed no content, so the checklist read before it still holds.
        return new StoryMove(story, checklist);
    }

    /// <summary>
    /// The content goes through the save's own code path, the move runs on the saved story before
    /// its one SaveChanges: one unit of work, where a save and then a move took two.
    /// </summary>
    private async Task<StoryMove> SaveAndMoveAsync(
        NewsroomDbContext db, Guid id, StoryAction action, string? note, DateTime? publishAt, int? expectedVersion, StoryContent content,
        CancellationToken cancellationToken)
    {
        var basedOn = expectedVersion ?? throw new ArgumentException("Unsaved content needs the version it is based on.", nameof(expectedVersion));
        var outcome = await ContentSaving.SaveAsync(
            db, leases, clock, await current.ClaimedAsync(), id, basedOn, content, SaveReason.Edit,
            (actor, story, checklist) => Move(actor, story, action, note, publishAt, checklist, Now),
            cancellationToken);
        return new StoryMove(outcome.Story, outcome.Result.Checklist) { Save = outcome.Result, Refused = outcome.Refused };
    }

    private static void Move(Actor actor, Story story, StoryAction action, string? note, DateTime? publishAt, IReadOnlyList<ChecklistItem> checklist, DateTime now)
    {
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
