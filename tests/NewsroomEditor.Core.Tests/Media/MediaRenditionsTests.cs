using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>The one rule for which JPEG of a photo is shown, and how a file size reads.</summary>
public class MediaRenditionsTests
{
    private static readonly MediaRendition[] Renditions =
    [
        new(1024, 683, "jpeg", "a-1024.jpg", 90_000),
        new(320, 213, "webp", "a-320.webp", 9_000),
        new(320, 213, "jpeg", "a-320.jpg", 12_000),
        new(640, 427, "jpeg", "a-640.jpg", 40_000),
        new(2048, 1365, "jpeg", "a-2048.jpg", 300_000),
    ];

    [Theory]
    [InlineData(640, 640)]
    [InlineData(1024, 1024)]
    [InlineData(1600, 1024)]
    [InlineData(100, 320)]
    public void The_widest_jpeg_up_to_a_width_is_chosen_else_the_narrowest(int maxWidth, int expected) =>
        Assert.Equal(expected, MediaRenditions.Jpeg(Renditions, maxWidth)!.Width);

    [Fact]
    public void Jpegs_are_listed_narrowest_first_without_other_formats()
    {
        Assert.Equal([320, 640, 1024, 2048], MediaRenditions.Jpegs(Renditions).Select(r => r.Width));
        Assert.Null(MediaRenditions.Jpeg([new MediaRendition(320, 213, "webp", "a-320.webp", 9_000)], 640));
    }

    [Fact]
    public void The_thumbnail_is_the_narrowest_jpeg()
    {
        var item = new MediaItem(Guid.NewGuid(), "u", "Hoàng Lan", "a.jpg", 2048, 1365, "", "", "", DateTime.UtcNow, Renditions);

        Assert.Equal("a-320.jpg", item.Thumbnail!.FileName);
    }

    [Fact]
    public void A_responsive_image_has_every_jpeg_and_every_webp_in_its_srcsets_and_the_jpeg_as_src()
    {
        IReadOnlyList<MediaRendition> renditions = [.. Renditions, new(1024, 683, "webp", "a-1024.webp", 60_000)];

        var image = MediaRenditions.Responsive(renditions, 1024, "(max-width: 720px) 100vw, 720px", 2048, 1365)!;

        Assert.Equal("/media/a-1024.jpg", image.Src);
        Assert.Equal("/media/a-320.jpg 320w, /media/a-640.jpg 640w, /media/a-1024.jpg 1024w, /media/a-2048.jpg 2048w", image.SrcSet);
        Assert.Equal("/media/a-320.webp 320w, /media/a-1024.webp 1024w", image.WebpSrcSet);
        Assert.Equal("(max-width: 720px) 100vw, 720px", image.Sizes);
        Assert.Equal((2048, 1365), (image.Width, image.Height));
    }

    [Fact]
    public void A_photo_without_webp_renditions_gets_no_webp_srcset_and_one_without_jpegs_no_image()
    {
        var jpegsOnly = Renditions.Where(r => r.Format == "jpeg").ToList();

        Assert.Null(MediaRenditions.Responsive(jpegsOnly, 1024, "100vw", 2048, 1365)!.WebpSrcSet);
        Assert.Null(MediaRenditions.Thumbnail(jpegsOnly)!.WebpSrcSet);
        Assert.Null(MediaRenditions.Responsive([new MediaRendition(320, 213, "webp", "a-320.webp", 9_000)], 1024, "100vw", 320, 213));
    }

    [Fact]
    public void A_thumbnail_is_the_narrowest_jpeg_with_the_narrowest_webp_offered_first()
    {
        var thumbnail = MediaRenditions.Thumbnail(Renditions)!;

        Assert.Equal("/media/a-320.jpg", thumbnail.Src);
        Assert.Equal("/media/a-320.webp", thumbnail.WebpSrcSet);
        Assert.Null(thumbnail.SrcSet);
        Assert.Equal((320, 213), (thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [InlineData(true, "a-640.webp")]
    [InlineData(false, "a-640.jpg")]
    public void The_editor_preview_is_webp_for_browsers_that_take_it(bool acceptsWebp, string expected)
    {
        IReadOnlyList<MediaRendition> renditions = [.. Renditions, new(640, 427, "webp", "a-640.webp", 28_000)];

        Assert.Equal(expected, MediaRenditions.Preview(renditions, 640, acceptsWebp)!.FileName);
    }

    [Fact]
    public void The_editor_preview_of_a_photo_without_webp_is_its_jpeg()
    {
        var jpegsOnly = Renditions.Where(r => r.Format == "jpeg").ToList();

        Assert.Equal("a-640.jpg", MediaRenditions.Preview(jpegsOnly, 640, acceptsWebp: true)!.FileName);
    }

    [Theory]
    [InlineData(512, "512 bytes")]
    [InlineData(20_480, "20 KB")]
    [InlineData(1_572_864, "1.5 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3 GB")]
    [InlineData(1536L * 1024 * 1024 + 1, "1536 MB")]
    public void A_size_reads_in_the_unit_that_fits(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Fact]
    public void A_size_follows_the_readers_number_format()
    {
        using var vietnamese = CultureScope.Vietnamese();

        Assert.Equal("1,5 MB", ByteSize.Format(1_572_864));
        Assert.Equal("512 byte", ByteSize.Format(512));
    }
}
