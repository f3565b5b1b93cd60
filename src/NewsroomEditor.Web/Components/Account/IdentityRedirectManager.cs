using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// Redirects of the static account pages, some with a status message for the next page (a short-lived
/// cookie); the messages are in the interface language of the request that sets them.
/// </summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager, IStringLocalizer<AccountText> L)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        // No open redirects, and no error for an address off the site (a ReturnUrl anyone can
        // put in a link): such an address leads to the dashboard instead.
        navigationManager.NavigateTo(LocalReturnUrl.ToBaseRelative(uri, navigationManager.BaseUri) ?? NewsroomRoutes.Dashboard);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    /// <summary>To the lockout page, which says until when (the time is only shown, never trusted).</summary>
    public void RedirectToLockout(SignInManager<ApplicationUser> signInManager) =>
        RedirectTo("Account/Lockout", new()
        {
            ["until"] = (signInManager as NewsroomSignInManager)?.LockedOutUntil?.ToUnixTimeSeconds(),
        });

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", L["Error: Unable to load user with ID '{0}'.", userManager.GetUserId(context.User) ?? ""], context);
}
