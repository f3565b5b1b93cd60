using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// A story moved through the workflow. The handlers read <see cref="Story"/> as it is saved.
/// <paramref name="Note"/> is the note a person gave with the move (requesting changes).
/// </summary>
public abstract record StoryWorkflowEvent(Story Story, StoryState From, StoryState To, string ActorId, string ActorName, string? Note, DateTime At)
    : IDomainEvent;

/// <summary>A story went on the public site: by a person, or by the clock when <paramref name="OnSchedule"/>.</summary>
public sealed record StoryPublished(Story Story, StoryState From, string ActorId, string ActorName, bool OnSchedule, DateTime At)
    : StoryWorkflowEvent(Story, From, StoryState.Published, ActorId, ActorName, null, At);

/// <summary>A published story was taken off the public site.</summary>
public sealed record StoryUnpublished(Story Story, StoryState To, string ActorId, string ActorName, string? Note, DateTime At)
    : StoryWorkflowEvent(Story, StoryState.Published, To, ActorId, ActorName, Note, At);

/// <summary>Any other workflow move (submitted, sent back, approved, scheduled, archived…).</summary>
public sealed record StoryMoved(Story Story, StoryState From, StoryState To, string ActorId, string ActorName, string? Note, DateTime At)
    : StoryWorkflowEvent(Story, From, To, ActorId, ActorName, Note, At);

/// <summary>A story's content was saved (every save, a correction too).</summary>
public sealed record StoryContentSaved(Story Story, string ActorId, string ActorName, bool IsCorrection, DateTime At) : IDomainEvent;

/// <summary>The content of a published story was changed: readers see the correction at once.</summary>
public sealed record StoryCorrected(Story Story, string ActorId, string ActorName, DateTime At) : IDomainEvent;
