using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Events;

/// <summary>Something happened that open screens may want to show at once.</summary>
public abstract record NewsroomEvent(DateTime At);

/// <summary>A story moved through the workflow (submitted, sent back, approved, published…).</summary>
public sealed record StoryStateChanged(
    Guid StoryId, string Headline, string AuthorId, StoryState From, StoryState To, string ActorId, string ActorName, string? Note, DateTime At)
    : NewsroomEvent(At);

/// <summary>A story's content was saved (also a correction of a published story).</summary>
public sealed record StorySaved(Guid StoryId, int Version, string ActorId, string ActorName, bool IsCorrection, DateTime At)
    : NewsroomEvent(At);

/// <summary>Who edits a story changed: taken, released, or taken over from someone.</summary>
public sealed record EditLeaseChanged(Guid StoryId, string? HolderId, string? HolderName, string? PreviousHolderId, bool TakenOver, DateTime At)
    : NewsroomEvent(At);

/// <summary>
/// What readers see changed on one app instance (a publish, a correction, an unpublish): every other
/// instance forgets its cached public pages too. <paramref name="Origin"/> names the instance that
/// already did.
/// </summary>
public sealed record PublicSiteChanged(string Origin, DateTime At) : NewsroomEvent(At);

/// <summary>
/// The one way real-time news travels in the app (DESIGN.md §7). This process's implementation
/// is <see cref="InProcessEventBus"/>; a multi-server deployment swaps in a distributed one.
/// </summary>
public interface INewsroomEventBus
{
    /// <summary>Tells every subscriber; returns without waiting for them.</summary>
    void Publish(NewsroomEvent newsroomEvent);

    /// <summary>Receives every event until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<NewsroomEvent, Task> handler);
}

/// <summary>Delivers events to the subscribers of this process, each on its own, so a slow or failing screen holds up no one.</summary>
public sealed partial class InProcessEventBus(ILogger<InProcessEventBus> logger) : INewsroomEventBus
{
    private readonly Lock _gate = new();
    private ImmutableHandlers _handlers = new([]);

    public void Publish(NewsroomEvent newsroomEvent)
    {
        ArgumentNullException.ThrowIfNull(newsroomEvent);
        foreach (var handler in _handlers.Items)
            _ = DeliverAsync(handler, newsroomEvent);
    }

    public IDisposable Subscribe(Func<NewsroomEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
            _handlers = new([.. _handlers.Items, handler]);
        return new Subscription(this, handler);
    }

    private async Task DeliverAsync(Func<NewsroomEvent, Task> handler, NewsroomEvent newsroomEvent)
    {
        try
        {
            await Task.Yield();
            await handler(newsroomEvent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDeliveryFailed(e, newsroomEvent.GetType().Name);
        }
    }

    private void Unsubscribe(Func<NewsroomEvent, Task> handler)
    {
        lock (_gate)
            _handlers = new(_handlers.Items.Where(h => h != handler).ToArray());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle {EventType}.")]
    private partial void LogDeliveryFailed(Exception exception, string eventType);

    // Copy-on-write: publishing reads a snapshot without locking.
    private sealed record ImmutableHandlers(Func<NewsroomEvent, Task>[] Items);

    private sealed class Subscription(InProcessEventBus bus, Func<NewsroomEvent, Task> handler) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(handler);
    }
}
