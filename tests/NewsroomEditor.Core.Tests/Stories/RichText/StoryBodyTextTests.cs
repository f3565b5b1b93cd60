using System.Text;
using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.RichText.Json;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

public class StoryBodyTextTests
{
    private static readonly Guid First = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid Second = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    [Fact]
    public void Plain_text_separates_blocks_by_a_blank_line_and_list_items_by_a_line()
    {
        var body = StoryBody.Parse(Doc(
            H(2, T("Tít")),
            P(T("Dòng một"), Br, T("dòng "), T("hai", Mark("bold"))),
            P(),
            Ul(Li(P(T("a"))), Li(P(T("b")), Ol(1, Li(P(T("b1"))), Li(P(T("b2")))))),
            Hr,
            Quote(P(T("q1")), P(T("q2"))),
            Figure(First, "alt không vào văn bản", "Chú thích"),
            Figure(Second, "", null),
            P(T("Hết."))));

        Assert.Equal("Tít\n\nDòng một\ndòng hai\n\na\nb\nb1\nb2\n\nq1\n\nq2\n\nChú thích\n\nHết.", body.ToPlainText());
    }

    [Fact]
    public void Word_count_counts_each_vietnamese_syllable()
    {
        var body = StoryBody.FromParagraphs(["Chiều 11/4, Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XIII bế mạc."]);

        Assert.Equal(17, body.WordCount);
        Assert.Equal("Chiều 11/4, Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XIII bế mạc.".Length, body.CharacterCount);
    }

    [Fact]
    public void Counts_cover_all_blocks_but_not_breaks()
    {
        var body = StoryBody.FromParagraphs(["Một hai", "ba\nbốn"]);

        Assert.Equal("Một hai\n\nba\nbốn", body.ToPlainText());
        Assert.Equal(4, body.WordCount);
        Assert.Equal("Một hai".Length + "ba".Length + "bốn".Length, body.CharacterCount);
    }

    [Fact]
    public void Character_count_counts_what_a_reader_sees_once()
    {
        var body = StoryBody.FromParagraphs(["👍🏽 à"]);

        Assert.Equal(3, body.CharacterCount);
    }

    [Fact]
    public void From_paragraphs_normalizes_to_nfc_and_makes_line_breaks_hard_breaks()
    {
        var body = StoryBody.FromParagraphs(["Hội nghị".Normalize(NormalizationForm.FormD), "", "a\r\nb"]);

        Assert.Equal(
            """{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Hội nghị"}]},{"type":"paragraph"},""" +
            """{"type":"paragraph","content":[{"type":"text","text":"a"},{"type":"hardBreak"},{"type":"text","text":"b"}]}]}""",
            body.ToJson());
        Assert.Equal(StoryBody.Empty, StoryBody.FromParagraphs([]));
    }

    [Fact]
    public void Figures_are_listed_in_document_order_including_nested_ones()
    {
        var body = StoryBody.Parse(Doc(
            Figure(First, "Một", "Chú thích một"),
            Quote(P(T("x")), Figure(Second, "Hai", null)),
            Ul(Li(P(T("y")), Figure(First, "", "Lặp lại")))));

        Assert.Equal(
            [new StoryFigure(First, "Một", "Chú thích một"), new StoryFigure(Second, "Hai", null), new StoryFigure(First, "", "Lặp lại")],
            body.Figures);
    }

    [Fact]
    public void Empty_caption_is_no_caption()
    {
        var body = StoryBody.Parse(Doc(Figure(First, "a", "")));

        Assert.Null(body.Figures[0].Caption);
        Assert.Contains("\"caption\":null", body.ToJson());
    }

    [Theory]
    [InlineData(true, """{"type":"paragraph"}""")]
    [InlineData(true, """{"type":"paragraph"},{"type":"horizontalRule"},{"type":"paragraph","content":[{"type":"hardBreak"}]}""")]
    [InlineData(true, """{"type":"paragraph","content":[{"type":"text","text":"   "}]}""")]
    [InlineData(false, """{"type":"paragraph","content":[{"type":"text","text":"a"}]}""")]
    [InlineData(false, """{"type":"figure","attrs":{"mediaId":"0f8fad5b-d9cb-469f-a165-70867728950e","alt":""}}""")]
    public void Body_is_empty_without_text_or_figures(bool empty, string blocks)
    {
        Assert.Equal(empty, StoryBody.Parse(Doc(blocks)).IsEmpty);
    }
}
