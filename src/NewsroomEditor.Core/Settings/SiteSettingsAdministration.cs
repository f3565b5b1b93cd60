using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Settings;

/// <summary>
/// The settings form's values, in the units an admin thinks in: megabytes (1 MB = 1,048,576
/// bytes, as the upload messages count them) and megapixels (1,000,000 pixels). The content
/// languages are codes, the default (the public site's root) first.
/// </summary>
public sealed record SiteSettingsInput(
    string NameVi,
    string NameEn,
    string TimeZone,
    IReadOnlyList<string> Languages,
    long MaxUploadMegabytes,
    long MaxMegapixels,
    int MaxFilesPerUpload,
    long QuotaMegabytesPerUser);

/// <summary>Values that passed every rule, in the units the app stores.</summary>
internal sealed record CheckedSiteSettings(
    string NameVi, string NameEn, string TimeZone, IReadOnlyList<string> Languages,
    long MaxUploadBytes, long MaxPixels, int MaxFilesPerUpload, long QuotaBytesPerUser);

/// <summary>
/// Each setting's rule, one method per field, so the form shows the same message next to the field
/// (MudForm validation) that the service refuses a save with. Null means the value is fine.
/// </summary>
public static class SiteSettingsRules
{
    public const long BytesPerMegabyte = 1024 * 1024;
    public const long PixelsPerMegapixel = 1_000_000;

    /// <summary>An upload is read into memory whole, and .NET arrays end below 2 GB.</summary>
    public const long MaxUploadMegabytesLimit = 2047;

    /// <param name="name">The name typed.</param>
    /// <param name="language">"vi" or "en": which of the site's two names (each message is a whole sentence, to translate as one).</param>
    public static string? NameProblem(string? name, string language)
    {
        var clean = (name ?? "").Trim();
        var vietnamese = language == "vi";
        if (clean.Length == 0)
            return vietnamese ? DomainText.Get("The site's Vietnamese name is required.") : DomainText.Get("The site's English name is required.");
        if (clean.Length <= SavedSiteSettings.NameMaxLength)
            return null;
        return vietnamese
            ? DomainText.Format("The site's Vietnamese name is longer than {0} characters.", SavedSiteSettings.NameMaxLength)
            : DomainText.Format("The site's English name is longer than {0} characters.", SavedSiteSettings.NameMaxLength);
    }

    public static string? TimeZoneProblem(string? timeZone)
    {
        var id = (timeZone ?? "").Trim();
        if (id.Length == 0)
            return DomainText.Get("The time zone is required: an IANA id such as Asia/Ho_Chi_Minh.");
        // Windows ids ("SE Asia Standard Time") are found on Linux too, but are not IANA ids.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && id.Length <= SavedSiteSettings.TimeZoneMaxLength
            ? null
            : DomainText.Format("\"{0}\" is not an IANA time zone this server knows; use one such as Asia/Ho_Chi_Minh or Asia/Bangkok.", id);
    }

    public static string? LanguagesProblem(IReadOnlyList<string>? languages)
    {
        if (languages is null || languages.Count == 0)
            return DomainText.Get("Choose at least one content language.");
        if (languages.Distinct(StringComparer.Ordinal).Count() != languages.Count)
            return DomainText.Get("A content language is listed twice.");
        var unknown = languages.FirstOrDefault(l => !SiteOptions.IsKnownLanguage(l));
        return unknown is null
            ? null
            : DomainText.Format("\"{0}\" cannot be a content language: the public site has its own texts and section names in Vietnamese (vi) and English (en) only.", unknown);
    }

    public static string? MaxUploadMegabytesProblem(long megabytes) =>
        megabytes is < 1 or > MaxUploadMegabytesLimit
            ? DomainText.Format("The largest file must be between 1 and {0:N0} MB (a file is read into memory whole).", MaxUploadMegabytesLimit)
            : null;

    public static string? MaxMegapixelsProblem(long megapixels) =>
        megapixels is < 1 or > 1_000_000 ? DomainText.Format("The largest image must be at least 1 megapixel (and at most {0:N0}).", 1_000_000) : null;

    public static string? MaxFilesPerUploadProblem(int files) =>
        files is < 1 or > 1000 ? DomainText.Format("Files per upload must be between 1 and {0:N0}.", 1000) : null;

    public static string? QuotaProblem(long quotaMegabytes, long maxUploadMegabytes) =>
        quotaMegabytes < 1 || quotaMegabytes > long.MaxValue / BytesPerMegabyte
            ? DomainText.Get("The quota per person must be a positive number of MB.")
            : quotaMegabytes < maxUploadMegabytes
                ? DomainText.Get("The quota per person must be at least the largest file, or nobody could upload one.")
                : null;

    /// <summary>Every problem of <paramref name="input"/>, field by field.</summary>
    public static IReadOnlyList<string> Problems(SiteSettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new[]
        {
            NameProblem(input.NameVi, "vi"),
            NameProblem(input.NameEn, "en"),
            TimeZoneProblem(input.TimeZone),
            LanguagesProblem(input.Languages),
            MaxUploadMegabytesProblem(input.MaxUploadMegabytes),
            MaxMegapixelsProblem(input.MaxMegapixels),
            MaxFilesPerUploadProblem(input.MaxFilesPerUpload),
            QuotaProblem(input.QuotaMegabytesPerUser, input.MaxUploadMegabytes),
        }.OfType<string>().ToList();
    }

