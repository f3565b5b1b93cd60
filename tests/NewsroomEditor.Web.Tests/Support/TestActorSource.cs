using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The principal of a test host's scopes: none until a bUnit context's signed-in person is followed
/// (<see cref="Follow"/>), so the components' <see cref="CurrentActor"/> acts as whoever the test signed in,
/// as the app's follows the circuit's authentication state. Scopes that arrange data act with ActAs.
/// </summary>
public sealed class TestActorSource : IActorSource
{
    private AuthenticationStateProvider? _signedIn;

    public void Follow(AuthenticationStateProvider signedIn) => _signedIn = signedIn;

    public async ValueTask<ClaimsPrincipal?> PrincipalAsync() =>
        _signedIn is null ? null : (await _signedIn.GetAuthenticationStateAsync()).User;
}
