using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts.Sessions;

/// <summary>
/// The server-side sessions of people (see <see cref="DatabaseTicketStore"/>): whether one is still
/// open, how many a person has, and ending them all. Every app instance reads the same table, so a
/// session ended on one instance is ended on all.
/// </summary>
public sealed class UserSessions([FromKeyedServices(Events.DomainEventsHostingExtensions.RootContexts)] IDbContextFactory<NewsroomDbContext> contexts, TimeProvider clock)
{
    /// <summary>The claim, inside the stored ticket, that names the session it belongs to.</summary>
    public const string SessionClaimType = "newsroom:session";

    /// <summary>True while the session exists and has not expired.</summary>
    public async Task<bool> IsOpenAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.AnyAsync(s => s.Key == sessionKey && s.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The open (unexpired) sessions of a person.</summary>
    public async Task<int> CountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.CountAsync(s => s.UserId == userId && s.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Ends every session of a person (on every instance); returns how many there were.</summary>
    public async Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
