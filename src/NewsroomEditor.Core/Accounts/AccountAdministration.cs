using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Accounts;

/// <summary>Where an account stands, as the users page shows and filters it.</summary>
public enum AccountStatus
{
    Active,
    /// <summary>Made by an admin; the person has not set a password yet.</summary>
    Invited,
    /// <summary>An admin switched it off; it cannot sign in.</summary>
    Deactivated,
    /// <summary>Too many failed sign-ins; locked until the lockout ends or an admin unlocks it.</summary>
    LockedOut,
    /// <summary>The person's personal data was erased; the anonymised account stays, deactivated for good.</summary>
    Erased,
}

/// <summary>A page of the users list: search (name or e-mail), role, status; <paramref name="Page"/> from 0.</summary>
public sealed record AccountQuery(string? Search = null, string? Role = null, AccountStatus? Status = null, int Page = 0, int PageSize = 25);

/// <summary>One person as the users page lists them.</summary>
public sealed record AccountRow(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, AccountStatus Status, DateTime? LastSignInAt, DateTime? InvitedAt);

public sealed record AccountPage(IReadOnlyList<AccountRow> Items, int TotalCount);

/// <summary>What an admin gives to invite a person.</summary>
public sealed record NewAccount(string DisplayName, string Email, IReadOnlyCollection<string> Roles);

/// <summary>
/// A link to pass on (invitation or password reset), shown once to the admin, and whether it was
/// also e-mailed to the person.
/// </summary>
public sealed record AccountLink(string UserId, string Email, Uri Link, bool Emailed);

/// <summary>
/// Users (Admin only): list, invite, change roles, deactivate and reactivate, unlock, send a
/// password-reset link, as the scope's <see cref="CurrentActor"/>. Every method checks that the actor
/// is an active Admin (<see cref="CurrentActor.EnsureAdminAsync"/>) and throws <see cref="AccessDeniedException"/> otherwise; a broken rule is a <see cref="DomainException"/>
/// whose message is shown as it is.
/// </summary>
public interface IAccountAdministration
{
    Task<AccountPage> ListAsync(AccountQuery query, CancellationToken cancellationToken = default);

    /// <summary>Creates an account without a password and returns its invitation link (under <paramref name="appBase"/>).</summary>
    Task<AccountLink> InviteAsync(NewAccount account, Uri appBase, CancellationToken cancellationToken = default);

    /// <summary>A fresh invitation link for someone who has not accepted theirs (the old one stops working).</summary>
    Task<AccountLink> RenewInvitationAsync(string userId, Uri appBase, CancellationToken cancellationToken = default);

