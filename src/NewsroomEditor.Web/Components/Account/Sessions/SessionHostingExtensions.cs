using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NewsroomEditor.Core.Accounts.Sessions;

namespace NewsroomEditor.Web.Components.Account.Sessions;

/// <summary>Server-side sign-in sessions for the Identity application cookie.</summary>
internal static class SessionHostingExtensions
{
    /// <summary>
    /// The application cookie keeps its ticket in the database (<see cref="DatabaseTicketStore"/>),
    /// so that signing out, "sign out everywhere", a deactivation or a role change ends a session
    /// on the server, on every instance, instead of leaving a copied cookie valid until it expires.
    /// </summary>
    public static IServiceCollection AddNewsroomSessions(this IServiceCollection services)
    {
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        // The security-stamp check rebuilds the principal from the database on every request; the
        // rebuilt one keeps the session's key, which open circuits read (IdentityRevalidatingAuthenticationStateProvider).
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && context.NewPrincipal is { } rebuilt)
                DatabaseTicketStore.KeepSessionClaim(current, rebuilt);
            return Task.CompletedTask;
        });
        return services;
    }
}
