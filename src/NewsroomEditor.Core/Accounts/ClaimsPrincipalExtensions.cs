using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsroomEditor.Core.Accounts;

/// <summary>Claims the app adds to the signed-in principal.</summary>
public static class NewsroomClaims
{
    public const string DisplayName = "newsroom:display_name";

    /// <summary>The chosen interface language ("vi", "en"); absent when the browser's language is followed.</summary>
    public const string UiLanguage = "newsroom:ui_language";

    /// <summary>The display name, falling back to the user name for principals made elsewhere.</summary>
    public static string GetDisplayName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
    }
}

/// <summary>
/// Puts the display name and the interface language into the cookie, so the app bar needs no query
/// per render and request localization knows the person's language before any page runs.
/// </summary>
public sealed class NewsroomClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NewsroomClaims.DisplayName, user.DisplayName));
        if (user.UiLanguage.Length > 0)
            identity.AddClaim(new Claim(NewsroomClaims.UiLanguage, user.UiLanguage));
        return identity;
    }
}
