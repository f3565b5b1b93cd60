using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site's output cache (ASP.NET Core output caching), evicted by tags the moment what
/// readers see changes: each page carries the tags of the stories and the list it shows
/// (<see cref="PublicSiteTags"/>, added with <see cref="TagResponse"/>), and a change evicts only the
/// tags it touches; a change every page shows (a section, the site's name) forgets everything.
/// Two things make "the very next request" exact, even for a request that was being rendered
/// while the story was unpublished: every entry is keyed by the cache's generation as the request
/// started, and forgetting everything moves to a new generation first; and an entry that carries a
/// tag evicted after its request started is not stored (<see cref="PublicSiteEvictionGuard"/>).
/// Each app instance has its own output cache: an eviction is also published on the event bus
/// as <see cref="PublicSiteChanged"/>, and every other instance's cache evicts the same when it
/// arrives (with the in-process bus there is no other instance; a distributed bus carries it).
/// </summary>
public sealed class PublicSiteCache : IPublicSiteCache, IDisposable
{
    public const string PolicyName = "PublicSite";

    /// <summary>The reader search's policy: keyed by the words searched for too, and kept briefly.</summary>
    public const string SearchPolicyName = "PublicSearch";

    /// <summary>
    /// How long a search results page stays cached: a new story is found once it has passed; a
    /// story taken down leaves at once (its tag is evicted, as from every page that shows it).
    /// </summary>
    public static readonly TimeSpan SearchLifetime = TimeSpan.FromSeconds(60);
    public const string Tag = PublicSiteTags.All;

    /// <summary>How long a page stays cached when nothing changes; eviction is what keeps it right.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly IOutputCacheStore _store;
    private readonly INewsroomEventBus _events;
    private readonly TimeProvider _clock;
    private readonly PublicSiteEvictionGuard _guard;
    private readonly IDisposable _subscription;
    private long _generation;

    public PublicSiteCache(IOutputCacheStore store, INewsroomEventBus events, TimeProvider clock)
        : this(store, events, clock, new PublicSiteEvictionGuard())
    {
    }

    public PublicSiteCache(IOutputCacheStore store, INewsroomEventBus events, TimeProvider clock, PublicSiteEvictionGuard guard)
    {
        _store = store;
        _events = events;
        _clock = clock;
        _guard = guard;
        _subscription = events.Subscribe(e => e is PublicSiteChanged changed && changed.Origin != _instance
            ? (changed.Tags is { Count: > 0 } tags ? EvictHereAsync(tags, CancellationToken.None) : ForgetAsync(CancellationToken.None)).AsTask()
            : Task.CompletedTask);
    }

    public string Generation => Interlocked.Read(ref _generation).ToString(CultureInfo.InvariantCulture);

    public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        await ForgetAsync(cancellationToken);
        _events.Publish(new PublicSiteChanged(_instance, _clock.GetUtcNow().UtcDateTime));
    }

    public async ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Contains(Tag))
        {
            await InvalidateAsync(cancellationToken);
            return;
        }
        var distinct = tags.Distinct(StringComparer.Ordinal).ToList();
        await EvictHereAsync(distinct, cancellationToken);
        _events.Publish(new PublicSiteChanged(_instance, _clock.GetUtcNow().UtcDateTime, distinct));
    }

    /// <summary>Adds <paramref name="tags"/> to the cache entry the current public-site response becomes.</summary>
    public static void TagResponse(HttpContext context, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is not { } entryTags)
            return;
        foreach (var tag in tags)
            entryTags.Add(tag);
    }

    public void Dispose() => _subscription.Dispose();

    private async ValueTask EvictHereAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await _guard.MarkEvictedAsync(tags, cancellationToken);
        foreach (var tag in tags)
            await _store.EvictByTagAsync(tag, cancellationToken);
    }

    private async ValueTask ForgetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        await _guard.MarkEvictedAsync([Tag], cancellationToken);
        await _store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Registers output caching with the public site's policy and the guarded store.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<PublicSiteEvictionGuard>();
        services.AddSingleton<PublicSiteCache>(sp => new PublicSiteCache(
            sp.GetRequiredService<IOutputCacheStore>(), sp.GetRequiredService<INewsroomEventBus>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PublicSiteEvictionGuard>()));
        services.AddSingleton<IPublicSiteCache>(sp => sp.GetRequiredService<PublicSiteCache>());
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PolicyName, policy => Guarded(policy.Expire(Lifetime).SetVaryByQuery("page")));
            options.AddPolicy(SearchPolicyName, policy => Guarded(policy.Expire(SearchLifetime).SetVaryByQuery("q", "page")));
        });
        PublicSiteEvictionGuard.GuardStore(services);
    }

    /// <summary>What every public-site policy has: the site-wide tag, the eviction guard and the cache's generation in the key.</summary>
    private static OutputCachePolicyBuilder Guarded(OutputCachePolicyBuilder policy) => policy
        .Tag(Tag)
        .AddPolicy<PublicSiteEvictionGuard.RequestStartPolicy>()
        .VaryByValue(context => new KeyValuePair<string, string>(
            "generation", context.RequestServices.GetRequiredService<PublicSiteCache>().Generation));
}

/// <summary>
/// Keeps a page rendered while one of its tags was evicted out of the cache: the request notes the
/// eviction count as it starts, and the store refuses an entry carrying a tag evicted since. The
/// check and the store happen under the same lock as the marking, so an entry is either refused or
/// stored before the eviction that then removes it.
/// </summary>
public sealed class PublicSiteEvictionGuard
{
    /// <summary>Past this many remembered tags, the oldest memories are dropped by forgetting everything.</summary>
    public const int MaxRememberedTags = 50_000;

    private const string StartKey = "NewsroomEditor.PublicSite.EvictionsAtStart";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private long _evictions;

    public long Evictions => Interlocked.Read(ref _evictions);

    public async ValueTask MarkEvictedAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stamp = Interlocked.Increment(ref _evictions);
            if (tags.Contains(PublicSiteTags.All) || _evictedAt.Count + tags.Count > MaxRememberedTags)
            {
                // Every entry carries the site's tag: remembering it alone covers every other.
                _evictedAt.Clear();
                _evictedAt[PublicSiteTags.All] = stamp;
                return;
            }
            foreach (var tag in tags)
                _evictedAt[tag] = stamp;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores the entry through <paramref name="store"/> unless one of its tags was evicted after <paramref name="startedAt"/>.</summary>
    public async ValueTask SetAsync(
        IOutputCacheStore store, long? startedAt, string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (startedAt is { } start && tags is not null
                && tags.Any(t => _evictedAt.TryGetValue(t, out var at) && at > start))
                return;
            await store.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Wraps the output cache's store registered by AddOutputCache with this guard.</summary>
    internal static void GuardStore(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(inner);
        services.AddSingleton<IOutputCacheStore>(sp => new GuardedStore(
            inner.ImplementationInstance as IOutputCacheStore
                ?? (IOutputCacheStore)(inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)),
            sp.GetRequiredService<PublicSiteEvictionGuard>(),
            sp.GetRequiredService<IHttpContextAccessor>()));
    }

    /// <summary>Notes, as a public-site request starts, how many evictions happened so far.</summary>
    internal sealed class RequestStartPolicy(PublicSiteEvictionGuard guard) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.Items[StartKey] = guard.Evictions;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    private sealed class GuardedStore(IOutputCacheStore inner, PublicSiteEvictionGuard guard, IHttpContextAccessor http) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            guard.SetAsync(inner, http.HttpContext?.Items[StartKey] as long?, key, value, tags, validFor, cancellationToken);
    }
}
