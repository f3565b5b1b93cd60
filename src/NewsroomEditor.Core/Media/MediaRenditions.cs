namespace NewsroomEditor.Core.Media;

/// <summary>
/// Which JPEG rendition of a photo to show: the one rule for thumbnails, figures, link previews and
/// the editor's preview. Every processed photo has JPEG renditions (WebP beside them).
/// </summary>
public static class MediaRenditions
{
    /// <summary>The JPEG renditions, narrowest first.</summary>
    public static IReadOnlyList<MediaRendition> Jpegs(IEnumerable<MediaRendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(renditions);
        return renditions.Where(r => r.Format == "jpeg").OrderBy(r => r.Width).ToList();
    }

    /// <summary>The widest JPEG no wider than <paramref name="maxWidth"/>, else the narrowest; null without JPEGs.</summary>
    public static MediaRendition? Jpeg(IEnumerable<MediaRendition> renditions, int maxWidth)
    {
        var jpegs = Jpegs(renditions);
        return jpegs.LastOrDefault(r => r.Width <= maxWidth) ?? jpegs.FirstOrDefault();
    }
}
