namespace NewsroomEditor.Core.Settings;

/// <summary>
/// The site settings an admin saved, as one row of typed columns. One row rather than
/// key/value pairs: every setting keeps its own type and the database its own check of it, a save
/// is one UPDATE of one row (never half of the settings), and the schema documents itself. Until an
/// admin saves, there is no row and configuration (<c>Site:*</c>, <c>Media:*</c>) gives every value.
/// A save records <see cref="SiteSettingsChanged"/>: its audit entry is written with the row, and the
/// settings are put in force after the commit.
/// </summary>
public sealed class SavedSiteSettings : Events.Entity
{
    /// <summary>The only row's key.</summary>
    public const int SingletonId = 1;

    public const int NameMaxLength = 100;
    public const int TimeZoneMaxLength = 64;
    public const int LanguagesMaxLength = 32;

    public int Id { get; private set; } = SingletonId;
    public string NameVi { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>An IANA time-zone id.</summary>
    public string TimeZone { get; private set; } = "";

    /// <summary>Content language codes, comma-separated, the default first ("vi,en").</summary>
    public string Languages { get; private set; } = "";

    public long MaxUploadBytes { get; private set; }
    public long MaxPixels { get; private set; }
    public int MaxFilesPerUpload { get; private set; }
    public long QuotaBytesPerUser { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string? UpdatedById { get; private set; }

    public IReadOnlyList<string> LanguageList => Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Takes a checked set of values (<see cref="SiteSettingsRules"/>); nothing here is checked again.
    /// <paramref name="change"/> says what changed, for the audit log and the public site.
    /// </summary>
    internal void Apply(CheckedSiteSettings values, DateTime now, SiteSettingsChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        NameVi = values.NameVi;
        NameEn = values.NameEn;
        TimeZone = values.TimeZone;
        Languages = string.Join(',', values.Languages);
        MaxUploadBytes = values.MaxUploadBytes;
        MaxPixels = values.MaxPixels;
        MaxFilesPerUpload = values.MaxFilesPerUpload;
        QuotaBytesPerUser = values.QuotaBytesPerUser;
        UpdatedAt = now;
        UpdatedById = change.ActorId;
        AddDomainEvent(change);
    }
}
