using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// <c>Security:RequireTwoFactorFor</c>: a signed-in person in one of those roles who has no
/// authenticator app yet is sent to set one up before any page of the editing UI. The editing UI
/// is every Blazor page that requires authorization, except the Account pages themselves (where
/// the authenticator is set up); the public site, /setup and the error pages are not affected.
/// A circuit opens only from such a page request, so the rule cannot be walked around by
/// navigating inside an open circuit. Other endpoints that require sign-in (the audit export,
/// media previews) answer 403 with the reason until the authenticator is set up.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, IOptions<SecurityOptions> security)
{
    public const string SetupPath = "/Account/Manage/EnableAuthenticator";

    private static readonly string AccountNamespace = typeof(TwoFactorRequirementMiddleware).Namespace!;

    public async Task InvokeAsync(HttpContext context, UserManager<ApplicationUser> users, IStringLocalizer<AccountText> L)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(users);
        var endpoint = context.GetEndpoint();
        var isPage = IsEditingPage(endpoint);
        var isOtherProtected = !isPage && IsProtectedEndpoint(context, endpoint);
        if ((isPage || isOtherProtected)
            && context.User.Identity?.IsAuthenticated == true
            && security.Value.RolesRequiringTwoFactor.Any(context.User.IsInRole)
            && await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
        {
            if (isPage)
            {
                context.Response.Redirect($"{SetupPath}?required=true");
                return;
            }
            // A download or an API call (the audit export, a media preview) cannot be redirected
            // usefully: it is refused with the reason.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync(L["Set up two-factor sign-in first: {0}", SetupPath], context.RequestAborted);
            return;
        }
        await next(context);
    }

    /// <summary>Any other endpoint that requires sign-in, outside /Account (where sign-out and the set-up live).</summary>
    private static bool IsProtectedEndpoint(HttpContext context, Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
        && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null
        && !context.Request.Path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase);

    private static bool IsEditingPage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component
        && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
        && !(component.Type.Namespace ?? "").StartsWith(AccountNamespace, StringComparison.Ordinal);
}
