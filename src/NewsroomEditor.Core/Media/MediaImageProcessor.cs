using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NetVips;
using NewsroomEditor.Core.Localization;
using Vips = NetVips.NetVips;

namespace NewsroomEditor.Core.Media;

/// <summary>An upload refused by a rule about its content; the message is for the uploader.</summary>
public sealed class MediaRefusedException(string message, params object?[] arguments) : DomainException(message, arguments);

/// <summary>One public rendition, encoded and named by its content, not yet stored.</summary>
internal sealed record RenditionFile(int Width, int Height, string Format, string FileName, byte[] Content)
{
    public MediaRendition ToRendition() => new(Width, Height, Format, FileName, Content.LongLength);
}

/// <summary>The outcome of processing: the oriented size and every rendition.</summary>
internal sealed record ProcessedImage(int Width, int Height, IReadOnlyList<RenditionFile> Renditions);

/// <summary>
/// The libvips side of media (DESIGN.md §4), a singleton: configures libvips once for untrusted
/// input (untrusted loaders blocked, only the accepted formats' loaders allowed, no operation
/// cache, the cores shared between the slots), and turns an upload into its renditions off the
/// caller's thread, at most <see cref="MediaOptions.MaxConcurrentProcessing"/> at once.
/// </summary>
public sealed class MediaImageProcessor : IDisposable
{
    /// <summary>Rendition widths; an image never gets one wider than itself.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1024, 1600, 2048];

    public const int JpegQuality = 82;
    public const int WebpQuality = 80;

