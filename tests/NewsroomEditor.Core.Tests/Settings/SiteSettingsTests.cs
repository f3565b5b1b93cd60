using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Settings;

/// <summary>
/// Site settings: configuration's values until an admin saves, the saved ones from then on (read
/// by every IOptions consumer at once, and again after a restart); a bad value refuses the whole
/// save; only an Admin may read or save.
/// </summary>
public sealed class SiteSettingsTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Configuration = new()
    {
        ["Site:Name"] = "Báo Thử Nghiệm",
        ["Site:Names:en"] = "Test Daily",
        ["Site:TimeZone"] = "Asia/Ho_Chi_Minh",
        ["Media:MaxUploadBytes"] = (3 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly RecordedAndStoredAuditLog _audit = new();
    private readonly EvictionSpy _cache = new();
    private readonly SaveRecorder _saves = new();
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Until_an_admin_saves_configuration_gives_every_value()
    {
        var form = await Admin(a => a.GetAsync());

        Assert.Equal(new SiteSettingsInput("Báo Thử Nghiệm", "Test Daily", "Asia/Ho_Chi_Minh", ["vi", "en"], 3, 100, 20, 2048), form,
            new InputComparer());
        var site = _host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        Assert.Equal("Báo Thử Nghiệm", site.Name);
        Assert.Equal("Test Daily", site.NameFor("en"));
        Assert.Equal(3 * 1024 * 1024, _host.Services.GetRequiredService<IOptionsMonitor<MediaOptions>>().CurrentValue.MaxUploadBytes);
        Assert.Null(_host.Services.GetRequiredService<SiteSettings>().SavedAt);
    }

    [Fact]
    public async Task Saved_values_are_read_by_every_consumer_at_once_and_after_a_restart()
    {
        var paths = _host.Services.GetRequiredService<PublicPaths>();
        Assert.Equal("", paths.Prefix("vi"));

        await Admin(a => a.SaveAsync(Input() with { NameEn = "The Test Daily", TimeZone = "Asia/Bangkok", Languages = ["en", "vi"], MaxUploadMegabytes = 1 }));

        AssertSaved(_host);
        // PublicPaths is a singleton made before the save: it reads through, so English moved to the root.
        Assert.Equal("en", paths.DefaultLanguage);
        Assert.Equal("/vi", paths.Prefix("vi"));
        Assert.Equal(1, _cache.Invalidations);
        var record = Assert.Single(_audit.Records, r => r.Action == AuditActions.SettingsChanged);
        Assert.Equal("settings", record.Target);
        Assert.Equal(
            "Site name (en): Test Daily → The Test Daily; Time zone: Asia/Ho_Chi_Minh → Asia/Bangkok; Content languages: vi, en → en, vi; Largest file (MB): 3 → 1",
            record.Details);

        await using var restarted = await StartAsync(_host.DataFolder);
        AssertSaved(restarted);

        static void AssertSaved(CoreTestHost host)
        {
            var site = host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
            Assert.Equal("The Test Daily", site.NameFor("en"));
            Assert.Equal("Báo Thử Nghiệm", site.NameFor("vi"));
            Assert.Equal("The Test Daily", site.Name);
            Assert.Equal("Asia/Bangkok", site.TimeZoneInfo.Id);
            Assert.Equal(["en", "vi"], site.Languages);
            Assert.Equal(1024 * 1024, host.Services.GetRequiredService<IOptionsMonitor<MediaOptions>>().CurrentValue.MaxUploadBytes);
        }
    }

    [Fact]
    public async Task The_public_site_is_evicted_after_the_new_settings_are_in_force()
    {
        await Admin(a => a.SaveAsync(Input() with { NameEn = "The Test Daily" }));

        // A page rendered between an eviction and the reload would be cached with the old name.
        Assert.Equal(["The Test Daily"], _cache.EnglishNamesAtEviction);
    }

    [Fact]
    public async Task The_audit_entry_is_written_in_the_save_of_the_settings_row()
    {
        _saves.Clear();

        await Admin(a => a.SaveAsync(Input() with { NameVi = "Báo Mới" }));

        var save = Assert.Single(_saves.Saves, s => s.Contains(nameof(SavedSiteSettings)));
        Assert.Contains(nameof(AuditEntry), save);
        Assert.Contains(nameof(Core.Events.OutboxMessage), save);
        Assert.Single(_saves.Saves, s => s.Contains(nameof(AuditEntry)));
        Assert.Empty(_audit.Direct);
        var entry = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().AuditEntries.SingleAsync(e => e.Action == AuditActions.SettingsChanged));
        Assert.Equal(("admin-1", "settings", "Site name (vi): Báo Thử Nghiệm → Báo Mới"), (entry.ActorId, entry.Target, entry.Details));
    }

    [Fact]
    public async Task Saving_unchanged_settings_is_audited_as_such_and_leaves_the_public_site_alone()
    {
        await Admin(a => a.SaveAsync(Input()));

        Assert.Equal("Saved the site settings unchanged", Assert.Single(_audit.Records, r => r.Action == AuditActions.SettingsChanged).Details);
        Assert.Equal(0, _cache.Invalidations);
        Assert.NotNull(_host.Services.GetRequiredService<SiteSettings>().SavedAt);
    }

    [Fact]
    public async Task A_saved_upload_limit_refuses_a_larger_file_without_a_restart()
    {
        var reporter = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var twoMegabytes = new byte[2 * 1024 * 1024];
        var before = await _host.InScopeAsync(sp => sp.As(reporter).GetRequiredService<IMediaService>().UploadAsync("a.jpg", new MemoryStream(twoMegabytes)));

        await Admin(a => a.SaveAsync(Input() with { MaxUploadMegabytes = 1 }));
        var after = await _host.InScopeAsync(sp => sp.As(reporter).GetRequiredService<IMediaService>().UploadAsync("a.jpg", new MemoryStream(twoMegabytes)));

        Assert.DoesNotContain("larger than", before.Refusal ?? "", StringComparison.Ordinal);
        Assert.Equal("The file is larger than the 1 MB limit.", after.Refusal);
        // Upload limits are not shown to readers: the public cache is left alone.
        Assert.Equal(0, _cache.Invalidations);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("SE Asia Standard Time")]
    [InlineData("")]
    public async Task A_time_zone_that_is_not_a_known_IANA_id_is_refused_and_nothing_is_saved(string timeZone)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Admin(a => a.SaveAsync(Input() with { TimeZone = timeZone, NameVi = "Tên mới" })));

        Assert.Contains("IANA", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().SiteSettings.CountAsync()));
        Assert.Equal("Báo Thử Nghiệm", _host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.Name);
        Assert.DoesNotContain(_audit.Records, r => r.Action == AuditActions.SettingsChanged);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("vi", "vi")]
    public async Task Only_Vietnamese_and_English_can_be_content_languages(params string[] languages)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Admin(a => a.SaveAsync(Input() with { Languages = languages })));

        Assert.Contains("language", error.Message, StringComparison.Ordinal);
        Assert.Equal(["vi", "en"], _host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.Languages);
    }

    [Fact]
    public void Each_rule_names_its_problem()
    {
        Assert.Null(SiteSettingsRules.TimeZoneProblem("asia/ho_chi_minh"));
        Assert.NotNull(SiteSettingsRules.NameProblem("  ", "en"));
        Assert.NotNull(SiteSettingsRules.MaxUploadMegabytesProblem(0));
        Assert.NotNull(SiteSettingsRules.MaxUploadMegabytesProblem(4096));
        Assert.Equal("The quota per person must be at least the largest file, or nobody could upload one.", SiteSettingsRules.QuotaProblem(10, 25));
        Assert.Contains("Vietnamese (vi) and English (en)", SiteSettingsRules.LanguagesProblem(["de"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Editor)]
    public async Task Reporters_and_editors_can_neither_read_nor_save_the_settings(string role)
    {
        var someone = People.Principal("someone", "Ai đó", role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, a => a.GetAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin(someone, async a => { await a.SaveAsync(Input() with { NameVi = "Chiếm quyền" }); return 0; }));

        Assert.Equal("Báo Thử Nghiệm", _host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.Name);
        Assert.Equal(0, await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().SiteSettings.CountAsync()));
    }

    private static SiteSettingsInput Input() => new("Báo Thử Nghiệm", "Test Daily", "Asia/Ho_Chi_Minh", ["vi", "en"], 3, 100, 20, 2048);

    private async Task<CoreTestHost> StartAsync(string? dataFolder = null)
    {
        var host = await CoreTestHost.StartAsync(Configuration, s =>
        {
            s.AddSingleton<IAuditLog>(_audit);
            s.AddSingleton<IPublicSiteCache>(_cache);
            s.ConfigureDbContext<NewsroomDbContext>((_, options) => options.AddInterceptors(_saves));
        }, dataFolder);
        _audit.Host ??= host;
        _cache.Site ??= host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>();
        await People.AddAdminAsync(host);
        return host;
    }

    private Task<T> Admin<T>(Func<ISiteSettingsAdministration, Task<T>> action) => Admin(People.Admin, action);

    private Task Admin(Func<ISiteSettingsAdministration, Task> action) =>
        _host.InScopeAsync(sp => action(sp.As(Actor.From(People.Admin)).GetRequiredService<ISiteSettingsAdministration>()));

    /// <summary>In a scope acting as <paramref name="who"/>, as their circuit would.</summary>
    private Task<T> Admin<T>(ClaimsPrincipal who, Func<ISiteSettingsAdministration, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.As(Actor.From(who)).GetRequiredService<ISiteSettingsAdministration>()));

    /// <summary>Records compare lists by reference; this compares the values.</summary>
    private sealed class InputComparer : IEqualityComparer<SiteSettingsInput>
    {
        public bool Equals(SiteSettingsInput? x, SiteSettingsInput? y) =>
            x is not null && y is not null && x with { Languages = Array.Empty<string>() } == y with { Languages = Array.Empty<string>() } && x.Languages.SequenceEqual(y.Languages);

        public int GetHashCode(SiteSettingsInput obj) => 0;
    }
    /// <summary>Counts evictions and reads the site's English name at each, as a page rendered then would.</summary>
    private sealed class EvictionSpy : IPublicSiteCache
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _names = new();

        public IOptionsMonitor<SiteOptions>? Site { get; set; }

        public int Invalidations => _names.Count;

        public IReadOnlyList<string> EnglishNamesAtEviction => _names.ToList();

        public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            _names.Enqueue(Site?.CurrentValue.NameFor("en") ?? "");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The entities each save writes (added or changed), by type name, after the domain events added theirs.</summary>
    private sealed class SaveRecorder : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>> _saves = new();

        public IReadOnlyList<IReadOnlyList<string>> Saves => _saves.ToList();

        public void Clear() => _saves.Clear();

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            _saves.Enqueue(eventData.Context!.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .Select(e => e.Metadata.ClrType.Name)
                .ToList());
            return ValueTask.FromResult(result);
        }
    }
}
