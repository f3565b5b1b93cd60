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
