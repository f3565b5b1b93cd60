using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Settings;

/// <summary>
/// The site and upload settings in force: configuration's values, overlaid by what an admin saved
/// (<see cref="SavedSiteSettings"/>). Loaded once at start-up (by <see cref="DatabaseInitializer"/>)
/// and again after every save, so a saved setting takes effect on the next read, without a
/// restart. Every <see cref="IOptions{SiteOptions}"/> and <see cref="IOptions{MediaOptions}"/> in
/// the app reads through here; consumers read <c>.Value</c> when they need it instead of keeping
/// it, so they see the new values. Each load replaces whole option objects at once: a reader sees
/// either the old settings or the new ones, never a mix.
/// </summary>
/// <remarks>
/// One app instance reloads after its own saves; others sharing the database pick a change up at
/// their next start (README, "Site settings").
/// </remarks>
public sealed class SiteSettings
{
    private readonly IDbContextFactory<NewsroomDbContext> _contexts;
    private readonly SiteOptions _configuredSite;
    private readonly MediaOptions _configuredMedia;
    private Snapshot _current;

    public SiteSettings(IDbContextFactory<NewsroomDbContext> contexts, SiteOptions configuredSite, MediaOptions configuredMedia)
    {
        _contexts = contexts;
        _configuredSite = configuredSite;
        _configuredMedia = configuredMedia;
        _current = Compose(null);
    }

    /// <summary>The site's settings in force (a fresh object after each load; do not change it).</summary>
    public SiteOptions Site => Volatile.Read(ref _current).Site;

    /// <summary>The upload limits in force.</summary>
    public MediaOptions Media => Volatile.Read(ref _current).Media;

    /// <summary>What configuration alone gives, before any saved setting.</summary>
    public SiteOptions ConfiguredSite => Clone(_configuredSite);

    /// <summary>When an admin last saved the settings, or null while configuration gives every value.</summary>
    public DateTime? SavedAt => Volatile.Read(ref _current).SavedAt;

    /// <summary>Reads the saved settings (if any) and puts them in force.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SavedSiteSettings.SingletonId, cancellationToken);
        Volatile.Write(ref _current, Compose(saved));
    }

    private Snapshot Compose(SavedSiteSettings? saved)
    {
        var site = Clone(_configuredSite);
        var media = new MediaOptions
        {
            MaxUploadBytes = _configuredMedia.MaxUploadBytes,
            MaxPixels = _configuredMedia.MaxPixels,
            MaxFilesPerUpload = _configuredMedia.MaxFilesPerUpload,
            QuotaBytesPerUser = _configuredMedia.QuotaBytesPerUser,
            // Sizes a semaphore made once at start-up: configuration only (README).
            MaxConcurrentProcessing = _configuredMedia.MaxConcurrentProcessing,
        };
        if (saved is null)
            return new Snapshot(site, media, null);

        site.Names = new Dictionary<string, string> { ["vi"] = saved.NameVi, ["en"] = saved.NameEn };
        site.Languages = saved.LanguageList.ToList();
        site.Name = site.NameFor(site.Languages[0]);
        site.TimeZone = saved.TimeZone;
        media.MaxUploadBytes = saved.MaxUploadBytes;
        media.MaxPixels = saved.MaxPixels;
        media.MaxFilesPerUpload = saved.MaxFilesPerUpload;
        media.QuotaBytesPerUser = saved.QuotaBytesPerUser;
        return new Snapshot(site, media, saved.UpdatedAt);
    }

    private static SiteOptions Clone(SiteOptions site) => new()
    {
        Name = site.Name,
        Names = new Dictionary<string, string>(site.Names),
        PublicUrl = site.PublicUrl,
        TimeZone = site.TimeZone,
        Languages = [.. site.Languages],
        PreviewLinkHours = site.PreviewLinkHours,
    };

    /// <summary>
    /// Registers the store and points <see cref="IOptions{SiteOptions}"/> and
    /// <see cref="IOptions{MediaOptions}"/> at it, in place of values fixed at start-up.
    /// </summary>
    internal static void AddTo(IServiceCollection services, SiteOptions configuredSite, MediaOptions configuredMedia)
    {
        services.AddSingleton(sp => new SiteSettings(sp.GetRequiredKeyedService<IDbContextFactory<NewsroomDbContext>>(Events.DomainEventsHostingExtensions.RootContexts), configuredSite, configuredMedia));
        services.AddSingleton<IOptions<SiteOptions>>(sp => new CurrentOptions<SiteOptions>(sp.GetRequiredService<SiteSettings>(), s => s.Site));
        services.AddSingleton<IOptions<MediaOptions>>(sp => new CurrentOptions<MediaOptions>(sp.GetRequiredService<SiteSettings>(), s => s.Media));
    }

    private sealed record Snapshot(SiteOptions Site, MediaOptions Media, DateTime? SavedAt);

    /// <summary>An <see cref="IOptions{T}"/> whose value is whatever is in force when it is read.</summary>
    private sealed class CurrentOptions<T>(SiteSettings settings, Func<SiteSettings, T> read) : IOptions<T>
        where T : class
    {
        public T Value => read(settings);
    }
}
