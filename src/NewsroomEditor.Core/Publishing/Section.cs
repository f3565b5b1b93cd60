namespace NewsroomEditor.Core.Publishing;

/// <summary>A section of the site (Thời sự / News…), named and addressed in both languages.</summary>
public class Section
{
    public const int NameMaxLength = 100;

    private Section() { }

    public Section(string nameVi, string nameEn, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameVi);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        NameVi = nameVi.Trim().Normalize();
        NameEn = nameEn.Trim().Normalize();
        SlugVi = Slugs.FromText(NameVi);
        SlugEn = Slugs.FromText(NameEn);
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string NameVi { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string SlugVi { get; private set; } = "";
    public string SlugEn { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsHidden { get; private set; }

    /// <summary>
    /// First path segments the app already answers (the editing UI, feeds, language prefixes): a
    /// section slugged like one of them could never be reached, so section slugs avoid them.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "newsroom", "stories", "review", "media", "admin", "account", "setup", "preview", "tag",
        "not-found", "error", "healthz", "css", "js", "lib", "en", "vi",
    };

    /// <summary>The section's address in <paramref name="language"/> (Vietnamese or English).</summary>
    public string SlugFor(string language) => IsVietnamese(language) ? SlugVi : SlugEn;

    /// <summary>The section's name in <paramref name="language"/> (Vietnamese or English).</summary>
    public string NameFor(string language) => IsVietnamese(language) ? NameVi : NameEn;

    private static bool IsVietnamese(string language) => language.StartsWith("vi", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sections a new newsroom starts with; admins rename, reorder and hide them later.</summary>
    public static IReadOnlyList<Section> Defaults() =>
    [
        new("Thời sự", "News", 1),
        new("Kinh tế", "Economy", 2),
        new("Văn hóa", "Culture", 3),
        new("Thể thao", "Sports", 4),
    ];
}