    /// <summary>The input in stored units, or a <see cref="DomainException"/> naming every problem.</summary>
    internal static CheckedSiteSettings Check(SiteSettingsInput input)
    {
        var problems = Problems(input);
        if (problems.Count > 0)
            throw new DomainException(string.Join(" ", problems)); // each already in the reader's language
        TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone.Trim(), out var zone);
        return new CheckedSiteSettings(
            input.NameVi.Trim().Normalize(), input.NameEn.Trim().Normalize(), zone!.Id, [.. input.Languages],
            input.MaxUploadMegabytes * BytesPerMegabyte, input.MaxMegapixels * PixelsPerMegapixel,
            input.MaxFilesPerUpload, input.QuotaMegabytesPerUser * BytesPerMegabyte);
    }
}

/// <summary>Admins read and change the site settings (<see cref="SiteSettingsAdministration"/>).</summary>
public interface ISiteSettingsAdministration
{
    /// <summary>The settings in force, as the form shows them.</summary>
    Task<SiteSettingsInput> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks and saves every setting at once; they take effect on the next request.</summary>
    /// <exception cref="DomainException">A value is refused; nothing was saved. The message names every problem.</exception>
    Task SaveAsync(SiteSettingsInput input, CancellationToken cancellationToken = default);
}

/// <summary>
/// Admins read and change the site settings, as the scope's <see cref="CurrentActor"/>. Checks
/// <see cref="Policies.CanManageUsers"/> on every call, in the one context the call works in; a save
/// is checked whole and written as one row or not at all, with its audit entry (field by field) in
/// the same save (<see cref="SiteSettingsChanged"/>). After the commit the outbox puts the settings
/// in force (<see cref="SiteSettings"/>) and forgets the public site's cache when readers would see
/// the change (<see cref="SiteSettingsReloadOutboxHandler"/>), before the save returns.
/// </summary>
public sealed class SiteSettingsAdministration(
    IDbContextFactory<NewsroomDbContext> contexts,
    CurrentActor current,
    IOptionsMonitor<SiteOptions> siteOptions,
    IOptionsMonitor<MediaOptions> mediaOptions,
    TimeProvider clock) : ISiteSettingsAdministration
{
    // A property, not a constant: read in the culture of each call.
    private static string Refusal => DomainText.Get("Only an Admin may change the site settings.");

    /// <summary>The settings in force, as the form shows them.</summary>
    public async Task<SiteSettingsInput> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        return Current();
    }

    /// <summary>Checks and saves every setting at once; they take effect on the next request.</summary>
    /// <exception cref="DomainException">A value is refused; nothing was saved. The message names every problem.</exception>
    public async Task SaveAsync(SiteSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var values = SiteSettingsRules.Check(input);
        // What the form will show once the values are in force, from the values themselves: the
        // reload that puts them in force comes after the commit, with the audit entry already written.
        var before = Current();
        var after = AsInput(values);
        var changes = Changes(before, after);
        var readersSee = before.NameVi != after.NameVi || before.NameEn != after.NameEn || before.TimeZone != after.TimeZone
            || !before.Languages.SequenceEqual(after.Languages);

        var row = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == SavedSiteSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SavedSiteSettings();
            db.SiteSettings.Add(row);
        }
        row.Apply(values, clock.GetUtcNow().UtcDateTime, new SiteSettingsChanged(
            actor.UserId, actor.DisplayName, changes.Count == 0 ? "Saved the site settings unchanged" : string.Join("; ", changes), readersSee));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins saving the very first time at once: the second insert meets the first's row.
            throw new DomainException("Another admin saved the settings at the same moment; reload the page and save again.");
        }
    }

    private SiteSettingsInput Current()
    {
        var site = siteOptions.CurrentValue;
        var media = mediaOptions.CurrentValue;
        return new SiteSettingsInput(
            site.NameFor("vi"), site.NameFor("en"), site.TimeZone, [.. site.Languages],
            CeilingDivide(media.MaxUploadBytes, SiteSettingsRules.BytesPerMegabyte),
            CeilingDivide(media.MaxPixels, SiteSettingsRules.PixelsPerMegapixel),
            media.MaxFilesPerUpload,
            CeilingDivide(media.QuotaBytesPerUser, SiteSettingsRules.BytesPerMegabyte));
    }

    /// <summary>Checked values as the form shows them once in force (as <see cref="Current"/> reads them then).</summary>
    private static SiteSettingsInput AsInput(CheckedSiteSettings values) => new(
        values.NameVi, values.NameEn, values.TimeZone, [.. values.Languages],
        CeilingDivide(values.MaxUploadBytes, SiteSettingsRules.BytesPerMegabyte),
        CeilingDivide(values.MaxPixels, SiteSettingsRules.PixelsPerMegapixel),
        values.MaxFilesPerUpload,
        CeilingDivide(values.QuotaBytesPerUser, SiteSettingsRules.BytesPerMegabyte));

    private static long CeilingDivide(long value, long unit) => (value + unit - 1) / unit;

    private static List<string> Changes(SiteSettingsInput before, SiteSettingsInput after)
    {
        var changes = new List<string>();
        Compare("Site name (vi)", before.NameVi, after.NameVi);
        Compare("Site name (en)", before.NameEn, after.NameEn);
        Compare("Time zone", before.TimeZone, after.TimeZone);
        Compare("Content languages", string.Join(", ", before.Languages), string.Join(", ", after.Languages));
        Compare("Largest file (MB)", before.MaxUploadMegabytes, after.MaxUploadMegabytes);
        Compare("Largest image (MP)", before.MaxMegapixels, after.MaxMegapixels);
        Compare("Files per upload", before.MaxFilesPerUpload, after.MaxFilesPerUpload);
        Compare("Quota per person (MB)", before.QuotaMegabytesPerUser, after.QuotaMegabytesPerUser);
        return changes;

        void Compare<T>(string label, T was, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(was, now))
                changes.Add($"{label}: {was} → {now}");
        }
    }
}
