using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts;

/// <summary>One person as the admin pages list them.</summary>
public sealed record UserSummary(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>The people of the newsroom, for pickers and filters (<see cref="UserDirectory"/>).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>Read access to the newsroom's people, for admins only (the scope's <see cref="CurrentActor"/>).</summary>
public sealed class UserDirectory(IDbContextFactory<NewsroomDbContext> contexts, CurrentActor current) : IUserDirectory
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, "Only an Admin may see the list of people.", cancellationToken);

        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var rolesByUser = await db.RoleNamesByUserAsync(cancellationToken);
        return users
            .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", rolesByUser[u.Id].Order().ToList()))
            .ToList();
    }
}

public static class AuthorizationServiceExtensions
{
    /// <summary>Throws <see cref="AccessDeniedException"/> unless <paramref name="actor"/> meets the policy.</summary>
    public static async Task EnsureAsync(this IAuthorizationService authorization, ClaimsPrincipal actor, string policy, string refusal)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var result = await authorization.AuthorizeAsync(actor, resource: null, policy);
        if (!result.Succeeded)
            throw new AccessDeniedException(refusal);
    }
}