    private static readonly Lazy<VipsCapabilities> Capabilities = new(ConfigureVips, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _slots;
    private readonly IOptionsMonitor<MediaOptions> _options;
    private int _running;
    private int _peakRunning;

    public MediaImageProcessor(IOptionsMonitor<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Read at each use: an admin may change the pixel limit at run time (SiteSettings).
        _options = options;
        var slots = options.CurrentValue.MaxConcurrentProcessing;
        _slots = new SemaphoreSlim(slots, slots);
        EnsureConfigured();
        // libvips gives each image as many worker threads as there are cores, each with its own
        // buffers: with every slot busy that is slots × cores threads fighting over the cores and
        // holding memory. The cores shared out between the slots keep the machine's load and the
        // peak memory to what the slots allow.
        Vips.Concurrency = ConcurrencyPerImage(Environment.ProcessorCount, slots);
    }

    /// <summary>libvips threads per image: the cores shared out between the processing slots, at least one.</summary>
    public static int ConcurrencyPerImage(int cores, int slots) => Math.Max(1, cores / Math.Max(1, slots));

    /// <summary>Whether this libvips decodes HEIC (HEVC) and AVIF (AV1); probed once by a round trip.</summary>
    public static bool CanLoadHeic => Capabilities.Value.Heic;

    public static bool CanLoadAvif => Capabilities.Value.Avif;

    /// <summary>Most jobs seen running at once (for tests and diagnostics).</summary>
    public int PeakConcurrency => Volatile.Read(ref _peakRunning);

    /// <summary>Makes sure libvips is configured; call before any libvips use (tests that generate images do).</summary>
    public static void EnsureConfigured() => _ = Capabilities.Value;

    /// <summary>Whether uploads of <paramref name="format"/> are accepted here.</summary>
    public static bool Accepts(MediaFormat format) => format switch
    {
        MediaFormat.Heic => CanLoadHeic,
        MediaFormat.Avif => CanLoadAvif,
        _ => true,
    };

    /// <summary>Runs <paramref name="work"/> on the thread pool once a processing slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _peakRunning, running);
            try
            {
                // Task.Run: libvips never runs on a Blazor circuit's synchronization context.
                return await Task.Run(work, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Decodes a checked upload and makes every rendition, or throws <see cref="MediaRefusedException"/>.</summary>
    internal Task<ProcessedImage> ProcessAsync(byte[] content, MediaFormat format, CancellationToken cancellationToken) =>
        RunAsync(() => Process(content, format, _options.CurrentValue.MaxPixels), cancellationToken);

    /// <summary>As <see cref="ProcessAsync"/>, libvips reading the checked upload from its file (what an upload does: <see cref="SpooledUpload"/>).</summary>
    internal Task<ProcessedImage> ProcessFileAsync(string path, MediaFormat format, CancellationToken cancellationToken) =>
        RunAsync(() => ProcessFile(path, format, _options.CurrentValue.MaxPixels), cancellationToken);

    internal static ProcessedImage Process(byte[] content, MediaFormat format, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Process(format, maxPixels,
            () => format switch
            {
                MediaFormat.Jpeg => Image.JpegloadBuffer(content, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                MediaFormat.Png => Image.PngloadBuffer(content, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                MediaFormat.Webp => Image.WebploadBuffer(content, n: 1, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                _ => Image.HeifloadBuffer(content, n: 1, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
            },
            width => Image.ThumbnailBuffer(content, width, height: 1_000_000, size: Enums.Size.Down,
                outputProfile: "srgb", intent: Enums.Intent.Perceptual, failOn: Enums.FailOn.Error));
    }

    /// <summary>
    /// As <see cref="Process(byte[], MediaFormat, long)"/>, from a file: libvips reads it in
    /// pieces as it decodes, so the upload is never in memory whole (a 24-megapixel JPEG is 12 MB).
    /// </summary>
    internal static ProcessedImage ProcessFile(string path, MediaFormat format, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Process(format, maxPixels,
            () => format switch
            {
                MediaFormat.Jpeg => Image.Jpegload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                MediaFormat.Png => Image.Pngload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                MediaFormat.Webp => Image.Webpload(path, n: 1, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
                _ => Image.Heifload(path, n: 1, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
            },
            width => Image.Thumbnail(path, width, height: 1_000_000, size: Enums.Size.Down,
                outputProfile: "srgb", intent: Enums.Intent.Perceptual, failOn: Enums.FailOn.Error));
    }

    /// <summary>
    /// The pipeline, whatever the source: the header for the oriented size, then one thumbnail
    /// (shrink-on-load, EXIF rotation, sRGB) to the largest width, kept in memory as the master
    /// every smaller width is resized from; each width is encoded as WebP and JPEG and let go
    /// before the next is made.
    /// </summary>
    private static ProcessedImage Process(MediaFormat format, long maxPixels, Func<Image> header, Func<int, Image> thumbnail)
    {
        EnsureConfigured();
        if (!Accepts(format))
            throw new MediaRefusedException("{0} images cannot be read on this server; upload a JPEG, PNG or WebP.", ImageSniffer.Name(format));
        try
        {
            var (width, height) = OrientedSize(header);
            if ((long)width * height > maxPixels)
                throw new MediaRefusedException(TooManyPixels(width, height, maxPixels));

            var largest = Math.Min(width, Widths[^1]);
            using var master = Master(thumbnail(largest));

            var renditions = new List<RenditionFile>();
            foreach (var target in RenditionWidths(width))
            {
                using var sized = target == master.Width ? master.Copy() : master.ThumbnailImage(target, height: 1_000_000, size: Enums.Size.Down);
                using var opaque = sized.HasAlpha() ? sized.Flatten(background: [255, 255, 255]) : sized.Copy();
                var webp = sized.WebpsaveBuffer(q: WebpQuality, effort: 4, keep: Enums.ForeignKeep.None);
                var jpeg = opaque.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
                renditions.Add(new RenditionFile(sized.Width, sized.Height, "webp", FileName(webp, sized.Width, "webp"), webp));
                renditions.Add(new RenditionFile(sized.Width, sized.Height, "jpeg", FileName(jpeg, sized.Width, "jpg"), jpeg));
            }
            return new ProcessedImage(width, height, renditions);
        }
        catch (VipsException e)
        {
            throw new MediaRefusedException(Describe(e, format));
        }
    }

    /// <summary>The largest width as 8-bit sRGB in memory; the decoder's pipeline is let go as soon as it has run.</summary>
    private static Image Master(Image thumbnail)
    {
        using (thumbnail)
        using (var srgb = ToSrgb8(thumbnail))
            return srgb.CopyMemory();
    }

    /// <summary>The widths made for an image <paramref name="width"/> px wide: every standard one that fits, plus its own width when it is below the largest.</summary>
    public static IReadOnlyList<int> RenditionWidths(int width)
    {
        var widths = Widths.Where(w => w <= width).ToList();
        if (width < Widths[^1] && !widths.Contains(width))
            widths.Add(width);
        return widths;
    }

    /// <summary>Content-addressed: the first 16 hex digits of the file's SHA-256, its width and extension.</summary>
    public static string FileName(ReadOnlySpan<byte> content, int width, string extension) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}-{width}.{extension}";

    /// <summary>The refusal of an image with too many pixels, in the reader's language and number format.</summary>
    public static string TooManyPixels(long width, long height, long maxPixels) =>
        DomainText.Format("The image is {0:N0} × {1:N0} pixels; the limit is {2:0.#} megapixels. Make it smaller before uploading.",
            width, height, maxPixels / 1_000_000.0);

    /// <summary>Width and height after EXIF orientation, from libvips's header read (no pixels decoded).</summary>
    private static (int Width, int Height) OrientedSize(Func<Image> load)
    {
        using var header = load();
        var orientation = header.Contains("orientation") ? Convert.ToInt32(header.Get("orientation"), System.Globalization.CultureInfo.InvariantCulture) : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }

    /// <summary>8-bit sRGB (with alpha where there was alpha), whatever the source's colour space or depth.</summary>
    private static Image ToSrgb8(Image image)
    {
        var srgb = image.Interpretation == Enums.Interpretation.Srgb && image.Format == Enums.BandFormat.Uchar
            ? image.Copy()
            : image.Colourspace(Enums.Interpretation.Srgb);
        if (srgb.Format == Enums.BandFormat.Uchar)
            return srgb;
        using (srgb)
            return srgb.Cast(Enums.BandFormat.Uchar);
    }

    private static string Describe(VipsException e, MediaFormat format)
    {
        var detail = e.Message;
        var name = ImageSniffer.Name(format);
        if (detail.Contains("premature end", StringComparison.OrdinalIgnoreCase) || detail.Contains("truncated", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("unexpected end", StringComparison.OrdinalIgnoreCase) || detail.Contains("read error", StringComparison.OrdinalIgnoreCase))
            return DomainText.Format("The {0} file is incomplete (cut short, perhaps by an interrupted copy); upload the whole file.", name);
        if (detail.Contains("not a known", StringComparison.OrdinalIgnoreCase) || detail.Contains("is not in a known format", StringComparison.OrdinalIgnoreCase))
            return ImageSniffer.NotAnImage;
        return DomainText.Format("The {0} file is damaged and cannot be read.", name);
    }

    private static VipsCapabilities ConfigureVips()
    {
        // Uploads are untrusted: no fuzz-unsafe loader may ever run, and only the accepted formats'
        // loaders at all (a renamed TIFF, SVG, PDF or Matlab file never reaches a decoder).
        Vips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif" })
            Operation.Block(loader, false);
        // Each upload is decoded once: caching operations would only hold memory.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        return new VipsCapabilities(Heic: RoundTrips(Enums.ForeignHeifCompression.Hevc), Avif: RoundTrips(Enums.ForeignHeifCompression.Av1));

        static bool RoundTrips(Enums.ForeignHeifCompression compression)
        {
            try
            {
                using var black = Image.Black(16, 16, bands: 3);
                var encoded = black.HeifsaveBuffer(compression: compression, keep: Enums.ForeignKeep.None);
                using var decoded = Image.HeifloadBuffer(encoded, failOn: Enums.FailOn.Error);
                return decoded.Avg() >= 0;
            }
            catch (VipsException)
            {
                return false;
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed record VipsCapabilities(bool Heic, bool Avif);
}
