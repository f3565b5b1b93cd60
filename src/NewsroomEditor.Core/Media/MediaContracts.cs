using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Media;

/// <summary>One public rendition of an image: a width, a format, a content-addressed file name.</summary>
public sealed record MediaRendition(int Width, int Height, string Format, string FileName, long Bytes)
{
    /// <summary>The public address of the rendition (cacheable forever: the name is its content's hash).</summary>
    public string Url => "/media/" + FileName;
}

/// <summary>An image as the library and the editor show it.</summary>
public sealed record MediaItem(
    Guid Id,
    string UploaderId,
    string UploaderName,
    string OriginalFileName,
    int Width,
    int Height,
    string AltText,
    string Caption,
    string Credit,
    DateTime UploadedAt,
    IReadOnlyList<MediaRendition> Renditions)
{
    /// <summary>A small rendition for grids and the editor (the smallest JPEG).</summary>
    public MediaRendition? Thumbnail => MediaRenditions.Jpegs(Renditions).FirstOrDefault();

    /// <summary>The thumbnail as grids and pickers show it: the smallest JPEG, the smallest WebP offered first.</summary>
    public FigureImage? ThumbnailImage => MediaRenditions.Thumbnail(Renditions);
}

/// <summary>The outcome of one upload: stored, the same photo already in the library, or refused with the reason.</summary>
public sealed record UploadResult(MediaItem? Stored, MediaItem? ExistingDuplicate, string? Refusal)
{
    public bool Succeeded => Stored is not null;
}

/// <summary>Filters of the media library; <see cref="Search"/> is case- and diacritic-insensitive over caption, credit, alt text and file name.</summary>
public sealed record MediaQuery(string? Search = null, bool MineOnly = false, int Page = 0, int PageSize = 24);

public sealed record MediaPage(IReadOnlyList<MediaItem> Items, int TotalCount);

/// <summary>
/// A photo as the public site needs it beyond the figure: its alt text and credit, and the JPEG
/// rendition that link previews (Open Graph, Twitter cards, JSON-LD) point to.
/// </summary>
public sealed record PublicImage(Guid Id, string AltText, string Credit, MediaRendition ShareRendition);

/// <summary>The editable description of an image.</summary>
public sealed record MediaMetadata(string AltText, string Caption, string Credit);

/// <summary>
/// The media use cases (DESIGN.md §4): upload (checked by content, limited, processed off the
/// caller's thread with bounded concurrency), describe, find, see where used, delete when unused.
/// Reporters edit their own uploads' metadata; editors any. Every rule is checked here.
/// </summary>
public interface IMediaService
{
    /// <summary>Checks and stores one upload, then processes it (renditions); refusals change nothing.</summary>
    Task<UploadResult> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default);

    Task<MediaItem> UpdateMetadataAsync(Guid id, MediaMetadata metadata, CancellationToken cancellationToken = default);

    Task<MediaPage> ListAsync(MediaQuery query, CancellationToken cancellationToken = default);

    Task<MediaItem?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The stories whose body or featured photo uses the image.</summary>
    Task<IReadOnlyList<StorySummary>> UsageAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Deletes an image no story uses; refused (with the stories named) otherwise.</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The images of a body's figures, for the allow-list renderer's srcset (preview and public pages).</summary>
    Task<IFigureImageSource> ImagesForAsync(StoryBody body, CancellationToken cancellationToken = default);

    /// <summary>The images of the given media ids (a featured photo), in the same form.</summary>
    Task<IFigureImageSource> ImagesForAsync(IEnumerable<Guid> mediaIds, CancellationToken cancellationToken = default);

    /// <summary>A photo's public description and share rendition, or null when it is missing.</summary>
    Task<PublicImage?> PublicImageAsync(Guid id, CancellationToken cancellationToken = default);
}
