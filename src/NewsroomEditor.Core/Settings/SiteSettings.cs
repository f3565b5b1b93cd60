using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Settings;

/// <summary>
/// The site settings an admin saved (<see cref="SavedSiteSettings"/>), laid over configuration's
/// <c>Site:*</c> and <c>Media:*</c> values. Loaded once at start-up (by <see cref="DatabaseInitializer"/>)
/// and again after every save, so a saved setting takes effect on the next read, without a
/// restart: each load signals a change to <see cref="IOptionsMonitor{SiteOptions}"/> and
/// <see cref="IOptionsMonitor{MediaOptions}"/>, which then build their values again (bound from
/// configuration, overlaid here, validated). Consumers read <c>CurrentValue</c> when they need it
/// instead of keeping it, so they see the new values; each value is a whole new object, so a reader
/// sees either the old settings or the new ones, never a mix.
/// </summary>
/// <remarks>
/// One app instance reloads after its own saves; others sharing the database pick a change up at
/// their next start (README, "Site settings").
/// </remarks>
public sealed class SiteSettings([FromKeyedServices(Events.DomainEventsHostingExtensions.RootContexts)] IDbContextFactory<NewsroomDbContext> contexts)
    : IPostConfigureOptions<SiteOptions>, IPostConfigureOptions<MediaOptions>,
      IOptionsChangeTokenSource<SiteOptions>, IOptionsChangeTokenSource<MediaOptions>
{
    private SavedSiteSettings? _saved;
    private CancellationTokenSource _changes = new();

    /// <summary>When an admin last saved the settings, or null while configuration gives every value.</summary>
    public DateTime? SavedAt => Volatile.Read(ref _saved)?.UpdatedAt;

    /// <summary>Reads the saved settings (if any) and puts them in force.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SavedSiteSettings.SingletonId, cancellationToken);
        Volatile.Write(ref _saved, saved);
        // The monitors rebuild their values inside Cancel, before this returns.
        var previous = Interlocked.Exchange(ref _changes, new CancellationTokenSource());
        await previous.CancelAsync();
    }

    string IOptionsChangeTokenSource<SiteOptions>.Name => Options.DefaultName;

    string IOptionsChangeTokenSource<MediaOptions>.Name => Options.DefaultName;

    IChangeToken IOptionsChangeTokenSource<SiteOptions>.GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changes).Token);

    IChangeToken IOptionsChangeTokenSource<MediaOptions>.GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changes).Token);

    void IPostConfigureOptions<SiteOptions>.PostConfigure(string? name, SiteOptions site)
    {
        if (name != Options.DefaultName || Volatile.Read(ref _saved) is not { } saved)
            return;
        site.Names = new Dictionary<string, string> { ["vi"] = saved.NameVi, ["en"] = saved.NameEn };
        site.Languages = saved.LanguageList.ToList();
        site.Name = site.NameFor(site.Languages[0]);
        site.TimeZone = saved.TimeZone;
    }

    void IPostConfigureOptions<MediaOptions>.PostConfigure(string? name, MediaOptions media)
    {
        if (name != Options.DefaultName || Volatile.Read(ref _saved) is not { } saved)
            return;
        media.MaxUploadBytes = saved.MaxUploadBytes;
        media.MaxPixels = saved.MaxPixels;
        media.MaxFilesPerUpload = saved.MaxFilesPerUpload;
        media.QuotaBytesPerUser = saved.QuotaBytesPerUser;
        // MaxConcurrentProcessing sizes a semaphore made once at start-up: configuration only (README).
    }
}
