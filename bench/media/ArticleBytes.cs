using System.Globalization;
using NetVips;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// How many image bytes a reader's browser downloads for an article with three photos, JPEG only
/// (before) against WebP with the JPEG as fallback (now). Each photo goes through the app's own
/// pipeline (<see cref="MediaImageProcessor"/>) and the app's own srcset builder
/// (<see cref="MediaRenditions.Responsive"/>, as a body figure gets it); the browser's choice is
/// then simulated from that srcset and the figure's sizes hint: at a 1280-px-wide window the
/// article column is 720 CSS px, so the browser takes the narrowest candidate at least 720 × the
/// device pixel ratio wide (or the widest there is).
/// </summary>
internal static class ArticleBytes
{
    private const int ViewportCssWidth = 1280;

    public static void Run(IReadOnlyList<string> files)
    {
        MediaImageProcessor.EnsureConfigured();
        var photos = files.Count > 0
            ? files.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList()
            : Generated();
        var slot = SlotWidth(MediaService.FigureSizes, ViewportCssWidth);
        Console.WriteLine($"sizes \"{MediaService.FigureSizes}\" at a {ViewportCssWidth}-px window: a {slot}-px slot");

        var measured = photos.Select(photo =>
        {
            var processed = MediaImageProcessor.Process(photo.Bytes, MediaFormat.Jpeg, 100_000_000);
            var image = MediaRenditions.Responsive(processed.Renditions.Select(r => r.ToRendition()), 1024,
                MediaService.FigureSizes, processed.Width, processed.Height)!;
            var bytes = processed.Renditions.ToDictionary(r => "/media/" + r.FileName, r => (long)r.Content.Length);
            return (photo.Name, processed.Width, processed.Height, Image: image, Bytes: bytes);
        }).ToList();

        foreach (var dpr in new[] { 1, 2 })
        {
            long jpegTotal = 0, webpTotal = 0;
            foreach (var photo in measured)
            {
                var jpeg = Pick(photo.Image.SrcSet!, slot * dpr);
                var webp = Pick(photo.Image.WebpSrcSet!, slot * dpr);
                jpegTotal += photo.Bytes[jpeg.Url];
                webpTotal += photo.Bytes[webp.Url];
                Console.WriteLine($"  DPR {dpr} {photo.Name} ({photo.Width}x{photo.Height}): JPEG {jpeg.Width}w {Kb(photo.Bytes[jpeg.Url])}, WebP {webp.Width}w {Kb(photo.Bytes[webp.Url])}");
            }
            Console.WriteLine($"DPR {dpr}, {measured.Count} photos: JPEG {Kb(jpegTotal)}, WebP {Kb(webpTotal)}, " +
                $"WebP saves {Kb(jpegTotal - webpTotal)} ({100.0 * (jpegTotal - webpTotal) / jpegTotal:0.0}%)");
        }
    }

