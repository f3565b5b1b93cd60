using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// Identity's sign-in with the newsroom's rules, all in one place: every attempt (password,
/// authenticator code, recovery code, passkey) is audited after the fact — success, failure with
/// the e-mail typed, lockout — and a success records <see cref="ApplicationUser.LastSignInAt"/>
/// (so does accepting an invitation, which signs the person in directly).
/// A deactivated account can neither sign in nor keep a cookie.
/// </summary>
public sealed class NewsroomSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IAuditLog audit,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private ApplicationUser? _passkeyUser;

    // A hash of a random password made by the app's own hasher (same algorithm and iteration
    // count as real ones), verified when no password of a real account is: see CheckPasswordSignInAsync.
    private static string? s_dummyHash;

    /// <summary>
    /// True when the last password attempt of this request was for a deactivated account with its
    /// right password; only then does the sign-in page say why it refuses.
    /// </summary>
    public bool DeactivatedWithRightPassword { get; private set; }

    /// <summary>When the account of the last attempt in this request is locked until; for the lockout page.</summary>
    public DateTimeOffset? LockedOutUntil { get; private set; }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        // As the base class does, but keeping the user to record the outcome.
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // Same work as for an account: otherwise the response time tells which e-mails have one.
            VerifyDummyPassword(password);
            await RecordAsync(AuditActions.SignInFailed, null, userName, null, "No account has this e-mail address.");
            return SignInResult.Failed;
        }
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordOutcomeAsync(user, userName, result, "password");
        return result;
    }

    /// <summary>
    /// Identity checks the password only when the account may sign in and is not locked out; a
    /// deactivated, unconfirmed, locked or password-less account would answer at once and so give
    /// itself away by its speed. Here every attempt verifies exactly one password hash: the
    /// account's, or a dummy one. A deactivated account's own password is checked (wrong guesses
    /// count towards lockout) so the sign-in page can tell its owner, and only them, why.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        DeactivatedWithRightPassword = false;
        var lockedOut = await IsLockedOut(user);
        var hasPassword = await UserManager.HasPasswordAsync(user);
        if (user.DeactivatedAt is not null && !lockedOut && hasPassword)
        {
            if (await UserManager.CheckPasswordAsync(user, password))
                DeactivatedWithRightPassword = true;
            else if (lockoutOnFailure)
                await UserManager.AccessFailedAsync(user);
            return SignInResult.NotAllowed;
        }
        var verifiesPassword = !lockedOut && hasPassword && await CanSignInAsync(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!verifiesPassword)
            VerifyDummyPassword(password);
        return result;
    }

    private void VerifyDummyPassword(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var dummyUser = new ApplicationUser();
        s_dummyHash ??= hasher.HashPassword(dummyUser, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(dummyUser, s_dummyHash, password ?? "");
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
            await RecordOutcomeAsync(user, user.Email, result, "password and authenticator code");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        // Identity does not count a wrong recovery code towards lockout; guessing them is no
        // cheaper than guessing authenticator codes, so here it counts.
        if (user is not null && !result.Succeeded && !result.IsLockedOut)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
                result = SignInResult.LockedOut;
        }
        if (user is not null)
            await RecordOutcomeAsync(user, user.Email, result, "password and recovery code");
        return result;
    }

    public override async Task<PasskeyAssertionResult<ApplicationUser>> PerformPasskeyAssertionAsync(string credentialJson)
    {
        var assertion = await base.PerformPasskeyAssertionAsync(credentialJson);
        _passkeyUser = assertion.Succeeded ? assertion.User : null;
        return assertion;
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        _passkeyUser = null;
        var result = await base.PasskeySignInAsync(credentialJson);
        if (_passkeyUser is not null)
            await RecordOutcomeAsync(_passkeyUser, _passkeyUser.Email, result, "passkey");
        else if (!result.Succeeded)
            await RecordAsync(AuditActions.SignInFailed, null, null, null, "A passkey was not recognised.");
        return result;
    }

    /// <summary>
    /// A direct sign-in (accepting an invitation) is a sign-in too; the attempts above record
    /// their own outcome, refreshes of an existing cookie are not sign-ins.
    /// </summary>
    public override async Task SignInAsync(ApplicationUser user, bool isPersistent, string? authenticationMethod = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SignInAsync(user, isPersistent, authenticationMethod);
        if (authenticationMethod is null)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await UserManager.UpdateAsync(user);
        }
    }

    /// <summary>A deactivated account is refused at sign-in, whatever its password.</summary>
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// Called by the cookie's security-stamp check on each request (SecurityStampValidatorOptions):
    /// a deactivated account's cookie stops working at once, as a changed stamp does.
    /// </summary>
    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DeactivatedAt: null } ? user : null;
    }

    private async Task RecordOutcomeAsync(ApplicationUser user, string? typedName, SignInResult result, string method)
    {
        var target = $"user:{user.Id}";
        if (result.Succeeded)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await UserManager.UpdateAsync(user);
            await RecordAsync(AuditActions.SignInSucceeded, user.Id, user.DisplayName, target, $"Signed in with {method}.");
        }
        else if (result.IsLockedOut)
        {
            LockedOutUntil = await UserManager.GetLockoutEndDateAsync(user);
            var until = LockedOutUntil?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "further notice";
            await RecordAsync(AuditActions.LockedOut, null, typedName ?? user.Email, target, $"Locked out until {until} ({method}).");
        }
        else if (result.IsNotAllowed)
        {
            await RecordAsync(AuditActions.SignInFailed, null, typedName ?? user.Email, target, "The account may not sign in (deactivated or not confirmed).");
        }
        else if (!result.RequiresTwoFactor)
        {
            await RecordAsync(AuditActions.SignInFailed, null, typedName ?? user.Email, target, $"Wrong {method}.");
        }
    }

    // Sign-in attempts are audited directly, not as account events (AccountChanged): most change no
    // account at all (an unknown e-mail, a passkey nobody holds, a wrong password), and the entry
    // is the record of the attempt itself, written whatever becomes of the request.
    private Task RecordAsync(string action, string? actorId, string? actorName, string? target, string details) =>
        audit.RecordAsync(new AuditRecord(action, actorId, actorName, target, details));
}
