using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Stories.Editing;

/// <summary>
/// Every call the editing session makes to the story and lease services, for one person and one
/// story: the only place the editor page reaches them, so a change to their signatures touches
/// this file alone.
/// </summary>
public sealed class StoryEditingServices(
    IStoryQueries queries, IStoryWriting writing, IStoryWorkflow workflow, EditLeaseService leases, Actor actor, Guid storyId)
{
    /// <summary>Who the page shows as editing; the services act as the circuit's <see cref="CurrentActor"/>.</summary>
    public Actor Actor { get; } = actor;

    public Guid StoryId { get; } = storyId;

    public Task<Story> GetAsync() => queries.GetAsync(StoryId);

    /// <summary>The story and its checklist, in one query.</summary>
    public Task<StoryWithChecklist> GetWithChecklistAsync() => queries.GetWithChecklistAsync(StoryId);

    public Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story) => workflow.ChecklistAsync(story);

    /// <summary>Saves; a saved result carries the story and its checklist, read in the save's own unit of work.</summary>
    public Task<SaveResult> SaveAsync(int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default) =>
        writing.SaveAsync(StoryId, expectedVersion, content, reason, cancellationToken);

    public Task KeepAsRevisionAsync(StoryContent content) => writing.KeepAsRevisionAsync(StoryId, content);

    /// <summary>
    /// Moves the story; the result carries its checklist, computed in the move's own unit of work.
    /// With <paramref name="unsavedContent"/>, that unit of work saves it first, as <see cref="SaveAsync"/> would.
    /// </summary>
    public Task<StoryMove> MoveAsync(
        StoryAction action, string? note, DateTime? publishAt, int version, StoryContent? unsavedContent = null, CancellationToken cancellationToken = default) =>
        workflow.MoveAsync(StoryId, action, note, publishAt, version, unsavedContent, cancellationToken);

    public Task<LeaseStatus> AcquireLeaseAsync() => leases.AcquireAsync(StoryId);

    public Task TakeOverLeaseAsync() => leases.TakeOverAsync(StoryId);

    public Task ReleaseLeaseAsync() => leases.ReleaseAsync(StoryId);
}
