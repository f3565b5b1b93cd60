using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The shared bUnit context: MudBlazor's services, localization, loose JS interop, the app's real authorization
/// policies and a signed-in person whose roles each test chooses.
/// </summary>
public abstract class NewsroomComponentTest : BunitContext, IAsyncLifetime
{
    private readonly TestAuthenticationStateProvider _authentication = new();

    protected NewsroomComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The components' IStringLocalizer<T> over the *.vi.resx files, as in the app.
        Services.AddLocalization();
        Services.AddAuthorizationBuilder().AddNewsroomPolicies();
        // bUnit pre-registers a placeholder that refuses every check; the real evaluator of the
        // app's policies replaces it, so these tests exercise the roles-to-policies mapping itself.
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        Services.AddSingleton<IOptionsMonitor<SiteOptions>>(new FixedOptionsMonitor<SiteOptions>(new SiteOptions { Name = "Báo Thử Nghiệm" }));
        Services.AddSingleton<NewsroomEditor.Web.Hosting.AppAddress>();
    }

    /// <summary>Who is signed in, as the components' authentication state says.</summary>
    protected AuthenticationStateProvider Authentication => _authentication;

    /// <summary>Signs in a person with the given display name and roles; their user id is derived from the name.</summary>
    protected ClaimsPrincipal SignIn(string displayName, params string[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "user-" + displayName.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, "someone@example.vn"),
            new(NewsroomClaims.DisplayName, displayName),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        _authentication.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        return _authentication.User;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are async-disposable only; xunit 2 calls this one.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(User));
    }
}
