using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// A bUnit context whose components use a real <see cref="StoryServices"/> over SQLite
/// (<see cref="StoryTestHost"/>). The components share one scope, as the components of one
/// circuit do; the test arranges data through scopes of its own.
/// </summary>
public abstract class StoryComponentTest : NewsroomComponentTest, IAsyncLifetime
{
    private AsyncServiceScope? _componentScope;
    private StoryTestHost? _host;

    protected StoryTestHost Host => _host ?? throw new InvalidOperationException("The host starts before each test.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        _host = await StoryTestHost.StartAsync();
        _host.ActorSource.Follow(Authentication);
        var scope = _host.Services.CreateAsyncScope();
        _componentScope = scope;
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IStoryWriting>());
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IStoryWorkflow>());
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IStoryTranslations>());
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IStoryQueries>());
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<NewsroomEditor.Core.Media.IMediaService>());
        Services.AddSingleton<TimeProvider>(_host.Clock);
        Services.AddSingleton<NewsroomEditor.Web.Components.Public.ArticleHtmlRenderer>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_componentScope is { } scope)
            await scope.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
