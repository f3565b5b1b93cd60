using System.Security.Claims;

namespace NewsroomEditor.Core.Accounts;

/// <summary>The person acting, as the domain sees them: who, under what name, with which roles.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> Roles)
{
    /// <summary>The clock and the scheduler: publishes scheduled stories, nothing else.</summary>
    public static Actor System { get; } = new("system", "Lịch đăng / Scheduler", new HashSet<string>());

    public bool IsEditor => Roles.Contains(Accounts.Roles.Editor);

    public bool IsReporter => Roles.Contains(Accounts.Roles.Reporter);

    /// <summary>Reporters and editors write; an Admin alone does not (DESIGN.md §2).</summary>
    public bool CanWrite => IsEditor || IsReporter;

    public static Actor Create(string userId, string displayName, params string[] roles) =>
        new(userId, displayName, roles.ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads the signed-in principal; a principal without a user id cannot act.</summary>
    public static Actor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new AccessDeniedException("Sign in to work on stories.");
        var roles = principal.FindAll(principal.Identities.FirstOrDefault()?.RoleClaimType ?? ClaimTypes.Role)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new Actor(userId, principal.GetDisplayName(), roles);
    }
}
