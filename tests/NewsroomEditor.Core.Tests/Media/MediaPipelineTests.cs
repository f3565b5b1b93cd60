using NetVips;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>The libvips pipeline on generated images: orientation, colour, metadata, widths, names.</summary>
public sealed class MediaPipelineTests
{
    private const long MaxPixels = 100_000_000;

    [Fact]
    public void Exif_orientation_6_is_applied_so_a_landscape_photo_comes_out_portrait()
    {
        var processed = MediaImageProcessor.Process(TestImages.JpegWithOrientation6(800, 400), MediaFormat.Jpeg, MaxPixels);

        Assert.Equal(400, processed.Width);
        Assert.Equal(800, processed.Height);
        foreach (var rendition in processed.Renditions)
        {
            using var output = TestImages.Load(rendition.Content);
            Assert.True(output.Height > output.Width, $"{rendition.FileName} is {output.Width}x{output.Height}");
            Assert.DoesNotContain("orientation", output.GetFields().Where(f => f.StartsWith("exif", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_cmyk_photo_comes_out_srgb_with_its_colours()
    {
        var processed = MediaImageProcessor.Process(TestImages.CmykJpeg(400, 300), MediaFormat.Jpeg, MaxPixels);

        foreach (var rendition in processed.Renditions)
        {
            using var output = TestImages.Load(rendition.Content);
            Assert.Equal(Enums.Interpretation.Srgb, output.Interpretation);
            Assert.Equal(3, output.Bands);
            var pixel = output.Getpoint(output.Width / 2, output.Height / 2);
            Assert.True(pixel[0] > 180 && pixel[1] < 90 && pixel[2] < 90, $"{rendition.FileName}: red became {string.Join(",", pixel)}");
        }
    }

    [Fact]
    public void A_wide_gamut_tagged_image_comes_out_srgb_without_its_profile()
    {
        var processed = MediaImageProcessor.Process(TestImages.P3TaggedPng(400, 300), MediaFormat.Png, MaxPixels);

        foreach (var rendition in processed.Renditions)
        {
            using var output = TestImages.Load(rendition.Content);
            Assert.Equal(Enums.Interpretation.Srgb, output.Interpretation);
            Assert.DoesNotContain("icc-profile-data", output.GetFields());
        }
    }

    [Fact]
    public void Gps_and_other_exif_written_into_the_input_are_absent_from_every_output()
    {
        var input = TestImages.JpegWithGps(700, 500);
        Assert.Contains(TestImages.Fields(input), f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));

        var processed = MediaImageProcessor.Process(input, MediaFormat.Jpeg, MaxPixels);

        Assert.NotEmpty(processed.Renditions);
        foreach (var rendition in processed.Renditions)
        {
            var fields = TestImages.Fields(rendition.Content);
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "icc-profile-data");
            Assert.Equal(-1, IndexOf(rendition.Content, "SpyCam"u8));
        }
    }

    [Fact]
    public void A_1200_px_image_gets_320_640_1024_and_nothing_wider_than_itself()
    {
        var processed = MediaImageProcessor.Process(TestImages.Jpeg(1200, 800), MediaFormat.Jpeg, MaxPixels);

        foreach (var format in new[] { "jpeg", "webp" })
        {
            var widths = processed.Renditions.Where(r => r.Format == format).Select(r => r.Width).ToList();
            Assert.Contains(320, widths);
            Assert.Contains(640, widths);
            Assert.Contains(1024, widths);
            Assert.All(widths, w => Assert.True(w <= 1200));
            Assert.DoesNotContain(1600, widths);
        }
        var w640 = processed.Renditions.First(r => r.Width == 640);
        Assert.Equal(427, w640.Height);
    }

    [Fact]
    public void A_200_px_image_gets_one_200_px_rendition_per_format()
    {
        var processed = MediaImageProcessor.Process(TestImages.Png(200, 150), MediaFormat.Png, MaxPixels);

        Assert.Equal(2, processed.Renditions.Count);
        Assert.Equal(["jpeg", "webp"], processed.Renditions.Select(r => r.Format).Order().ToArray());
        Assert.All(processed.Renditions, r => Assert.Equal((200, 150), (r.Width, r.Height)));
    }

    [Fact]
    public void A_large_image_gets_every_width_up_to_2048()
    {
        Assert.Equal([320, 640, 1024, 1600, 2048], MediaImageProcessor.RenditionWidths(5000));
        Assert.Equal([320, 640, 1024, 1200], MediaImageProcessor.RenditionWidths(1200));
        Assert.Equal([200], MediaImageProcessor.RenditionWidths(200));
        Assert.Equal([320, 640, 1024, 1600, 2048], MediaImageProcessor.RenditionWidths(2048));
    }

    [Fact]
    public void Names_are_content_addressed_and_stable()
    {
        var input = TestImages.Webp(900, 600);

        var first = MediaImageProcessor.Process(input, MediaFormat.Webp, MaxPixels);
        var second = MediaImageProcessor.Process(input, MediaFormat.Webp, MaxPixels);

        Assert.Equal(first.Renditions.Select(r => r.FileName), second.Renditions.Select(r => r.FileName));
        foreach (var rendition in first.Renditions)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(rendition.Content))[..16];
            var extension = rendition.Format == "jpeg" ? "jpg" : "webp";
            Assert.Equal($"{hash}-{rendition.Width}.{extension}", rendition.FileName);
            Assert.True(MediaFileNames.IsRendition(rendition.FileName));
        }
    }

    [Theory]
    [InlineData(MediaFormat.Jpeg)]
    [InlineData(MediaFormat.Png)]
    [InlineData(MediaFormat.Webp)]
    public void Read_from_its_file_an_upload_gets_the_renditions_it_gets_from_memory(MediaFormat format)
    {
        var input = format switch
        {
            MediaFormat.Jpeg => TestImages.JpegWithOrientation6(1200, 800),
            MediaFormat.Png => TestImages.P3TaggedPng(900, 600),
            _ => TestImages.Webp(900, 600),
        };
        var path = Path.Combine(Path.GetTempPath(), "pipeline-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, input);
        try
        {
            var fromFile = MediaImageProcessor.ProcessFile(path, format, MaxPixels);
            var fromMemory = MediaImageProcessor.Process(input, format, MaxPixels);

            Assert.Equal((fromMemory.Width, fromMemory.Height), (fromFile.Width, fromFile.Height));
            Assert.Equal(fromMemory.Renditions.Select(r => r.FileName), fromFile.Renditions.Select(r => r.FileName));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(2, 2, 1)]
    [InlineData(8, 2, 4)]
    [InlineData(2, 4, 1)]
    [InlineData(1, 1, 1)]
    public void Each_image_gets_the_cores_shared_out_between_the_slots(int cores, int slots, int threads) =>
        Assert.Equal(threads, MediaImageProcessor.ConcurrencyPerImage(cores, slots));

    [Fact]
    public void Transparent_png_keeps_alpha_in_webp_and_is_flattened_in_jpeg()
    {
        using var gradient = TestImages.Gradient(300, 200);
        using var alpha = gradient.Bandjoin(128);
        var input = alpha.PngsaveBuffer();

        var processed = MediaImageProcessor.Process(input, MediaFormat.Png, MaxPixels);

        using var webp = TestImages.Load(processed.Renditions.Single(r => r.Format == "webp").Content);
        using var jpeg = TestImages.Load(processed.Renditions.Single(r => r.Format == "jpeg").Content);
        Assert.True(webp.HasAlpha());
        Assert.Equal(3, jpeg.Bands);
    }

    [Fact]
    public void Loaders_outside_the_accepted_formats_are_blocked()
    {
        MediaImageProcessor.EnsureConfigured();
        using var image = TestImages.Gradient(50, 50);
        var tiff = image.TiffsaveBuffer();
        var gif = image.GifsaveBuffer();

        Assert.Throws<VipsException>(() => { using var loaded = Image.NewFromBuffer(tiff); _ = loaded.Avg(); });
        Assert.Throws<VipsException>(() => { using var loaded = Image.NewFromBuffer(gif); _ = loaded.Avg(); });
    }

    [Fact]
    public async Task Processing_runs_on_the_thread_pool_at_most_N_at_once()
    {
        using var processor = new MediaImageProcessor(new Support.FixedOptionsMonitor<MediaOptions>(new MediaOptions { MaxConcurrentProcessing = 2 }));
        var onPool = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => processor.RunAsync(() =>
        {
            if (Thread.CurrentThread.IsThreadPoolThread && SynchronizationContext.Current is null)
                Interlocked.Increment(ref onPool);
            Thread.Sleep(150);
            return 0;
        }, CancellationToken.None)));

        Assert.Equal(2, processor.PeakConcurrency);
        Assert.Equal(6, onPool);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
