using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Identity's sign-in with the newsroom's account rules, in one place: a deactivated account cannot
/// sign in (whatever the way: password, two-factor, passkey), and every successful sign-in is
/// recorded as <see cref="ApplicationUser.LastSignInAt"/>.
/// </summary>
public class NewsroomSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Shown on the sign-in page when a deactivated account gives its right password.</summary>
    public const string DeactivatedMessage = "This account has been deactivated. Ask an administrator if you need access again.";

    private bool _refreshing;

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.DeactivatedAt is not null)
        {
            Logger.LogWarning("User {UserId} cannot sign in: the account is deactivated.", user.Id);
            return false;
        }
        return await base.CanSignInAsync(user);
    }

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        // A refresh re-issues the cookie of someone already signed in: not a sign-in to record.
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (_refreshing)
            return;
        // Every completed sign-in (password, two-factor, recovery code, passkey, invitation) ends here.
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await UserManager.UpdateAsync(user);
    }
}
