using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The whole app in memory over a real SQLite file in a folder of its own, deleted afterwards.
/// Each instance is a fresh newsroom (no users yet).
/// </summary>
public sealed class NewsroomAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "newsroom-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary>When set, the app reads this clock instead of the system's, so a test can move time.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>When set, changes the app's services after its own registrations (as a test needs them).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production reads package assets (MudBlazor) from a publish folder; tests run from the build output.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Site:Name", "Báo Thử Nghiệm");
        // Tests of one class share an app and one client address; AccountRateLimitTests sets a low limit of its own.
        builder.UseSetting("Security:RateLimit:PermitLimit", "0");
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        if (TestServices is { } configure)
            builder.ConfigureTestServices(configure);
    }

    /// <summary>
    /// Every client asks for English, as the tests read the interface's English words; a test of the
    /// Vietnamese interface sets its own Accept-Language on the request.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
    }

    /// <summary>A client that shows redirects instead of following them, and keeps cookies.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a confirmed user with the given roles, as an admin would.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string displayName, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        AssertSucceeded(await users.CreateAsync(user, Password));
        AssertSucceeded(await users.AddToRolesAsync(user, roles));
        return user;
    }

    /// <summary>Creates the first admin through the service the setup page uses.</summary>
    public async Task CompleteSetupAsync(string email = "admin@example.vn")
    {
        await using var scope = Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<IFirstRunSetup>();
        AssertSucceeded(await setup.CreateFirstAdminAsync(new FirstAdmin(email, "Quản trị", Password)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        // A file the stopped host was still closing (a connection's journal, an upload's spool) can
        // appear while the folder is deleted; the next attempt finds it closed.
        for (var attempt = 1; Directory.Exists(DataFolder); attempt++)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
