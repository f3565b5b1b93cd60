using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// The signed-in principal for <see cref="CurrentActor"/>: in a circuit (and a page rendered on
/// the server) the authentication state Blazor keeps, which follows revalidation; in a plain
/// HTTP request (an endpoint) the request's user. Inside a circuit the HttpContext is absent or
/// the connection's stale one, so the authentication state comes first.
/// </summary>
public sealed class SignedInActorSource(AuthenticationStateProvider authentication, IHttpContextAccessor http) : IActorSource
{
    public async ValueTask<ClaimsPrincipal?> PrincipalAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException) when (http.HttpContext is not null)
        {
            // An endpoint outside Blazor: nobody set the authentication state, the request has the user.
            return http.HttpContext.User;
        }
    }
}
