using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Publishing;

/// <summary>A section of the site (Thời sự / News…), named and addressed in both languages.</summary>
public class Section : Events.Entity
{
    public const int NameMaxLength = 100;

    private Section() { }

    /// <summary>
    /// A new section. Its slugs follow the names unless given; either way they pass through
    /// <see cref="Slugs.FromText"/>, so "Thời Sự" typed as a slug becomes "thoi-su".
    /// </summary>
    /// <exception cref="DomainException">A name is empty or too long, or a slug is empty or reserved.</exception>
    public Section(string nameVi, string nameEn, int sortOrder, string? slugVi = null, string? slugEn = null)
    {
        Rename(nameVi, nameEn, slugVi, slugEn);
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
        PublicPaths.VietnameseSearchSlug, PublicPaths.EnglishSearchSlug,
    };

    /// <summary>
    /// Gives the section new names and addresses. A slug left empty follows its name; a slug
    /// typed is made a slug (<see cref="Slugs.FromText"/>). Uniqueness across sections is the
    /// service's to check (it needs the other sections); everything else is checked here.
    /// </summary>
    /// <exception cref="DomainException">A name is empty or too long, or a slug is empty or reserved.</exception>
    public void Rename(string nameVi, string nameEn, string? slugVi = null, string? slugEn = null)
    {
        var cleanNameVi = CleanName(nameVi, "vi");
        var cleanNameEn = CleanName(nameEn, "en");
        var cleanSlugVi = CleanSlug(slugVi, cleanNameVi, "vi");
        var cleanSlugEn = CleanSlug(slugEn, cleanNameEn, "en");
        // Assigned only after every check passed: a refused rename leaves the section as it was.
        NameVi = cleanNameVi;
        NameEn = cleanNameEn;
        SlugVi = cleanSlugVi;
        SlugEn = cleanSlugEn;
    }

    /// <summary>Takes the section off the public site: its page and feed answer 404, its stories stay readable.</summary>
    public void Hide() => IsHidden = true;

    /// <summary>Puts a hidden section back on the public site.</summary>
    public void Show() => IsHidden = false;

    /// <summary>Places the section at <paramref name="sortOrder"/> in the public site's menu (smaller first).</summary>
    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    /// <summary>
    /// Why <paramref name="slug"/> cannot address a section, or null when it can, in the reader's
    /// language. <paramref name="language"/> ("vi" or "en") says which of the two slugs it is:
    /// each message is a whole sentence, so that it translates as one.
    /// </summary>
    public static string? SlugProblem(string slug, string language)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var vietnamese = IsVietnamese(language);
        if (slug.Length == 0)
        {
            return vietnamese
                ? DomainText.Get("The Vietnamese slug is empty: use letters or digits.")
                : DomainText.Get("The English slug is empty: use letters or digits.");
        }
        if (ReservedSlugs.Contains(slug))
        {
            return vietnamese
                ? DomainText.Format("The Vietnamese slug \"{0}\" is taken by the app itself (/{0} already leads elsewhere); choose another.", slug)
                : DomainText.Format("The English slug \"{0}\" is taken by the app itself (/{0} already leads elsewhere); choose another.", slug);
        }
        return null;
    }

    private static string CleanName(string? name, string language)
    {
        var clean = (name ?? "").Trim().Normalize();
        var vietnamese = IsVietnamese(language);
        if (clean.Length == 0)
        {
            throw vietnamese
                ? new DomainException("The Vietnamese name is required.")
                : new DomainException("The English name is required.");
        }
        if (clean.Length > NameMaxLength)
        {
            throw vietnamese
                ? new DomainException("The Vietnamese name is longer than {0} characters.", NameMaxLength)
                : new DomainException("The English name is longer than {0} characters.", NameMaxLength);
        }
        return clean;
    }

    private static string CleanSlug(string? slug, string name, string language)
    {
        var clean = Slugs.FromText(string.IsNullOrWhiteSpace(slug) ? name : slug);
        // Already in the reader's language; DomainException finds no entry for it and keeps it.
        return SlugProblem(clean, language) is { } problem ? throw new DomainException(problem) : clean;
    }

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

/// <summary>
/// An admin changed a section (renamed, moved, hid, showed, deleted): every public page shows the
/// sections' menu. <paramref name="Details"/> is the audit log's description.
/// </summary>
public sealed record SectionChanged(Section Section, string? ActorId, string? ActorName, string Details) : Events.IDomainEvent;
