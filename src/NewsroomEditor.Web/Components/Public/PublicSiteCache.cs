using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// The public site's output cache (ASP.NET Core output caching), forgotten the moment what readers
/// see changes. Two things make "the very next request" exact, even for a request that was being
/// rendered while the story was unpublished: every entry is keyed by the cache's generation as the
/// request started, and invalidating moves to a new generation before evicting the tag; an entry
/// stored late by such a request belongs to a generation nobody asks for again.
/// </summary>
public sealed class PublicSiteCache(IOutputCacheStore store) : IPublicSiteCache
{
    public const string PolicyName = "PublicSite";
    public const string Tag = "public-site";

    /// <summary>How long a page stays cached when nothing changes; eviction is what keeps it right.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private long _generation;

    public string Generation => Interlocked.Read(ref _generation).ToString(CultureInfo.InvariantCulture);

    public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _generation);
        await store.EvictByTagAsync(Tag, cancellationToken);
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
