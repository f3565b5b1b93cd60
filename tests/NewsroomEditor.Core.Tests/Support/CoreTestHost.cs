using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using Microsoft.AspNetCore.Identity;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// The Core layer registered exactly as the app registers it, over a real SQLite file in a
/// folder of its own that is deleted afterwards, or over a real PostgreSQL database
/// (<see cref="StartOnPostgreSqlAsync"/>).
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CoreTestHost(ServiceProvider services, string dataFolder)
    {
        _services = services;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public IServiceProvider Services => _services;

    /// <summary>Leaves the data folder in place on disposal, for another host (or process) to open next.</summary>
    public bool KeepDataFolder { get; set; }

    /// <summary>A host whose database is migrated and seeded, as at the app's start-up.</summary>
    public static async Task<CoreTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null)
    {
        var host = Create(settings, services, dataFolder);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        return host;
    }

    /// <summary>
    /// A host on PostgreSQL (<paramref name="connectionString"/>, an empty database such as
    /// <see cref="PostgreSqlServer.CreateDatabaseAsync"/> makes), migrated first as a deployment's
    /// script would (the app itself refuses to start on an unmigrated one), then initialized and
    /// seeded as at the app's start-up. The data folder still holds the media files.
    /// </summary>
    public static async Task<CoreTestHost> StartOnPostgreSqlAsync(
        string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Newsroom"] = connectionString,
        };
        var host = Create(all, services);
        await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database.MigrateAsync());
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        return host;
    }

    /// <summary>
    /// A host whose database has not been touched yet. <paramref name="services"/> replaces
    /// registrations (the last one wins: a test's clock, a fake); <paramref name="dataFolder"/> lets
    /// a second host share the first one's database, as a second app instance would.
    /// </summary>
    public static CoreTestHost Create(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null)
    {
        dataFolder ??= Path.Combine(Path.GetTempPath(), "newsroom-core-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        services?.Invoke(builder.Services);
        var provider = builder.Services.BuildServiceProvider(validateScopes: true);
        try
        {
            // As the app does before it touches the database: a wrong setting stops here.
            provider.CheckSettings();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return new CoreTestHost(provider, dataFolder);
    }

    /// <summary>A confirmed person with one role, made as an admin would, and the actor the services see.</summary>
    public Task<Actor> CreateActorAsync(string email, string displayName, string role) =>
        InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, "a long enough passphrase");
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return Actor.Create(user.Id, displayName, role);
        });

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (!KeepDataFolder && Directory.Exists(DataFolder))
                Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failed test because of it would not be.
        }
    }
}
