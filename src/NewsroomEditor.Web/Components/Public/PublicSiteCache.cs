using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site's output cache (ASP.NET Core output caching), forgotten the moment what readers
/// see changes. Two things make "the very next request" exact, even for a request that was being
/// rendered while the story was unpublished: every entry is keyed by the cache's generation as the
/// request started, and invalidating moves to a new generation before evicting the tag; an entry
/// stored late by such a request belongs to a generation nobody asks for again.
/// Each app instance has its own output cache: an invalidation is also published on the event bus
/// as <see cref="PublicSiteChanged"/>, and every other instance's cache forgets its pages when it
/// arrives (with the in-process bus there is no other instance; a distributed bus carries it).
/// </summary>
public sealed class PublicSiteCache : IPublicSiteCache, IDisposable
{
    public const string PolicyName = "PublicSite";
    public const string Tag = "public-site";

    /// <summary>How long a page stays cached when nothing changes; eviction is what keeps it right.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly IOutputCacheStore _store;
    private readonly INewsroomEventBus _events;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private long _generation;

    public PublicSiteCache(IOutputCacheStore store, INewsroomEventBus events, TimeProvider clock)
    {
        _store = store;
        _events = events;
        _clock = clock;
        _subscription = events.Subscribe(e => e is PublicSiteChanged changed && changed.Origin != _instance
            ? ForgetAsync(CancellationToken.None).AsTask()
            : Task.CompletedTask);
    }

    public string Generation => Interlocked.Read(ref _generation).ToString(CultureInfo.InvariantCulture);

    public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        await ForgetAsync(cancellationToken);
        _events.Publish(new PublicSiteChanged(_instance, _clock.GetUtcNow().UtcDateTime));
    }

    public void Dispose() => _subscription.Dispose();

    private async ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        await _store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Registers output caching with the public site's policy.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<PublicSiteCache>();
        services.AddSingleton<IPublicSiteCache>(sp => sp.GetRequiredService<PublicSiteCache>());
        services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy
            .Expire(Lifetime)
            .Tag(Tag)
            .SetVaryByQuery("page")
            .VaryByValue(context => new KeyValuePair<string, string>(
                "generation", context.RequestServices.GetRequiredService<PublicSiteCache>().Generation))));
    }
}
