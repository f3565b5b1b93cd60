using Microsoft.AspNetCore.Identity;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// The newsroom always keeps one active Admin: no role change, deactivation or erasure may take the
/// last one away. Every such path runs its check and its write inside <see cref="RunAsync"/>, one at
/// a time in this process, so that two admins removing each other at once cannot both succeed.
/// </summary>
public static class LastAdminRule
{
    private static readonly SemaphoreSlim Changes = new(1, 1);

    /// <summary>Runs a read-check-write change of who holds Admin, never two at once.</summary>
    public static async Task RunAsync(Func<Task> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await Changes.WaitAsync(cancellationToken);
        try
        {
            await change();
        }
        finally
        {
            Changes.Release();
        }
    }

    /// <summary>True when <paramref name="user"/> holds Admin and no other account is an active Admin (with a password, not deactivated).</summary>
    public static async Task<bool> IsLastActiveAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == user.Id)
            && !admins.Any(a => a.Id != user.Id && a.DeactivatedAt is null && a.PasswordHash is not null);
    }
}
