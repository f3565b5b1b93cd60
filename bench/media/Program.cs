// Media pipeline benchmark: see bench/README.md and run.sh.
//   generate <file> [width height]  writes a noisy photo-like JPEG (default 6000 x 4000 = 24 MP)
//   ours <file> [runs]              our pipeline as an upload runs it (spooled to a file, checked, every
//                                   rendition, WebP + JPEG, made by libvips from the file), timed in process
//   ours-buffer <file>              the same pipeline from a byte array (as uploads ran it before)
//   noop                            starts the runtime and libvips only (memory baseline)
//   bytes [photo.jpg...]            image bytes a browser downloads for an article's photos, JPEG vs WebP
//                                   (three generated photos when none are given)
//   article-photos <folder>         writes those three generated photos
using System.Diagnostics;
using NetVips;
using NewsroomEditor.Core.Media;

switch (args.FirstOrDefault())
{
    case "generate":
    {
        var width = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6000;
        var height = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4000;
        using var xy = Image.Xyz(width, height);
        using var r = xy[0] * (255.0 / width);
        using var g = xy[1] * (255.0 / height);
        using var b = (r + g) * 0.5;
        using var noise = Image.Gaussnoise(width, height, sigma: 24);
        using var rgb = r.Bandjoin(g, b) + noise;
        using var photo = rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        photo.Jpegsave(args[1], q: 90);
        Console.WriteLine($"wrote {args[1]}: {width}x{height}, {new FileInfo(args[1]).Length / 1024.0 / 1024:0.0} MB");
        break;
    }
    case "ours":
    {
        // What an upload runs (MediaService.UploadAsync): the upload spooled to a file as it is
        // read, checked over the mapped file, then processed by libvips from the file, in a
        // processing slot of the processor the app makes (its libvips settings included).
        using var processor = new MediaImageProcessor(new FixedMediaOptions(new MediaOptions()));
        var limits = new MediaOptions();
        var spool = Path.Combine(Path.GetTempPath(), "media-bench-" + Guid.NewGuid().ToString("N"));
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var times = new List<double>();
        ProcessedImage? last = null;
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await using (var upload = File.OpenRead(args[1]))
                await using (var spooled = (await SpooledUpload.WriteAsync(upload, spool, limits.MaxUploadBytes, CancellationToken.None))!)
                {
                    var (format, refusal) = spooled.Inspect(bytes => MediaService.Check(bytes, limits.MaxPixels));
                    if (refusal is not null)
                        throw new InvalidOperationException(refusal);
                    last = await processor.ProcessFileAsync(spooled.Path, format, CancellationToken.None);
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
        Console.WriteLine($"ours: {last!.Renditions.Count} renditions, {last.Renditions.Sum(x => x.Content.LongLength) / 1024} KB; " +
            $"in-process ms per image: {string.Join(", ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}; " +
            $"libvips threads {NetVips.NetVips.Concurrency}; VmHWM {PeakKb()} KB");
        break;
    }
    case "ours-buffer":
    {
        // The pipeline as uploads ran it before: the whole upload in a byte array, decoded from it.
        MediaImageProcessor.EnsureConfigured();
        var bytes = File.ReadAllBytes(args[1]);
        var watch = Stopwatch.StartNew();
        var processed = MediaImageProcessor.Process(bytes, MediaFormat.Jpeg, 100_000_000);
        Console.WriteLine($"ours-buffer: {processed.Renditions.Count} renditions; {watch.Elapsed.TotalMilliseconds:0} ms; VmHWM {PeakKb()} KB");
        break;
    }
    case "noop":
        MediaImageProcessor.EnsureConfigured();
        Console.WriteLine($"noop: VmHWM {PeakKb()} KB; libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}, HEIC {MediaImageProcessor.CanLoadHeic}, AVIF {MediaImageProcessor.CanLoadAvif}");
        break;
    case "bytes":
        ArticleBytes.Run(args.Skip(1).ToList());
        break;
    case "article-photos":
        ArticleBytes.WritePhotos(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: generate <file> [w h] | ours <file> [runs] | noop | bytes [photo.jpg...] | article-photos <folder>");
        return 2;
}
return 0;

static string PeakKb() => File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0];

/// <summary>The app's media options, fixed.</summary>
internal sealed class FixedMediaOptions(MediaOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<MediaOptions>
{
    public MediaOptions CurrentValue => value;

    public MediaOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<MediaOptions, string?> listener) => null;
}
