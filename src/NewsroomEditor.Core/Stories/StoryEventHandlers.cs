using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// Open screens hear of every workflow move (<see cref="StoryStateChanged"/>) and every saved content
/// (<see cref="StorySaved"/>), through the outbox, once the change is committed.
/// </summary>
public sealed class StoryBusEvents : IDomainEventHandler
{
    public void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences)
    {
        switch (domainEvent)
        {
            case StoryWorkflowEvent moved:
                var story = moved.Story;
                EventBusOutboxHandler.Publish(consequences, new StoryStateChanged(
                    story.Id, story.Headline, story.AuthorId, moved.From, moved.To, moved.ActorId, moved.ActorName, moved.Note, moved.At));
                break;
            case StoryContentSaved saved:
                EventBusOutboxHandler.Publish(consequences, new StorySaved(
                    saved.Story.Id, saved.Story.Version, saved.ActorId, saved.ActorName, saved.IsCorrection, saved.At));
                break;
        }
    }
}
