using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts.Sessions;

/// <summary>
/// Keeps the sign-in tickets of the application cookie in the database
/// (<see cref="CookieAuthenticationOptions.SessionStore"/>): the cookie carries only a random key,
/// signing out deletes the row, so a cookie copied before sign-out opens nothing afterwards, on any
/// instance. Expired rows are deleted whenever someone signs in.
/// </summary>
public sealed class DatabaseTicketStore([FromKeyedServices(Events.DomainEventsHostingExtensions.RootContexts)] IDbContextFactory<NewsroomDbContext> contexts, TimeProvider clock) : ITicketStore
{
    /// <summary>How long a ticket without an expiry of its own is kept (the cookie's default lifetime).</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        // The key travels inside the stored principal too, so that an open circuit, which holds the
        // principal but not the cookie, can ask whether its session still exists.
        SetSessionClaim(ticket.Principal, key);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        db.UserSessions.Add(new UserSession
        {
            Key = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
        });
        await db.SaveChangesAsync();
        await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        SetSessionClaim(ticket.Principal, key);
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, now);
        await using var db = await contexts.CreateDbContextAsync();
        // An update only: a session ended while this request ran stays ended. Always written: a
        // sign-in over an open session (a refreshed sign-in after a password or two-factor change)
        // renews the same key with the new security stamp, which the next request checks.
        await db.UserSessions.Where(s => s.Key == key).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Ticket, bytes)
            .SetProperty(s => s.LastSeenAt, now)
            .SetProperty(s => s.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        var bytes = await db.UserSessions.AsNoTracking()
            .Where(s => s.Key == key && s.ExpiresAt > now)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>Copies the session claim of <paramref name="from"/> onto a principal made afresh (the security-stamp check rebuilds it on every request).</summary>
    public static void KeepSessionClaim(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.FindFirstValue(UserSessions.SessionClaimType) is { } key)
            SetSessionClaim(to, key);
    }

    private static void SetSessionClaim(ClaimsPrincipal principal, string key)
    {
        if (principal.Identity is not ClaimsIdentity identity)
            return;
        foreach (var old in identity.FindAll(UserSessions.SessionClaimType).ToList())
            identity.RemoveClaim(old);
        identity.AddClaim(new Claim(UserSessions.SessionClaimType, key));
    }

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + DefaultLifetime;
}
