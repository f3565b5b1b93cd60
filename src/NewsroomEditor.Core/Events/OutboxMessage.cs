namespace NewsroomEditor.Core.Events;

/// <summary>
/// One consequence of a saved change that must reach the outside of the transaction (the event bus,
/// the public site's cache; later notifications and webhooks). Written in the same transaction as
/// the change, so it exists exactly when the change does, and claimed for that save, which delivers
/// it right after its commit (<see cref="OutboxDispatcher.DeliverClaimedAsync"/>); a row left behind
/// is claimed again by one dispatcher, on one instance, once that claim has run out.
/// </summary>
public class OutboxMessage
{
    public const int TypeMaxLength = 100;
    public const int LastErrorMaxLength = 2000;

    private OutboxMessage() { }

    public Guid Id { get; private set; }

    /// <summary>What kind of consequence: the <see cref="IOutboxHandler.Type"/> that delivers it.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The consequence's data, as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>How many deliveries were started (claims), successful or not.</summary>
    public int Attempts { get; private set; }

    /// <summary>
    /// While set and in the future, one dispatcher is delivering the row (or waits before retrying it
    /// after a failure); nobody else takes it until then.
    /// </summary>
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>When it was delivered; null while it waits.</summary>
    public DateTime? ProcessedAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(string type, string payload, DateTime createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(payload);
        return new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = type,
            Payload = payload,
            CreatedAt = DateTime.SpecifyKind(createdAt, DateTimeKind.Utc),
        };
    }

    /// <summary>
    /// Marks the row as claimed by the save that writes it, until <paramref name="until"/>: that save
    /// delivers it right after its commit from the row in memory, so no dispatcher (another
    /// instance's background either) takes it meanwhile, and no claim or read costs a command.
    /// If the process dies first, the claim runs out and the background delivers it.
    /// </summary>
    internal void ClaimForItsSave(DateTime until)
    {
        ClaimedUntil = DateTime.SpecifyKind(until, DateTimeKind.Utc);
        Attempts = 1;
    }

    internal static string? Shorten(string? error) =>
        error is null || error.Length <= LastErrorMaxLength ? error : string.Concat(error.AsSpan(0, LastErrorMaxLength - 1), "…");
}
