using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The Core layer registered as the app registers it, over a migrated SQLite file in a folder of
/// its own (deleted afterwards), with a clock the test moves. Component tests take their
/// <see cref="StoryService"/> from it and arrange stories through the real service.
/// </summary>
public sealed class StoryTestHost : IAsyncDisposable
{
    /// <summary>11/04/2024 19:45 in Asia/Ho_Chi_Minh.</summary>
    public static readonly DateTimeOffset Start = new(2024, 4, 11, 12, 45, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly string _dataFolder;

    private StoryTestHost(ServiceProvider services, string dataFolder)
    {
        _services = services;
        _dataFolder = dataFolder;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IServiceProvider Services => _services;

    public static async Task<StoryTestHost> StartAsync()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "newsroom-web-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        StoryTestHost? host = null;
        // The last registration wins: the services read the test's clock.
        builder.Services.AddSingleton<TimeProvider>(_ => host!.Clock);
        host = new StoryTestHost(builder.Services.BuildServiceProvider(validateScopes: true), dataFolder);
        await using var scope = host._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return host;
    }

    /// <summary>Creates the account of a signed-in test principal (same id, name and roles) and returns them as an actor.</summary>
    public async Task<StoryActor> UserAsync(ClaimsPrincipal principal)
    {
        var actor = StoryActor.From(principal);
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = actor.UserId + "@example.vn";
        var user = new ApplicationUser { Id = actor.UserId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = actor.DisplayName };
        Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
        foreach (var role in actor.Roles)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return actor;
    }

    /// <summary>Runs one use case in a scope of its own, as a separate request would.</summary>
    public async Task<T> StoriesAsync<T>(Func<StoryService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<StoryService>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_dataFolder))
                Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failed test because of it would not be.
        }
    }
}
