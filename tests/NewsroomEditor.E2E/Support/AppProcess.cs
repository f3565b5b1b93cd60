using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.E2E.Support;

/// <summary>
/// The app as an operating-system process of its own, so that a test can kill it the way a crash
/// does (SIGKILL: no shutdown, no cleanup) and start it again on the same port over the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private Process? _process;

    private AppProcess(string dataFolder, int port)
    {
        DataFolder = dataFolder;
        Port = port;
    }

    public string DataFolder { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A fresh data folder with a migrated database and the given people, and a free port.</summary>
    public static async Task<AppProcess> PrepareAsync(IEnumerable<(Person Person, string Password, string Role)> people)
    {
        var app = new AppProcess(KestrelFactory.NewDataFolder(), FreePort());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = app.DataFolder });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        await using (var services = builder.Services.BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var (person, password, role) in people)
            {
                var user = new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
                Assert.True((await users.CreateAsync(user, password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }
        SqliteConnection.ClearAllPools();
        return app;
    }

    /// <summary>Starts the built app (NewsroomEditor.Web.dll beside the tests) and waits until /healthz answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "NewsroomEditor.Web.dll"), "--urls", BaseUrl },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Development serves package assets (MudBlazor, the editor bundle) straight from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataFolder"] = DataFolder;
        start.Environment["Site__Name"] = "Báo Thử Nghiệm";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it answered.");
            try
            {
                using var health = await http.GetAsync($"{BaseUrl}/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer /healthz within a minute.");
    }

    /// <summary>SIGKILL, like a crash or a pulled plug: nothing of the app gets to run.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (Directory.Exists(DataFolder))
            Directory.Delete(DataFolder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
