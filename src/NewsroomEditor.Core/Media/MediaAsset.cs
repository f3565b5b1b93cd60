using System.Text;
using System.Text.Json;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// An image in the media library: who uploaded it, what it is (format, hash, size after
/// orientation), how it is described (alt text, caption, credit) and its public renditions.
/// The uploader's file name is kept as metadata only; files are named by id and content.
/// An asset is stored only once it is fully processed, so every stored asset has its renditions.
/// </summary>
public class MediaAsset : Entity
{
    /// <summary>Records that <paramref name="actor"/> deletes this asset; the caller removes it from the database.</summary>
    public void RecordDeletion(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AddDomainEvent(new MediaDeleted(this, actor.UserId, actor.DisplayName));
    }

    public const int FileNameMaxLength = 255;
    public const int AltTextMaxLength = 500;
    public const int CaptionMaxLength = 1000;
    public const int CreditMaxLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private MediaAsset() { }

    public Guid Id { get; private set; }
    public string UploaderId { get; private set; } = "";
    public string UploaderName { get; private set; } = "";
    public string OriginalFileName { get; private set; } = "";
    public MediaFormat Format { get; private set; }
    /// <summary>SHA-256 of the original, lower-case hex: finds the same photo uploaded twice.</summary>
    public string Sha256 { get; private set; } = "";
    public long Bytes { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string AltText { get; private set; } = "";
    public string Caption { get; private set; } = "";
    public string Credit { get; private set; } = "";
    /// <summary>Folded alt text, caption, credit and file name (<see cref="SearchText.Index"/>).</summary>
    public string SearchIndex { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>The renditions as JSON: one text column, the same on SQLite and SQL Server.</summary>
    public string RenditionsJson { get; private set; } = "[]";

    public IReadOnlyList<MediaRendition> Renditions => RenditionsFrom(RenditionsJson);

    /// <summary>The renditions stored as <paramref name="renditionsJson"/>: lets a query read that column alone, not the asset.</summary>
    internal static IReadOnlyList<MediaRendition> RenditionsFrom(string renditionsJson) =>
        JsonSerializer.Deserialize<List<MediaRendition>>(renditionsJson, Json) ?? [];

    /// <summary>A processed upload: its pixel size and renditions, ready to be stored.</summary>
    internal static MediaAsset Create(Guid id, Actor uploader, string fileName, MediaFormat format, string sha256, long bytes,
        int width, int height, IReadOnlyList<MediaRendition> renditions, DateTime now)
    {
        var asset = new MediaAsset
        {
            Id = id,
            UploaderId = uploader.UserId,
            UploaderName = uploader.DisplayName,
            OriginalFileName = CleanFileName(fileName),
            Format = format,
            Sha256 = sha256,
            Bytes = bytes,
            Width = width,
            Height = height,
            RenditionsJson = JsonSerializer.Serialize(renditions, Json),
            UploadedAt = now,
            UpdatedAt = now,
        };
        asset.Reindex();
        return asset;
    }

    /// <summary>Reporters describe their own uploads; editors any (DESIGN.md §2).</summary>
    internal bool CanEdit(Actor actor) => StoryRules.IsEditorOrOwner(actor, UploaderId);

    internal void Describe(Actor actor, MediaMetadata metadata, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!CanEdit(actor))
            throw actor.CanWrite
                ? new AccessDeniedException("Reporters describe their own uploads only; ask an editor.")
                : new AccessDeniedException("Only reporters and editors work with media.");
        var altText = Clean(metadata.AltText);
        var caption = Clean(metadata.Caption);
        var credit = Clean(metadata.Credit);
        if (altText.Length > AltTextMaxLength)
            throw new DomainException("Alt text is {0} characters long; at most {1} fit.", altText.Length, AltTextMaxLength);
        if (caption.Length > CaptionMaxLength)
            throw new DomainException("Caption is {0} characters long; at most {1} fit.", caption.Length, CaptionMaxLength);
        if (credit.Length > CreditMaxLength)
            throw new DomainException("Credit is {0} characters long; at most {1} fit.", credit.Length, CreditMaxLength);
        // Assigned only after every check passed: a refused edit leaves the description as it was.
        AltText = altText;
        Caption = caption;
        Credit = credit;
        UpdatedAt = now;
        Reindex();
    }

    /// <summary>Trimmed, NFC, control characters dropped, at most 255 characters: shown, never used as a path.</summary>
    internal static string CleanFileName(string? fileName)
    {
        var clean = new string((fileName ?? "").Normalize(NormalizationForm.FormC).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > FileNameMaxLength)
            clean = clean[..FileNameMaxLength].TrimEnd();
        return clean.Length == 0 ? "image" : clean;
    }

    private static string Clean(string? text) => (text ?? "").Normalize(NormalizationForm.FormC).Trim();

    private void Reindex() => SearchIndex = SearchText.Index(AltText, Caption, Credit, OriginalFileName);
}

/// <summary>A media asset was deleted (its files go after the save).</summary>
public sealed record MediaDeleted(MediaAsset Asset, string ActorId, string ActorName) : IDomainEvent;
