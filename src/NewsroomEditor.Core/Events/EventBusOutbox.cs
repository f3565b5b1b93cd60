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

    /// <summary>
    /// The bus events of one save travel in one row, in the order they were raised, where the first
    /// of them stood among <paramref name="messages"/>: a save that also moves the story (its content
    /// saved, then published) writes one row for both, not one each. The row's payload is the array
    /// of their envelopes; <see cref="DeliverAsync"/> publishes them in that order.
    /// </summary>
    internal static IReadOnlyList<OutboxMessage> OneRowPerSave(IReadOnlyList<OutboxMessage> messages, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var events = messages.Where(m => m.Type == MessageType).ToList();
        if (events.Count < 2)
            return messages;
        var together = OutboxMessage.Create(MessageType, "[" + string.Join(',', events.Select(m => m.Payload)) + "]", now);
        var rows = new List<OutboxMessage>(messages.Count - events.Count + 1);
        foreach (var message in messages)
        {
            if (message.Type != MessageType)
                rows.Add(message);
            else if (message == events[0])
                rows.Add(together);
        }
        return rows;
    }

    public Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        // A row holds one envelope, or the envelopes of one save's events in an array (see OneRowPerSave).
        var envelopes = payload.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<Envelope[]>(payload, DomainEventConsequences.Json) ?? throw new JsonException("An empty event-bus message.")
            : [JsonSerializer.Deserialize<Envelope>(payload, DomainEventConsequences.Json) ?? throw new JsonException("An empty event-bus message.")];
        // All read before any is published: a row that cannot be read publishes nothing, rather than half.
        var events = envelopes.Select(Read).ToList();
        foreach (var newsroomEvent in events)
            bus.Publish(newsroomEvent);
        return Task.CompletedTask;
    }

    private static NewsroomEvent Read(Envelope envelope)
    {
        if (envelope is null)
            throw new JsonException("An empty event-bus message.");
        if (!Known.TryGetValue(envelope.Name, out var type))
            throw new JsonException($"'{envelope.Name}' is not an event this app publishes from the outbox.");
        return (NewsroomEvent?)envelope.Event.Deserialize(type, DomainEventConsequences.Json)
            ?? throw new JsonException($"An empty {envelope.Name}.");
    }

    private sealed record Envelope(string Name, JsonElement Event);
}
