using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Makes every change with the person's roles as they are now. A Blazor circuit keeps the principal
/// it was opened with, so an editor demoted or deactivated by an admin would otherwise keep
/// publishing until the circuit revalidates: <see cref="CurrentActor"/> verifies the actor with
/// these queries in the context each operation works in, once per operation.
/// </summary>
/// <remarks>
/// Nothing is cached: the query is one lookup by key (the account and its roles), made once per write, and any cache would
/// let a write through in the moments after a role was removed.
/// </remarks>
public static class ActorVerifier
{
    /// <summary>The refusal after a change of roles, in the reader's interface language.</summary>
    public static string AccessChanged => DomainText.Get("Your access has changed; reload the page.");

    /// <summary>
    /// The actor with the roles the database holds for them now, read with one query in the
    /// caller's context; throws <see cref="AccessDeniedException"/> when the account is gone or deactivated.
    /// </summary>
    public static async Task<Actor> CurrentAsync(NewsroomDbContext db, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, Actor.System))
            return actor;
        return Verified(actor, await Standing(db, actor).SingleOrDefaultAsync(cancellationToken));
    }

    /// <summary>
    /// The account's standing as the database holds it now, as a query an operation may also fold
    /// into its own first query (as scalar subqueries, see <see cref="AccountStanding.Of"/>) and hand
    /// to <see cref="Verified"/>: the verification then costs no command of its own.
    /// </summary>
    public static IQueryable<AccountStanding> Standing(NewsroomDbContext db, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var userId = actor.UserId;
        // No AsNoTracking here: folded into a tracking query it would turn the whole query into one
        // that tracks nothing. It projects no entity, so it tracks nothing by itself.
        return db.Users
            .Where(u => u.Id == userId)
            .Select(u => new AccountStanding
            {
                IsActive = u.DeactivatedAt == null,
                IsReporter = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Reporter)),
                IsEditor = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Editor)),
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)),
            });
    }

    /// <summary>
    /// <paramref name="actor"/> with the roles <paramref name="standing"/> says they hold now;
    /// throws <see cref="AccessDeniedException"/> when the account is gone (null) or deactivated.
    /// </summary>
    public static Actor Verified(Actor actor, AccountStanding? standing)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, Actor.System))
            return actor;
        if (standing is null || !standing.IsActive)
            throw new AccessDeniedException(AccessChanged);
        var current = new HashSet<string>(StringComparer.Ordinal);
        if (standing.IsReporter)
            current.Add(Roles.Reporter);
        if (standing.IsEditor)
            current.Add(Roles.Editor);
        if (standing.IsAdmin)
            current.Add(Roles.Admin);
        return current.SetEquals(actor.Roles) ? actor : actor with { Roles = current };
    }
}

/// <summary>An account as <see cref="ActorVerifier"/> checks it: active or not, and which of the <see cref="Roles.All"/> it holds.</summary>
public sealed class AccountStanding
{
    public bool IsActive { get; init; }
    public bool IsReporter { get; init; }
    public bool IsEditor { get; init; }
    public bool IsAdmin { get; init; }

    /// <summary>
    /// The standing from the flags an operation's own query read with
    /// <see cref="ActorVerifier.Standing"/> (<c>standing.Any()</c>, <c>standing.Any(a => a.IsActive)</c>…);
    /// null when there is no such account.
    /// </summary>
    public static AccountStanding? Of(bool exists, bool isActive, bool isReporter, bool isEditor, bool isAdmin) =>
        exists ? new AccountStanding { IsActive = isActive, IsReporter = isReporter, IsEditor = isEditor, IsAdmin = isAdmin } : null;
}
