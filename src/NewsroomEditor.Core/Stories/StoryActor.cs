using System.Security.Claims;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Core.Stories;

/// <summary>The person acting on a story, as the domain sees them: who, under what name, with which roles.</summary>
public sealed record StoryActor(string UserId, string DisplayName, IReadOnlySet<string> Roles)
{
    /// <summary>The clock and the scheduler: publishes scheduled stories, nothing else.</summary>
    public static StoryActor System { get; } = new("system", "Lịch đăng / Scheduler", new HashSet<string>());

    public bool IsEditor => Roles.Contains(Accounts.Roles.Editor);

    public bool IsReporter => Roles.Contains(Accounts.Roles.Reporter);

    /// <summary>Reporters and editors write; an Admin alone does not (DESIGN.md §2).</summary>
    public bool CanWrite => IsEditor || IsReporter;

    public static StoryActor Create(string userId, string displayName, params string[] roles) =>
        new(userId, displayName, roles.ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads the signed-in principal; a principal without a user id cannot act.</summary>
    public static StoryActor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new AccessDeniedException("Sign in to work on stories.");
        var roles = principal.FindAll(principal.Identities.FirstOrDefault()?.RoleClaimType ?? ClaimTypes.Role)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new StoryActor(userId, principal.GetDisplayName(), roles);
    }
}
