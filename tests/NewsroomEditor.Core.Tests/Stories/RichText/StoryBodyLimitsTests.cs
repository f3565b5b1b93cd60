using System.Text;
using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.RichText.Json;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

public class StoryBodyLimitsTests
{
    private const string Sentence = "Chiều 11/4, Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng khóa XIII bế mạc tại Hà Nội. ";

    /// <summary>Paragraphs of Vietnamese with some marks and links, until the JSON reaches <paramref name="bytes"/>.</summary>
    private static string LongDocument(int bytes)
    {
        var blocks = new List<string>();
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            var block = (i % 10) switch
            {
                0 => H(3, T($"Phần {i}")),
                5 => Ul(Li(P(T(Sentence))), Li(P(T(Sentence, Mark("italic"))))),
                _ => P(T(Sentence), T("đậm ", Mark("bold")), T("liên kết", Link($"https://example.vn/{i}")), Br, T(Sentence)),
            };
            blocks.Add(block);
            size += Encoding.UTF8.GetByteCount(block) + 1;
        }
        return Doc([.. blocks]);
    }

    [Fact]
    public void A_200_kb_document_parses_and_renders()
    {
        var json = LongDocument(200 * 1024);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 200 * 1024, 210 * 1024);

        var body = StoryBody.Parse(json);
        var html = body.ToHtml();

        Assert.StartsWith("<h3>Phần 0</h3><p>Chiều 11/4,", html);
        Assert.True(body.WordCount > 10_000);
        Assert.Equal(body.ToJson(), StoryBody.Parse(body.ToJson()).ToJson());
    }

    [Fact]
    public void One_long_paragraph_of_many_marked_runs_renders()
    {
        var runs = Enumerable.Range(0, 20_000).Select(i => T($"từ {i} ", i % 2 == 0 ? [Mark("bold")] : [Link("https://a.vn"), Mark("italic")]));

        var body = StoryBody.Parse(Doc(P([.. runs])));

        Assert.Equal(40_000, body.WordCount);
        Assert.Equal(10_000, body.ToHtml().Split("<strong>").Length - 1);
        Assert.Equal(10_000, body.ToHtml().Split("<a href=").Length - 1);
    }

    [Fact]
    public void Json_over_5_mb_is_refused_before_parsing()
    {
        // Three UTF-8 bytes per character: under 5 M characters, over 5 MB.
        var text = new string('ộ', 1_800_000);

        var message = Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(Doc(P(T(text))))).Message;

        Assert.Equal("Body: is too large (5.1 MB); at most 5 MB is allowed.", message);
    }

    [Fact]
    public void Json_just_under_5_mb_is_accepted()
    {
        var overhead = Encoding.UTF8.GetByteCount(Doc(P(T(""))));
        var text = new string('a', StoryBody.MaxJsonBytes - overhead);

        var body = StoryBody.Parse(Doc(P(T(text))));

        Assert.Equal(StoryBody.MaxJsonBytes - overhead, body.CharacterCount);
    }

    /// <summary>Blockquotes nested so that the text sits at <paramref name="levels"/> (doc = 1).</summary>
    private static string Nested(int levels)
    {
        var block = P(T("sâu"));
        for (var level = 3; level < levels; level++)
            block = Quote(block);
        return Doc(block);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var body = StoryBody.Parse(Nested(StoryBody.MaxDepth));

        Assert.Equal("sâu", body.ToPlainText());
        Assert.Equal(body.ToJson(), StoryBody.Parse(body.ToJson()).ToJson());
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        var message = Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(Nested(StoryBody.MaxDepth + 1))).Message;

        Assert.StartsWith("Body: node 1.1.1.", message);
        Assert.EndsWith(" is nested too deeply; at most 32 levels are allowed.", message);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Deeply_nested_json_of_any_shape_is_refused_without_exhausting_the_stack(int depth)
    {
        var arrays = new string('[', depth) + new string(']', depth);
        var attrs = Doc($$$"""{"type":"paragraph","attrs":{"x":{{{arrays}}}}}""");

        Assert.StartsWith("Body: is not valid JSON or is nested too deeply", Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(arrays)).Message);
        Assert.StartsWith("Body: is not valid JSON or is nested too deeply", Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(attrs)).Message);
    }
}
