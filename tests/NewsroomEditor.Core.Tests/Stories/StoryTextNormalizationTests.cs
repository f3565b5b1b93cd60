using NewsroomEditor.Core.Stories;
using static NewsroomEditor.Core.Tests.Stories.StoryFactory;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>How a story's single-line fields are stored: NFC, white space trimmed and collapsed, control characters dropped.</summary>
public sealed class StoryTextNormalizationTests
{
    [Fact]
    public void Control_characters_are_dropped_from_headline_lead_byline_tags_and_captions()
    {
        var content = Content("Mưa lớn\u0007 gây ngập\u001b[0m") with
        {
            Lead = "The quic\b\b\bk brown fox",
            Byline = "Hoàng\u0000 Lan",
            Tags = ["ngập\u0008 úng"],
            FeaturedMediaId = Guid.NewGuid(),
            FeaturedCaption = "Toàn cảnh\u0085hội nghị\u009b",
        };

        var normalized = content.Normalized();

        Assert.Equal("Mưa lớn gây ngập[0m", normalized.Headline);
        Assert.Equal("The quick brown fox", normalized.Lead);
        Assert.Equal("Hoàng Lan", normalized.Byline);
        Assert.Equal(["ngập úng"], normalized.Tags);
        // U+0085 (next line) is white space: it separates words like any other.
        Assert.Equal("Toàn cảnh hội nghị", normalized.FeaturedCaption);
    }

    [Fact]
    public void Text_is_nfc_and_white_space_is_trimmed_and_collapsed()
    {
        var normalized = (Content("  Ho\u0300i   nghi\u0323\t\ttỉnh  ")).Normalized();

        Assert.Equal("Hòi nghị tỉnh", normalized.Headline);
    }
}
