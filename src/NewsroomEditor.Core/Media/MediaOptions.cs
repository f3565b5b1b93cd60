namespace NewsroomEditor.Core.Media;

/// <summary>Settings under <c>Media</c>: limits checked before any upload is decoded.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;
    public long MaxPixels { get; set; } = 100_000_000;
    public int MaxFilesPerUpload { get; set; } = 20;
    public long QuotaBytesPerUser { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Images processed by libvips at once (each may use several threads and ~100 MB); more wait in line.</summary>
    public int MaxConcurrentProcessing { get; set; } = 2;
}
