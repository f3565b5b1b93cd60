using System.Globalization;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Media;

/// <summary>A file size as the reader writes numbers (1.5 MB, or 1,5 MB in Vietnamese): refusals, limits and the uploader's rows.</summary>
public static class ByteSize
{
    private const long KB = 1024;
    private const long MB = 1024 * KB;
    private const long GB = 1024 * MB;

    /// <summary>Whole gigabytes (a quota) as "2 GB", megabytes to one decimal, kilobytes whole, else bytes.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= GB when bytes % GB == 0 => string.Format(CultureInfo.CurrentCulture, "{0:N0} GB", bytes / GB),
        >= MB => string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (double)MB),
        >= KB => string.Format(CultureInfo.CurrentCulture, "{0:N0} KB", bytes / (double)KB),
        _ => DomainText.Format("{0:N0} bytes", bytes),
    };
}
