using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>The person an invitation link is for, as the accept page greets them.</summary>
public sealed record Invitee(string UserId, string DisplayName, string Email);

/// <summary>Accepting an invitation (<see cref="Invitations"/>).</summary>
public interface IInvitations
{
    /// <summary>The invitee, or null when the link is forged, used, expired or the account deactivated.</summary>
    Task<Invitee?> FindAsync(string? userId, string? code);

    /// <summary>
    /// Sets the password (the app's password rules apply) and spends the link: setting a password
    /// changes the security stamp the code was signed with. Returns the rules' errors, if any;
    /// throws <see cref="DomainException"/> with <see cref="Invitations.UsedOrExpired"/> for a link that no longer works.
    /// </summary>
    Task<IdentityResult> AcceptAsync(string? userId, string? code, string password, CancellationToken cancellationToken = default);
}

/// <summary>
/// The invited person's side of an invitation: the link (user id and signed code) is checked, a
/// password set, and the link is spent. Anyone holding a valid link may use it, once.
/// </summary>
public sealed class Invitations(IServiceScopeFactory scopes, IServiceProvider services) : IInvitations
{
    /// <summary>What a used, expired or forged link gets, in the reader's interface language.</summary>
    public static string UsedOrExpired => DomainText.Get("This invitation has already been used or has expired. Ask an administrator for a new one.");

    /// <summary>The invitee, or null when the link is forged, used, expired or the account deactivated.</summary>
    public async Task<Invitee?> FindAsync(string? userId, string? code)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await ValidAsync(users, userId, code);
        return user is null ? null : new Invitee(user.Id, user.DisplayName, user.Email ?? "");
    }

    /// <summary>
    /// Sets the password (the app's password rules apply) and spends the link: setting a password
    /// changes the security stamp the code was signed with. Returns the rules' errors, if any;
    /// throws <see cref="DomainException"/> with <see cref="UsedOrExpired"/> for a link that no longer works.
    /// </summary>
    public async Task<IdentityResult> AcceptAsync(string? userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        await using var operation = AccountOperation.Open(scopes, services);
        var users = operation.Users;
        var user = await ValidAsync(users, userId, code) ?? throw new DomainException(UsedOrExpired);
        // AddPasswordAsync refuses an account that already has a password and, on success,
        // updates the security stamp: the same link cannot be used again.
        return await operation.Changes.ApplyAsync(user,
            AccountChanged.ByThemselves(user, AuditActions.InvitationAccepted, $"{user.DisplayName} <{user.Email}> accepted the invitation and set a password"),
            () => users.AddPasswordAsync(user, password ?? ""));
    }

    private static async Task<ApplicationUser?> ValidAsync(UserManager<ApplicationUser> users, string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code))
            return null;
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.DeactivatedAt is not null || await users.HasPasswordAsync(user))
            return null;
        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, AccountAdministration.InvitationPurpose, code)
            ? user
            : null;
    }
}
