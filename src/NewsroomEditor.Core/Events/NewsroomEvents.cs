using System.Globalization;
using System.Threading.Channels;
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
/// instance evicts the same cached public pages too: those with <paramref name="Tags"/>, or all when
/// there are none. <paramref name="Origin"/> names the instance that already did.
/// </summary>
public sealed record PublicSiteChanged(string Origin, DateTime At, IReadOnlyList<string>? Tags = null) : NewsroomEvent(At);

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

/// <summary>
/// Delivers events to the subscribers of this process, each on its own, so a slow or failing screen
/// holds up no one; and to each in the order they were published, so a screen never hears that a
/// story moved before it hears of the save that came first. Every subscriber has its own queue,
/// read by one loop. A handler runs in the culture it subscribed in (its page's: the person's
/// interface language and formats), not the publisher's: one person's action must not re-render a
/// colleague's page in the first person's language.
/// </summary>
public sealed partial class InProcessEventBus(ILogger<InProcessEventBus> logger) : INewsroomEventBus
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = new([]);

    public void Publish(NewsroomEvent newsroomEvent)
    {
        ArgumentNullException.ThrowIfNull(newsroomEvent);
        foreach (var subscriber in _subscribers.Items)
            subscriber.Queue.Writer.TryWrite(newsroomEvent);
    }

    public IDisposable Subscribe(Func<NewsroomEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(handler, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture,
            Channel.CreateUnbounded<NewsroomEvent>(new UnboundedChannelOptions { SingleReader = true }));
        lock (_gate)
            _subscribers = new([.. _subscribers.Items, subscriber]);
        _ = DeliverAsync(subscriber);
        return new Subscription(this, subscriber);
    }

    private async Task DeliverAsync(Subscriber subscriber)
    {
        // Set in this async method, the culture flows into the handler and whatever it awaits or
        // dispatches, and is undone for the subscriber's caller when this method first yields.
        CultureInfo.CurrentCulture = subscriber.Culture;
        CultureInfo.CurrentUICulture = subscriber.UiCulture;
        await Task.Yield();
        await foreach (var newsroomEvent in subscriber.Queue.Reader.ReadAllAsync())
        {
            try
            {
                await subscriber.Handler(newsroomEvent);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogDeliveryFailed(e, newsroomEvent.GetType().Name);
            }
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate)
            _subscribers = new(_subscribers.Items.Where(s => s != subscriber).ToArray());
        subscriber.Queue.Writer.TryComplete();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle {EventType}.")]
    private partial void LogDeliveryFailed(Exception exception, string eventType);

    private sealed record Subscriber(Func<NewsroomEvent, Task> Handler, CultureInfo Culture, CultureInfo UiCulture, Channel<NewsroomEvent> Queue);

    // Copy-on-write: publishing reads a snapshot without locking.
    private sealed record ImmutableSubscribers(Subscriber[] Items);

    private sealed class Subscription(InProcessEventBus bus, Subscriber subscriber) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(subscriber);
    }
}
