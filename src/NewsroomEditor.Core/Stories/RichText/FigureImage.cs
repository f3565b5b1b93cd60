namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>A figure in a story body: an image from the media library by id, with its alt text and caption.</summary>
/// <param name="MediaId">The media item shown.</param>
/// <param name="Alt">Alt text, possibly empty; the publishing checklist asks for it, the schema does not.</param>
/// <param name="Caption">The caption, or null when there is none (an empty caption is stored as none).</param>
public sealed record StoryFigure(Guid MediaId, string Alt, string? Caption);

/// <summary>
/// Tells the HTML renderer which image files stand for a media id. The body stores only the id,
/// so renditions can change (new sizes, new storage) without rewriting stories.
/// </summary>
public interface IFigureImageSource
{
    /// <summary>The image to show for <paramref name="mediaId"/>, or null when it is unknown or gone.</summary>
    FigureImage? Find(Guid mediaId);
}

/// <summary>
/// What an <c>&lt;img&gt;</c> needs, and the WebP candidates a <c>&lt;picture&gt;</c> offers before
/// it. Values are trusted server data but are still HTML-encoded.
/// </summary>
/// <param name="Src">The fallback image URL (a JPEG).</param>
/// <param name="SrcSet">Responsive JPEG candidates (<c>srcset</c>), or null.</param>
/// <param name="Sizes">The <c>sizes</c> hint matching both srcsets, or null.</param>
/// <param name="Width">Intrinsic width in pixels, so the browser reserves space; or null.</param>
/// <param name="Height">Intrinsic height in pixels; or null.</param>
/// <param name="WebpSrcSet">
/// The same image as WebP (<c>srcset</c> of a <c>&lt;source type="image/webp"&gt;</c>), or null
/// when there is none (a photo stored before WebP renditions): then the plain <c>&lt;img&gt;</c> is shown.
/// </param>
public sealed record FigureImage(string Src, string? SrcSet, string? Sizes, int? Width, int? Height, string? WebpSrcSet = null);