    Task ChangeRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default);

    Task DeactivateAsync(string userId, CancellationToken cancellationToken = default);

    Task ReactivateAsync(string userId, CancellationToken cancellationToken = default);

    Task UnlockAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>A password-reset link (under <paramref name="appBase"/>), e-mailed when SMTP is configured.</summary>
    Task<AccountLink> SendPasswordResetAsync(string userId, Uri appBase, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IAccountAdministration"/>
public sealed class AccountAdministration(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    CurrentActor currentActor,
    IAccountMailer mailer,
    TimeProvider clock,
    ILogger<AccountAdministration> logger) : IAccountAdministration
{
    public const string InvitationPurpose = "AcceptInvitation";
    public const string AcceptInvitationPath = "Account/AcceptInvitation";
    public const string ResetPasswordPath = "Account/ResetPassword";
    public const int MaxPageSize = 100;

    public async Task<AccountPage> ListAsync(AccountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may see the list of people."), cancellationToken);
        var db = operation.Db;

        // A newsroom has tens or hundreds of people, not millions: the list is read whole and
        // filtered here, so that search folds diacritics ("hoang" finds "Hoàng") the same way on
        // every database and the status (which depends on the clock) needs no provider-specific SQL.
        var users = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.DeactivatedAt, u.ErasedAt, u.LockoutEnd, HasPassword = u.PasswordHash != null,
                u.LastSignInAt, u.InvitedAt,
            })
            .ToListAsync(cancellationToken);
        var rolesByUser = await db.RoleNamesByUserAsync(cancellationToken);
        var now = clock.GetUtcNow();

        IEnumerable<AccountRow> rows = users.Select(u => new AccountRow(
            u.Id, u.DisplayName, u.Email ?? "", rolesByUser[u.Id].Order(StringComparer.Ordinal).ToList(),
            u.ErasedAt is not null ? AccountStatus.Erased : StatusOf(u.DeactivatedAt, u.LockoutEnd, u.HasPassword, now), u.LastSignInAt, u.InvitedAt));
        var terms = SearchText.Terms(query.Search);
        if (terms.Count > 0)
            rows = rows.Where(r => terms.All(t => SearchText.Fold(r.DisplayName + " " + r.Email).Contains(t, StringComparison.Ordinal)));
        if (!string.IsNullOrEmpty(query.Role))
            rows = rows.Where(r => r.Roles.Contains(query.Role, StringComparer.Ordinal));
        if (query.Status is { } status)
            rows = rows.Where(r => r.Status == status);

        var matching = rows
            .OrderBy(r => SearchText.Fold(r.DisplayName), StringComparer.Ordinal)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 0);
        return new AccountPage(matching.Skip(page * pageSize).Take(pageSize).ToList(), matching.Count);
    }

    /// <summary>The status rule: deactivated over locked out over invited over active.</summary>
    public static AccountStatus StatusOf(DateTime? deactivatedAt, DateTimeOffset? lockoutEnd, bool hasPassword, DateTimeOffset now) =>
        deactivatedAt is not null ? AccountStatus.Deactivated
        : lockoutEnd is { } end && end > now ? AccountStatus.LockedOut
        : !hasPassword ? AccountStatus.Invited
        : AccountStatus.Active;

    public async Task<AccountLink> InviteAsync(NewAccount account, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(appBase);
        var displayName = (account.DisplayName ?? "").Trim().Normalize();
        if (displayName.Length is 0 or > ApplicationUser.DisplayNameMaxLength)
            throw new DomainException("Display name is required and at most {0} characters.", ApplicationUser.DisplayNameMaxLength);
        var email = (account.Email ?? "").Trim();
        if (!IsEmailAddress(email))
            throw new DomainException("'{0}' is not an e-mail address.", email);
        var roles = CheckRoles(account.Roles);

        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may invite people."), cancellationToken);
        var (users, db, admin) = (operation.Users, operation.Db, operation.Admin);
        if (await users.FindByEmailAsync(email) is not null)
            throw new DomainException("An account with the e-mail {0} already exists.", email);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            // The admin vouches for the address; accepting the invitation proves the person holds it.
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = now,
            InvitedAt = now,
        };
        await db.InTransactionAsync(async _ =>
        {
            user.Record(AccountChanged.By(admin, user, AuditActions.AccountCreated,
                $"{displayName} <{email}>, roles: {string.Join(", ", roles)}"));
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
                result = await users.AddToRolesAsync(user, roles);
            if (!result.Succeeded)
                throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }, cancellationToken);

        var link = await InvitationLinkAsync(users, user, appBase);
        var emailed = await TrySendAsync(AccountEmailKind.Invitation, user, link, cancellationToken);
        await operation.Changes.RecordAsync(user, AccountChanged.By(admin, user, AuditActions.AccountInvited,
            $"Invitation for {email}{(emailed ? ", e-mailed" : ", link shown to the admin")}"), cancellationToken);
        return new AccountLink(user.Id, user.Email ?? "", link, emailed);
    }

    public async Task<AccountLink> RenewInvitationAsync(string userId, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may invite people."), cancellationToken);
        var users = operation.Users;
        var user = await FindAsync(users, userId);
        if (await users.HasPasswordAsync(user))
            throw new DomainException("{0} has already accepted their invitation; send a password-reset link instead.", user.DisplayName);
        if (user.DeactivatedAt is not null)
            throw new DomainException("{0}'s account is deactivated; reactivate it first.", user.DisplayName);

        user.InvitedAt = clock.GetUtcNow().UtcDateTime;
        Check(await users.UpdateAsync(user));
        // A new stamp voids every earlier invitation link of this person.
        Check(await users.UpdateSecurityStampAsync(user));
        var link = await InvitationLinkAsync(users, user, appBase);
        var emailed = await TrySendAsync(AccountEmailKind.Invitation, user, link, cancellationToken);
        await operation.Changes.RecordAsync(user, AccountChanged.By(operation.Admin, user, AuditActions.AccountInvited,
            $"New invitation for {user.Email}{(emailed ? ", e-mailed" : ", link shown to the admin")}"), cancellationToken);
        return new AccountLink(user.Id, user.Email ?? "", link, emailed);
    }

    public async Task ChangeRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var wanted = CheckRoles(roles);
        var refusal = DomainText.Get("Only an Admin may change roles.");
        await LastAdminRule.RunAsync(async () =>
        {
            await using var operation = await BeginAsync(refusal, cancellationToken);
            var (users, db) = (operation.Users, operation.Db);
            var user = await FindAsync(users, userId);
            if (user.ErasedAt is not null)
                throw new DomainException("This account's personal data was erased; it can no longer be changed or reactivated. Invite the person anew instead.");
            var current = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            if (current.SequenceEqual(wanted, StringComparer.Ordinal))
                return;
            if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await LastAdminRule.IsLastActiveAdminAsync(users, user))
                throw new DomainException("{0} is the last active Admin; make someone else an Admin first.", user.DisplayName);

            await db.InTransactionAsync(async _ =>
            {
                user.Record(AccountChanged.By(operation.Admin, user, AuditActions.RolesChanged, $"Roles: {Describe(current)} → {Describe(wanted)}"));
                Check(await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal)));
                Check(await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal)));
                // Cookies carrying the old roles stop working at once.
                Check(await users.UpdateSecurityStampAsync(user));
            }, cancellationToken);
            // The stored sessions go too, so that none outlives the change on any instance.
            await operation.Services.GetRequiredService<Sessions.UserSessions>().EndAllAsync(user.Id, cancellationToken);
        }, cancellationToken);
    }

    public async Task DeactivateAsync(string userId, CancellationToken cancellationToken = default)
    {
        var refusal = DomainText.Get("Only an Admin may deactivate accounts.");
        await LastAdminRule.RunAsync(async () =>
        {
            await using var operation = await BeginAsync(refusal, cancellationToken);
            if (userId == operation.Admin.UserId)
                throw new DomainException("You cannot deactivate your own account; ask another Admin.");
            var users = operation.Users;
            var user = await FindAsync(users, userId);
            if (user.DeactivatedAt is not null)
                throw new DomainException("{0}'s account is already deactivated.", user.DisplayName);
            if (await LastAdminRule.IsLastActiveAdminAsync(users, user))
                throw new DomainException("{0} is the last active Admin and cannot be deactivated.", user.DisplayName);

            user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
            // One save with a new security stamp: open sessions and invitation or reset links stop working at once.
            Check(await operation.Changes.ApplyAsync(user, AccountChanged.By(operation.Admin, user, AuditActions.AccountDeactivated,
                $"{user.DisplayName} <{user.Email}> deactivated"), () => users.UpdateSecurityStampAsync(user)));
            await operation.Services.GetRequiredService<Sessions.UserSessions>().EndAllAsync(user.Id, cancellationToken);
        }, cancellationToken);
    }

    public async Task ReactivateAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may reactivate accounts."), cancellationToken);
        var users = operation.Users;
        var user = await FindAsync(users, userId);
        if (user.ErasedAt is not null)
            throw new DomainException("This account's personal data was erased; it can no longer be changed or reactivated. Invite the person anew instead.");
        if (user.DeactivatedAt is null)
            throw new DomainException("{0}'s account is already active.", user.DisplayName);
        user.DeactivatedAt = null;
        Check(await operation.Changes.ApplyAsync(user, AccountChanged.By(operation.Admin, user, AuditActions.AccountReactivated,
            $"{user.DisplayName} <{user.Email}> reactivated"), () => users.UpdateSecurityStampAsync(user)));
    }

    public async Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may unlock accounts."), cancellationToken);
        var users = operation.Users;
        var user = await FindAsync(users, userId);
        Check(await operation.Changes.ApplyAsync(user, AccountChanged.By(operation.Admin, user, AuditActions.AccountUnlocked,
            $"{user.DisplayName} <{user.Email}> unlocked"), async () =>
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded)
                result = await users.ResetAccessFailedCountAsync(user);
            return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
        }));
    }

    public async Task<AccountLink> SendPasswordResetAsync(string userId, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        await using var operation = await BeginAsync(DomainText.Get("Only an Admin may send password-reset links."), cancellationToken);
        var users = operation.Users;
        var user = await FindAsync(users, userId);
        if (user.DeactivatedAt is not null)
            throw new DomainException("{0}'s account is deactivated; reactivate it first.", user.DisplayName);
        if (!await users.HasPasswordAsync(user))
            throw new DomainException("{0} has not accepted their invitation yet; send a new invitation instead.", user.DisplayName);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri(appBase, $"{ResetPasswordPath}?code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}");
        var emailed = await TrySendAsync(AccountEmailKind.PasswordReset, user, link, cancellationToken);
        await operation.Changes.RecordAsync(user, AccountChanged.By(operation.Admin, user, AuditActions.PasswordResetSent,
            $"Password-reset link for {user.Email}{(emailed ? ", e-mailed" : ", shown to the admin")}"), cancellationToken);
        return new AccountLink(user.Id, user.Email ?? "", link, emailed);
    }

    /// <summary>The invitation link of <paramref name="user"/>: its id and a signed, single-use token.</summary>
    private static async Task<Uri> InvitationLinkAsync(UserManager<ApplicationUser> users, ApplicationUser user, Uri appBase)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationPurpose);
        return new Uri(appBase, $"{AcceptInvitationPath}?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}");
    }

    /// <summary>
    /// E-mails the link when SMTP is configured. A mail server that fails does not undo the
    /// invitation or the reset: the admin still sees the link and is told it was not e-mailed.
    /// </summary>
    private async Task<bool> TrySendAsync(AccountEmailKind kind, ApplicationUser user, Uri link, CancellationToken cancellationToken)
    {
        try
        {
            return await mailer.SendAsync(kind, user, user.Email ?? "", link.AbsoluteUri, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The {Kind} e-mail for user {UserId} could not be sent.", kind, user.Id);
            return false;
        }
    }

    /// <summary>
    /// Opens the operation's scope and checks, in its context, that the scope's actor is an active
    /// Admin. The refusals are given already translated (<see cref="DomainText.Get"/>), so that the
    /// translation test sees each one where it is written; the AccessDeniedException looks the text
    /// up again, finds no entry for the Vietnamese, and keeps it.
    /// </summary>
    private async Task<AdminOperation> BeginAsync(string refusal, CancellationToken cancellationToken)
    {
        var operation = AccountOperation.Open(scopes, services);
        try
        {
            return new AdminOperation(operation, await currentActor.EnsureAdminAsync(operation.Db, refusal, cancellationToken));
        }
        catch
        {
            await operation.DisposeAsync();
            throw;
        }
    }

    /// <summary>An account operation with the admin who makes it, verified.</summary>
    private sealed class AdminOperation(AccountOperation operation, Actor admin) : IAsyncDisposable
    {
        public Actor Admin => admin;
        public UserManager<ApplicationUser> Users => operation.Users;
        public NewsroomDbContext Db => operation.Db;
        public AccountChanges Changes => operation.Changes;
        public IServiceProvider Services => operation.Services;
        public ValueTask DisposeAsync() => operation.DisposeAsync();
    }

    private static async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId ?? "") ?? throw new DomainException("That account does not exist (any more).");

    private static List<string> CheckRoles(IReadOnlyCollection<string>? roles)
    {
        var chosen = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = chosen.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.Ordinal));
        if (unknown is not null)
            throw new DomainException("'{0}' is not a role; choose from {1}.", unknown, string.Join(", ", Roles.All));
        if (chosen.Count == 0)
            throw new DomainException("Choose at least one role.");
        return chosen.Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsEmailAddress(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static string Describe(IReadOnlyCollection<string> roles) => roles.Count == 0 ? "none" : string.Join(", ", roles);
}
