namespace NewsroomEditor.Core.Audit;

/// <summary>
/// One line of the audit log: who did what, when (UTC), to what, and from which IP address.
/// Written once by <see cref="AuditLog"/> and never changed: there is no method that changes an
/// entry, and <see cref="AuditAppendOnlyInterceptor"/> refuses any attempt to save one changed or deleted.
/// </summary>
public class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int ActorIdMaxLength = 450;
    public const int ActorNameMaxLength = 256;
    public const int TargetMaxLength = 200;
    public const int DetailsMaxLength = 2000;
    // The longest textual IPv6 address (an IPv4-mapped one with a zone id aside) is 45 characters.
    public const int IpAddressMaxLength = 45;

    private AuditEntry() { }

    public long Id { get; private set; }

    /// <summary>When it happened, in UTC.</summary>
    public DateTime At { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The acting person's user id; null for the system (the scheduler) or an unknown person.</summary>
    public string? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>"story:{id}", "media:{id}", "user:{id}", "settings"…</summary>
    public string? Target { get; private set; }

    public string Details { get; private set; } = "";

    /// <summary>The client's address as the server saw it; null when no person's request caused it.</summary>
    public string? IpAddress { get; private set; }

    /// <summary>
    /// The entry for <paramref name="record"/>. Over-long texts are shortened rather than refused:
    /// the action has already happened, and the log must still say so.
    /// </summary>
    public static AuditEntry Create(AuditRecord record, DateTime atUtc, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Action))
            throw new ArgumentException("An audit record needs an action.", nameof(record));
        return new AuditEntry
        {
            At = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
            Action = Shorten(record.Action.Trim(), ActionMaxLength)!,
            ActorId = Shorten(record.ActorId, ActorIdMaxLength),
            ActorName = Shorten(record.ActorName, ActorNameMaxLength),
            Target = Shorten(record.Target, TargetMaxLength),
            Details = Shorten(record.Details ?? "", DetailsMaxLength)!,
            IpAddress = Shorten(ipAddress, IpAddressMaxLength),
        };
    }

    private static string? Shorten(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
}
