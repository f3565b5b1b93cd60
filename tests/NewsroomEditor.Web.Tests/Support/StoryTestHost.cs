using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// The Core layer as the app registers it, over a real SQLite file of its own, for bUnit tests of
/// components that call the story services. Components get a scope of their own (as a circuit
/// does); the test acts through other scopes, as other people's circuits would.
/// </summary>
public sealed class StoryTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _componentScope;
    private readonly string _dataFolder;

    private StoryTestHost(ServiceProvider services, string dataFolder)
    {
        _services = services;
        _dataFolder = dataFolder;
        _componentScope = services.CreateAsyncScope();
    }

    /// <summary>The one event bus of this "server".</summary>
    public INewsroomEventBus Events => _services.GetRequiredService<INewsroomEventBus>();

    public static async Task<StoryTestHost> StartAsync()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "newsroom-web-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        var host = new StoryTestHost(builder.Services.BuildServiceProvider(validateScopes: true), dataFolder);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        return host;
    }

    /// <summary>Gives a bUnit context the story services a circuit would have, on this host's bus.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Events);
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<StoryService>());
        services.AddSingleton(_componentScope.ServiceProvider.GetRequiredService<NewsroomEditor.Core.Publishing.SectionCatalog>());
    }

    /// <summary>Stores the person behind <paramref name="actor"/> (same id), so their stories satisfy the foreign key.</summary>
    public Task AddUserAsync(StoryActor actor) => InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{actor.UserId}@example.vn";
        var user = new ApplicationUser { Id = actor.UserId, UserName = email, Email = email, EmailConfirmed = true, DisplayName = actor.DisplayName };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (actor.Roles.Count > 0)
            await users.AddToRolesAsync(user, actor.Roles);
    });

    /// <summary>A story by <paramref name="author"/> with <paramref name="headline"/>, still a draft.</summary>
    public Task<Guid> WriteStoryAsync(StoryActor author, string headline) => InScopeAsync(async sp =>
    {
        var stories = sp.GetRequiredService<StoryService>();
        var story = await stories.CreateAsync(author, "vi", 1);
        var saved = await stories.SaveAsync(author, story.Id, story.Version, new StoryContent(
            headline,
            "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
            StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]),
            SectionId: 1, Tags: ["Hội nghị"], Byline: author.DisplayName, Slug: "", MetaDescription: ""));
        Assert.True(saved.Saved);
        return story.Id;
    });

    public Task<Story> TransitionAsync(StoryActor actor, Guid storyId, StoryAction action, string? note = null) =>
        InScopeAsync(sp => sp.GetRequiredService<StoryService>().TransitionAsync(actor, storyId, action, note));

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
