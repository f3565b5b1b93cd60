using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The Core layer registered as the app registers it, over a migrated SQLite file in a folder of its
/// own (deleted afterwards), with a clock the test moves. Components get a scope of their own (as a
/// circuit does); the test arranges through other scopes, as other people's requests would.
/// </summary>
public sealed class StoryTestHost : IAsyncDisposable
{
    /// <summary>11/04/2024 19:45 in Asia/Ho_Chi_Minh.</summary>
    public static readonly DateTimeOffset Start = new(2024, 4, 11, 12, 45, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _componentScope;
    private readonly string _dataFolder;

    private StoryTestHost(ServiceProvider services, string dataFolder)
    {
        _services = services;
        _dataFolder = dataFolder;
        _componentScope = services.CreateAsyncScope();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Where this host's scopes read the signed-in person (the component scope follows the bUnit context's).</summary>
    public TestActorSource ActorSource { get; } = new();

    public IServiceProvider Services => _services;

    /// <summary>The one event bus of this "server".</summary>
    public INewsroomEventBus Events => _services.GetRequiredService<INewsroomEventBus>();

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
        builder.Services.AddSingleton<IActorSource>(_ => host!.ActorSource);
        host = new StoryTestHost(builder.Services.BuildServiceProvider(validateScopes: true), dataFolder);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        return host;
    }

    /// <summary>Gives a bUnit context the story services a circuit would have, on this host's bus and clock.</summary>
    public void AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The components act as the person the bUnit context signed in (NewsroomComponentTest registers that provider).
        if (services.LastOrDefault(d => d.ServiceType == typeof(AuthenticationStateProvider))?.ImplementationInstance is AuthenticationStateProvider signedIn)
            ActorSource.Follow(signedIn);
        services.AddSingleton(Events);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<IStoryWriting>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<IStoryWorkflow>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<IStoryTranslations>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<IStoryQueries>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<EditLeaseService>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<ISectionCatalog>());
    }

    /// <summary>Creates the account of a signed-in test principal (same id, name and roles) and returns them as an actor.</summary>
    public async Task<Actor> UserAsync(ClaimsPrincipal principal)
    {
        var actor = Actor.From(principal);
        await AddUserAsync(actor);
        return actor;
    }

    /// <summary>Stores the person behind <paramref name="actor"/> (same id), so their stories satisfy the foreign key.</summary>
    public Task AddUserAsync(Actor actor) => InScopeAsync(async sp =>
    {
        ArgumentNullException.ThrowIfNull(actor);
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{actor.UserId}@example.vn";
        var user = new ApplicationUser { Id = actor.UserId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = actor.DisplayName };
        var result = await users.CreateAsync(user, "a long enough passphrase");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var role in actor.Roles)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    });

    /// <summary>A story by <paramref name="author"/> with <paramref name="headline"/>, still a draft.</summary>
    public Task<Guid> WriteStoryAsync(Actor author, string headline) => StoriesAsync(async stories =>
    {
        var story = await stories.CreateAsync(author, "vi", 1);
        var saved = await stories.SaveAsync(author, story.Id, story.Version, new StoryContent(
            headline,
            "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
            StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]),
            SectionId: 1, Tags: ["Hội nghị"], Byline: author.DisplayName, Slug: "", MetaDescription: ""));
        Assert.True(saved.Saved);
        return story.Id;
    });

    public Task<Story> TransitionAsync(Actor actor, Guid storyId, StoryAction action, string? note = null) =>
        StoriesAsync(stories => stories.TransitionAsync(actor, storyId, action, note));

    /// <summary>Runs one use case in a scope of its own, as a separate request would.</summary>
    public Task<T> StoriesAsync<T>(Func<StoryServices, Task<T>> action) =>
        InScopeAsync(sp => action(StoryServices.From(sp)));

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _componentScope.DisposeAsync();
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
