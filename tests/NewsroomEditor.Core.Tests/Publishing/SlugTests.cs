using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Tests.Publishing;

public class SlugTests
{
    [Theory]
    [InlineData("Hội nghị Ban Chấp hành Đảng bộ", "hoi-nghi-ban-chap-hanh-dang-bo")]
    [InlineData("Thời sự", "thoi-su")]
    [InlineData("Văn hóa", "van-hoa")]
    [InlineData("đường Đà Nẵng", "duong-da-nang")]
    [InlineData("  Kinh tế — quý 1/2024!  ", "kinh-te-quy-1-2024")]
    [InlineData("News", "news")]
    public void Slugs_drop_diacritics_and_join_words_with_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.FromText(text));

    [Fact]
    public void Decomposed_input_gives_the_same_slug_as_composed()
    {
        var decomposed = "Hội nghị".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("hoi-nghi", Slugs.FromText(decomposed));
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary()
    {
        var slug = Slugs.FromText(string.Join(' ', Enumerable.Repeat("nghị quyết", 40)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(slug.EndsWith("nghi", StringComparison.Ordinal) || slug.EndsWith("quyet", StringComparison.Ordinal));
    }
}