    /// <summary>Writes the three generated photos to <paramref name="folder"/>, to look at or to measure again.</summary>
    public static void WritePhotos(string folder)
    {
        MediaImageProcessor.EnsureConfigured();
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in Generated())
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            Console.WriteLine($"wrote {Path.Combine(folder, name)}: {bytes.Length / 1024} KB");
        }
    }

    /// <summary>The slot width the first matching media condition of a sizes hint gives (max-width conditions and px lengths only, as ours are).</summary>
    private static int SlotWidth(string sizes, int viewport)
    {
        foreach (var entry in sizes.Split(',', StringSplitOptions.TrimEntries))
        {
            var condition = entry.StartsWith('(') ? entry[..(entry.IndexOf(')') + 1)] : null;
            var length = condition is null ? entry : entry[condition.Length..].Trim();
            if (condition is not null && viewport > int.Parse(condition.Split(':')[1].Trim(' ', ')').Replace("px", ""), CultureInfo.InvariantCulture))
                continue;
            return length.EndsWith("vw", StringComparison.Ordinal)
                ? viewport * int.Parse(length[..^2], CultureInfo.InvariantCulture) / 100
                : int.Parse(length.Replace("px", ""), CultureInfo.InvariantCulture);
        }
        return viewport;
    }

    /// <summary>The candidate a browser takes for <paramref name="needed"/> device pixels: the narrowest wide enough, else the widest.</summary>
    private static (string Url, int Width) Pick(string srcSet, int needed)
    {
        var candidates = srcSet.Split(", ")
            .Select(c => c.Split(' '))
            .Select(p => (Url: p[0], Width: int.Parse(p[1].TrimEnd('w'), CultureInfo.InvariantCulture)))
            .OrderBy(c => c.Width)
            .ToList();
        return candidates.FirstOrDefault(c => c.Width >= needed, candidates[^1]);
    }

    /// <summary>
    /// Three 3000 × 2000 photo-like JPEGs (q 92, as a camera or an editor's export would be): smooth
    /// sky over textured ground, a close-up of cell-like texture, and fine detail everywhere with
    /// heavy grain (a crowd or foliage in poor light; the hardest case for both encoders). Made from
    /// libvips's Perlin and Worley noise with fixed seeds (the same
    /// photos on every run), so they have a photo's mix of flat and detailed areas, not a single
    /// pattern; real photos will differ, which is why the command takes files too.
    /// </summary>
    private static List<(string Name, byte[] Bytes)> Generated()
    {
        const int w = 3000, h = 2000;
        using var sky = Image.Perlin(w, h, cellSize: 400, seed: 1);
        using var ground = Octaves(w, h, 300, 4);
        using var cells = Image.Worley(w, h, cellSize: 120, seed: 2);
        using var detail = Image.Perlin(w, h, cellSize: 40, seed: 3);
        // Sensor grain around zero (gaussnoise is centred on 128 unless told).
        using var grain = Image.Gaussnoise(w, h, sigma: 10, mean: 0, seed: 4);
        using var y = Image.Xyz(w, h)[1];

        var landscape = Photo(
            Mix(y < h * 0.55, Colour(sky * 40 + 170, [0.55, 0.75, 1.0]), Colour(Normalise(ground) * 0.6 + detail * 30 + 90, [0.6, 0.75, 0.35])),
            grain * 0.4);
        var closeUp = Photo(Colour(Normalise(cells) * 0.8 + detail * 40 + 60, [1.0, 0.7, 0.5]), grain * 0.5);
        using var fine = Octaves(w, h, 32, 3);
        using var speckle = Image.Perlin(w, h, cellSize: 4, seed: 5);
        var busy = Photo(Colour(Normalise(fine) * 0.5 + speckle * 50 + 60, [0.95, 0.8, 0.7]), grain * 1.6);
        return [("landscape.jpg", landscape), ("close-up.jpg", closeUp), ("busy-detail.jpg", busy)];

        // Fractal noise: Perlin noise at halving cell sizes and amplitudes (libvips's fractsurf needs FFTW).
        static Image Octaves(int width, int height, int cellSize, int count)
        {
            var sum = Image.Perlin(width, height, cellSize: cellSize, seed: cellSize);
            for (var i = 1; i < count; i++)
                sum += Image.Perlin(width, height, cellSize: cellSize >> i, seed: cellSize + i) * Math.Pow(0.5, i);
            return sum;
        }

        static Image Normalise(Image image)
        {
            var (min, max) = (image.Min(), image.Max());
            return (image - min) * (255.0 / (max - min));
        }

        static Image Colour(Image luminance, double[] tint) => luminance.Bandjoin(luminance, luminance).Linear(tint, [0.0, 0.0, 0.0]);

        static Image Mix(Image condition, Image then, Image otherwise) => condition.Ifthenelse(then, otherwise);

        static byte[] Photo(Image rgb, Image noise)
        {
            using var noisy = rgb + noise;
            using var photo = noisy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
            return photo.JpegsaveBuffer(q: 92);
        }
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
