using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NewsroomEditor.E2E.Support;

/// <summary>
/// The real app in the test process on a real port (a browser must reach it) over the SQLite
/// database in <paramref name="dataFolder"/>; port 0 picks a free one. (A crash is staged with
/// <see cref="AppProcess"/> instead: a process can be killed, an in-process host cannot.)
/// <paramref name="settings"/> are extra settings ("Security:MaxCircuitsPerUser" = "2").
/// </summary>
public sealed class KestrelFactory(string dataFolder, int port, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = dataFolder;

    /// <summary>Off unless a test slows the circuit down (see <see cref="CircuitSlowdown"/>).</summary>
    public CircuitSlowdown Slowdown { get; } = new();

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "newsroom-e2e", Guid.NewGuid().ToString("N"));

    /// <summary>Starts the server and returns its base address (no trailing slash).</summary>
    public string Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return addresses.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Site:Name", "Báo Thử Nghiệm");
        // Every test signs in from 127.0.0.1; the per-address limit of account posts has its own test.
        builder.UseSetting("Security:RateLimit:PermitLimit", "0");
        // A failing circuit tells the browser console why, which a failed test then shows.
        builder.UseSetting("DetailedErrors", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        // Global hub filters apply to Blazor's own hub too.
        builder.ConfigureTestServices(services => services.AddSignalR(options => options.AddFilter(Slowdown)));
        UseKestrel(port);
    }

    public void DeleteDataFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
            Directory.Delete(DataFolder, recursive: true);
    }
}
