using NewsroomEditor.Web.Components.Public;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// What a feed writes of stored text: XML 1.0 cannot carry most control characters, and one of them
/// in a headline, a section or the site's name made every feed that listed it answer 500.
/// </summary>
public sealed class FeedTextTests
{
    [Theory]
    [InlineData("The quic\b\b\b\b\b\bk brown fo\a\a\a\a\a\a\a\a\a\a\ax", "The quick brown fox")]
    [InlineData("Roses are \u001b[0;31mred\u001b[0m", "Roses are [0;31mred[0m")]
    [InlineData("Thời sự\uFFFE", "Thời sự")]
    public void Control_characters_that_XML_cannot_carry_are_left_out(string stored, string written) =>
        Assert.Equal(written, PublicFeeds.XmlText(stored));

    [Theory]
    [InlineData("Hội nghị\ttỉnh\nlần 15")]
    [InlineData("Emoji 😀 and 𝐁𝐨𝐥𝐝 stay")]
    public void Text_XML_can_carry_is_written_as_it_is(string stored) =>
        Assert.Equal(stored, PublicFeeds.XmlText(stored));
}
