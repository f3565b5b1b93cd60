using System.Text.Json;

namespace NewsroomEditor.Core.Events;

/// <summary>
/// A bus event travels through the outbox: written with the change that caused it, published on
/// <see cref="INewsroomEventBus"/> after the commit. Only the events named here can travel so.
/// </summary>
public sealed class EventBusOutboxHandler(INewsroomEventBus bus) : IOutboxHandler
{
    public const string MessageType = "event-bus";

    private static readonly Dictionary<string, Type> Known = new[] { typeof(StoryStateChanged), typeof(StorySaved) }
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public string Type => MessageType;

    /// <summary>Asks <paramref name="consequences"/> to publish <paramref name="newsroomEvent"/> after the commit.</summary>
    public static void Publish(DomainEventConsequences consequences, NewsroomEvent newsroomEvent)
    {
        ArgumentNullException.ThrowIfNull(consequences);
        ArgumentNullException.ThrowIfNull(newsroomEvent);
        var name = newsroomEvent.GetType().Name;
        if (!Known.ContainsKey(name))
            throw new ArgumentException($"{name} does not travel through the outbox.", nameof(newsroomEvent));
        consequences.Outbox(MessageType, new Envelope(name, JsonSerializer.SerializeToElement(newsroomEvent, newsroomEvent.GetType(), DomainEventConsequences.Json)));
    }

    public Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(payload, DomainEventConsequences.Json)
            ?? throw new JsonException("An empty event-bus message.");
        if (!Known.TryGetValue(envelope.Name, out var type))
            throw new JsonException($"'{envelope.Name}' is not an event this app publishes from the outbox.");
        var newsroomEvent = (NewsroomEvent?)envelope.Event.Deserialize(type, DomainEventConsequences.Json)
            ?? throw new JsonException($"An empty {envelope.Name}.");
        bus.Publish(newsroomEvent);
        return Task.CompletedTask;
    }

    private sealed record Envelope(string Name, JsonElement Event);
}
