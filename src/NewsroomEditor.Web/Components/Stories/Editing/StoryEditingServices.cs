using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Stories.Editing;

/// <summary>
/// Every call the editing session makes to the story and lease services, for one person and one
/// story: the only place the editor page reaches them, so a change to their signatures touches
/// this file alone.
/// </summary>
public sealed class StoryEditingServices(StoryService stories, EditLeaseService leases, StoryActor actor, Guid storyId)
{
    public StoryActor Actor { get; } = actor;

    public Guid StoryId { get; } = storyId;

    public Task<Story> GetAsync() => stories.GetAsync(Actor, StoryId);

    public Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story) => stories.ChecklistAsync(story);

    public Task<SaveResult> SaveAsync(int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default) =>
        stories.SaveAsync(Actor, StoryId, expectedVersion, content, reason, cancellationToken);

    public Task KeepAsRevisionAsync(StoryContent content) => stories.KeepAsRevisionAsync(Actor, StoryId, content);

    public Task<Story> TransitionAsync(StoryAction action, string? note, DateTime? publishAt, int version) =>
        stories.TransitionAsync(Actor, StoryId, action, note, publishAt, version);

    public Task<LeaseStatus> AcquireLeaseAsync() => leases.AcquireAsync(Actor, StoryId);

    public Task TakeOverLeaseAsync() => leases.TakeOverAsync(Actor, StoryId);

    public Task ReleaseLeaseAsync() => leases.ReleaseAsync(Actor, StoryId);
}
