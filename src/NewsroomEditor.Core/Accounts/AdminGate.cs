using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// The one check before any admin work (people, sections, settings, the audit log): the signed-in
/// principal meets <see cref="Policies.CanManageUsers"/>, and the account still is an active Admin
/// in the database. The second half matters because an open page keeps the principal it was
/// opened with: an admin demoted or deactivated a moment ago must not undo it from that page.
/// </summary>
public sealed class AdminGate(IAuthorizationService authorization, ActorVerifier actors)
{
    public async Task EnsureAsync(ClaimsPrincipal actor, string refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await authorization.EnsureAsync(actor, Policies.CanManageUsers, refusal);
        await actors.EnsureAdminAsync(actor, refusal, cancellationToken);
    }
}
