using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Makes every change with the person's roles as they are now. A Blazor circuit keeps the principal
/// it was opened with, so an editor demoted or deactivated by an admin would otherwise keep
/// publishing until the circuit revalidates: each write method of the story, lease and media
/// services calls <see cref="CurrentAsync"/> first and acts as the actor it returns.
/// </summary>
/// <remarks>
/// Nothing is cached: the query is two lookups by key, made once per write, and any cache would
/// let a write through in the moments after a role was removed.
/// </remarks>
public sealed class ActorVerifier(IDbContextFactory<NewsroomDbContext> contexts)
{
    /// <summary>The refusal after a change of roles, in the reader's interface language.</summary>
    public static string AccessChanged => DomainText.Get("Your access has changed; reload the page.");

    /// <summary>
    /// The actor with the roles the database holds for them now; throws
    /// <see cref="AccessDeniedException"/> when the account is gone or deactivated.
    /// </summary>
    public async Task<Actor> CurrentAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, Actor.System))
            return actor; // the scheduler has no account and no roles to lose

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DeactivatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.DeactivatedAt is not null)
            throw new AccessDeniedException(AccessChanged);

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == actor.UserId
                           select role.Name!)
            .ToListAsync(cancellationToken);
        var current = roles.ToHashSet(StringComparer.Ordinal);
        return current.SetEquals(actor.Roles) ? actor : actor with { Roles = current };
    }

    /// <summary>
    /// Admin work (people, sections, settings, the audit log) is done with the person's standing as
    /// it is now, like story writes: an admin demoted or deactivated a moment ago, with the page
    /// still open, is refused with <paramref name="refusal"/> (or <see cref="AccessChanged"/>).
    /// </summary>
    public async Task EnsureAdminAsync(ClaimsPrincipal principal, string refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var current = await CurrentAsync(Actor.From(principal), cancellationToken);
        if (!current.Roles.Contains(Roles.Admin))
            throw new AccessDeniedException(refusal);
    }
}
