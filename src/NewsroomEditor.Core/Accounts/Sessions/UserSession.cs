namespace NewsroomEditor.Core.Accounts.Sessions;

/// <summary>
/// One signed-in browser: the sign-in ticket kept on the server (<see cref="DatabaseTicketStore"/>),
/// so that the cookie carries only <see cref="Key"/> and ending a session is deleting its row.
/// </summary>
public sealed class UserSession
{
    public const int KeyMaxLength = 64;
    public const int UserIdMaxLength = 450;

    /// <summary>A random, unguessable value (256 bits, base64url); the cookie's only content.</summary>
    public string Key { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket (claims and properties): ids, name, e-mail, roles and the security stamp, no password or key.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticket was last renewed (a request of this browser).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When the ticket expires; past it the session is refused and cleaned up.</summary>
    public DateTime ExpiresAt { get; set; }
}
