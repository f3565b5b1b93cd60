using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Media;

/// <summary>
/// Which renditions of a photo to show: the one rule for thumbnails, figures, link previews and
/// the editor's preview. Every processed photo has JPEG renditions, and WebP ones of the same
/// widths beside them; a page offers the WebP first and keeps the JPEG for browsers without it.
/// </summary>
public static class MediaRenditions
{
    public const string JpegFormat = "jpeg";
    public const string WebpFormat = "webp";

    /// <summary>The JPEG renditions, narrowest first.</summary>
    public static IReadOnlyList<MediaRendition> Jpegs(IEnumerable<MediaRendition> renditions) => OfFormat(renditions, JpegFormat);

    /// <summary>The WebP renditions, narrowest first; none for a photo stored before they were made.</summary>
    public static IReadOnlyList<MediaRendition> Webps(IEnumerable<MediaRendition> renditions) => OfFormat(renditions, WebpFormat);

    /// <summary>The widest JPEG no wider than <paramref name="maxWidth"/>, else the narrowest; null without JPEGs.</summary>
    public static MediaRendition? Jpeg(IEnumerable<MediaRendition> renditions, int maxWidth) => Widest(Jpegs(renditions), maxWidth);

    /// <summary>
    /// The editor's preview of a photo (it asks by media id, so it cannot offer two formats in
    /// markup): the WebP when the browser accepts it and the photo has one, else the JPEG; the
    /// widest no wider than <paramref name="maxWidth"/>, else the narrowest.
    /// </summary>
    public static MediaRendition? Preview(IEnumerable<MediaRendition> renditions, int maxWidth, bool acceptsWebp)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        var all = renditions.ToList();
        return (acceptsWebp ? Widest(Webps(all), maxWidth) : null) ?? Jpeg(all, maxWidth);
    }

    /// <summary>
    /// A responsive image of a photo: the widest JPEG up to <paramref name="srcMaxWidth"/> as
    /// <c>src</c>, every JPEG in <c>srcset</c>, and every WebP in the WebP <c>srcset</c> (null
    /// when the photo has none, so the page shows the plain JPEG image). Null without JPEGs.
    /// </summary>
    public static FigureImage? Responsive(IEnumerable<MediaRendition> renditions, int srcMaxWidth, string sizes, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        var all = renditions.ToList();
        var jpegs = Jpegs(all);
        if (Widest(jpegs, srcMaxWidth) is not { } src)
            return null;
        return new FigureImage(src.Url, SrcSet(jpegs), sizes, width, height, SrcSet(Webps(all)));
    }

    /// <summary>
    /// The small picture of a grid or picker: the narrowest JPEG, with the narrowest WebP offered
    /// first when there is one; sized as that rendition. Null without JPEGs.
    /// </summary>
    public static FigureImage? Thumbnail(IEnumerable<MediaRendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        var all = renditions.ToList();
        if (Jpegs(all).FirstOrDefault() is not { } jpeg)
            return null;
        // One candidate without a width descriptor, as the JPEG's lone src: no sizes needed.
        return new FigureImage(jpeg.Url, null, null, jpeg.Width, jpeg.Height, Webps(all).FirstOrDefault()?.Url);
    }

    /// <summary>The <c>srcset</c> of some renditions (<c>url 320w, url 640w</c>), or null for none.</summary>
    public static string? SrcSet(IEnumerable<MediaRendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        var candidates = string.Join(", ", renditions.Select(r => $"{r.Url} {r.Width}w"));
        return candidates.Length == 0 ? null : candidates;
    }

    private static IReadOnlyList<MediaRendition> OfFormat(IEnumerable<MediaRendition> renditions, string format)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        return renditions.Where(r => r.Format == format).OrderBy(r => r.Width).ToList();
    }

    private static MediaRendition? Widest(IReadOnlyList<MediaRendition> narrowestFirst, int maxWidth) =>
        narrowestFirst.LastOrDefault(r => r.Width <= maxWidth) ?? narrowestFirst.FirstOrDefault();
}
