using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.RichText.Json;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

public class StoryBodyHtmlTests
{
    private static readonly Guid MediaId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static string Html(string json, IFigureImageSource? images = null) => StoryBody.Parse(json).ToHtml(images);

    private sealed class Images(params (Guid Id, FigureImage Image)[] known) : IFigureImageSource
    {
        public FigureImage? Find(Guid mediaId) => known.FirstOrDefault(k => k.Id == mediaId).Image;
    }

    [Theory]
    [InlineData("paragraph")]
    [InlineData("empty paragraph")]
    [InlineData("heading 2")]
    [InlineData("heading 3")]
    [InlineData("heading 4")]
    [InlineData("blockquote")]
    [InlineData("bulletList")]
    [InlineData("orderedList")]
    [InlineData("orderedList from 4")]
    [InlineData("horizontalRule")]
    [InlineData("hardBreak")]
    [InlineData("bold")]
    [InlineData("italic")]
    [InlineData("underline")]
    [InlineData("strike")]
    [InlineData("link")]
    public void Each_node_and_mark_maps_to_its_element(string what)
    {
        var (json, html) = what switch
        {
            "paragraph" => (Doc(P(T("a"))), "<p>a</p>"),
            "empty paragraph" => (Doc(P()), "<p></p>"),
            "heading 2" => (Doc(H(2, T("a"))), "<h2>a</h2>"),
            "heading 3" => (Doc(H(3, T("a"))), "<h3>a</h3>"),
            "heading 4" => (Doc(H(4, T("a"))), "<h4>a</h4>"),
            "blockquote" => (Doc(Quote(P(T("a")), P(T("b")))), "<blockquote><p>a</p><p>b</p></blockquote>"),
            "bulletList" => (Doc(Ul(Li(P(T("a"))), Li(P(T("b"))))), "<ul><li><p>a</p></li><li><p>b</p></li></ul>"),
            "orderedList" => (Doc(Ol(1, Li(P(T("a"))))), "<ol><li><p>a</p></li></ol>"),
            "orderedList from 4" => (Doc(Ol(4, Li(P(T("a"))))), "<ol start=\"4\"><li><p>a</p></li></ol>"),
            "horizontalRule" => (Doc(P(T("a")), Hr), "<p>a</p><hr>"),
            "hardBreak" => (Doc(P(T("a"), Br, T("b"))), "<p>a<br>b</p>"),
            "bold" => (Doc(P(T("a", Mark("bold")))), "<p><strong>a</strong></p>"),
            "italic" => (Doc(P(T("a", Mark("italic")))), "<p><em>a</em></p>"),
            "underline" => (Doc(P(T("a", Mark("underline")))), "<p><u>a</u></p>"),
            "strike" => (Doc(P(T("a", Mark("strike")))), "<p><s>a</s></p>"),
            "link" => (Doc(P(T("a", Link("https://a.vn/x")))), "<p><a href=\"https://a.vn/x\" rel=\"noopener noreferrer nofollow\">a</a></p>"),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        Assert.Equal(html, Html(json));
    }

    [Fact]
    public void Nested_lists_and_quotes_render_nested()
    {
        var json = Doc(Ul(Li(P(T("một")), Ol(2, Li(P(T("hai")), Quote(P(T("ba"))))))));

        Assert.Equal(
            "<ul><li><p>một</p><ol start=\"2\"><li><p>hai</p><blockquote><p>ba</p></blockquote></li></ol></li></ul>",
            Html(json));
    }

    [Fact]
    public void Marks_nest_in_a_fixed_order_whatever_order_they_came_in()
    {
        var html = Html(Doc(P(T("x", Mark("strike"), Mark("underline"), Mark("italic"), Mark("bold"), Link("https://a.vn")))));

        Assert.Equal("<p><a href=\"https://a.vn\" rel=\"noopener noreferrer nofollow\"><strong><em><u><s>x</s></u></em></strong></a></p>", html);
    }

    [Fact]
    public void Marks_shared_by_neighbouring_text_stay_open()
    {
        var html = Html(Doc(P(
            T("Đọc ", Link("https://a.vn")),
            T("bài này", Link("https://a.vn"), Mark("bold")),
            T(" ngay", Link("https://a.vn")),
            T(" và ", Mark("bold")),
            T("kia", Link("https://b.vn"), Mark("bold")))));

        Assert.Equal(
            "<p><a href=\"https://a.vn\" rel=\"noopener noreferrer nofollow\">Đọc <strong>bài này</strong> ngay</a>" +
            "<strong> và </strong><a href=\"https://b.vn\" rel=\"noopener noreferrer nofollow\"><strong>kia</strong></a></p>",
            html);
    }

    [Fact]
    public void Script_in_text_is_rendered_as_text()
    {
        var html = Html(Doc(P(T("<script>alert('x')</script> & \"quotes\""))));

        Assert.Equal("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>", html);
    }

    [Fact]
    public void Vietnamese_text_stays_readable()
    {
        Assert.Equal("<p>Hội nghị Ban Chấp hành Trung ương Đảng</p>", Html(Doc(P(T("Hội nghị Ban Chấp hành Trung ương Đảng")))));
    }

    [Fact]
    public void Hostile_attributes_smuggled_into_attrs_are_never_rendered()
    {
        const string Evil = """{"onclick":"alert(1)","style":"background:url(javascript:alert(1))","class":"x","id":"y","src":"javascript:alert(2)","onerror":"alert(3)","href":"javascript:alert(4)"}""";
        var json = Doc(
            $$"""{"type":"paragraph","attrs":{{Evil}},"content":[{"type":"text","text":"a","marks":[{"type":"bold","attrs":{{Evil}}}]}]}""",
            $$"""{"type":"heading","attrs":{"level":2,"onclick":"alert(1)","style":"x"},"content":[{"type":"text","text":"b"}]}""",
            $$"""{"type":"blockquote","attrs":{{Evil}},"content":[{"type":"paragraph"}]}""",
            $$"""{"type":"bulletList","attrs":{{Evil}},"content":[{"type":"listItem","attrs":{{Evil}},"content":[{"type":"paragraph"}]}]}""",
            $$"""{"type":"horizontalRule","attrs":{{Evil}}}""",
            $$$"""{"type":"figure","attrs":{"mediaId":"{{{MediaId}}}","alt":"a","onclick":"alert(1)","style":"x","class":"y","src":"javascript:alert(1)"}}""");

        var html = Html(json);

        Assert.Equal(
            "<p><strong>a</strong></p><h2>b</h2><blockquote><p></p></blockquote><ul><li><p></p></li></ul><hr>" +
            $"<figure class=\"figure-missing\" data-media-id=\"{MediaId}\"></figure>",
            html);
    }

    [Fact]
    public void Figure_with_a_known_image_offers_webp_before_the_jpeg_img_and_keeps_its_caption()
    {
        var images = new Images((MediaId, new FigureImage("/media/a-1024.jpg", "/media/a-320.jpg 320w, /media/a-1024.jpg 1024w",
            "(max-width: 700px) 100vw, 700px", 1024, 683, "/media/a-320.webp 320w, /media/a-1024.webp 1024w")));

        var html = Html(Doc(Figure(MediaId, "Toàn cảnh hội nghị", "Quang cảnh hội nghị. Ảnh: TTXVN")), images);

        Assert.Equal(
            "<figure><picture><source type=\"image/webp\" srcset=\"/media/a-320.webp 320w, /media/a-1024.webp 1024w\" sizes=\"(max-width: 700px) 100vw, 700px\">" +
            "<img src=\"/media/a-1024.jpg\" srcset=\"/media/a-320.jpg 320w, /media/a-1024.jpg 1024w\" " +
            "sizes=\"(max-width: 700px) 100vw, 700px\" width=\"1024\" height=\"683\" alt=\"Toàn cảnh hội nghị\" " +
            "loading=\"lazy\" decoding=\"async\"></picture><figcaption>Quang cảnh hội nghị. Ảnh: TTXVN</figcaption></figure>",
            html);
    }

    [Fact]
    public void Figure_of_a_photo_without_webp_renditions_is_the_plain_jpeg_img()
    {
        var images = new Images((MediaId, new FigureImage("/media/a-1024.jpg", "/media/a-320.jpg 320w, /media/a-1024.jpg 1024w",
            "(max-width: 700px) 100vw, 700px", 1024, 683, WebpSrcSet: null)));

        var html = Html(Doc(Figure(MediaId, "Toàn cảnh hội nghị", null)), images);

        Assert.Equal(
            "<figure><img src=\"/media/a-1024.jpg\" srcset=\"/media/a-320.jpg 320w, /media/a-1024.jpg 1024w\" " +
            "sizes=\"(max-width: 700px) 100vw, 700px\" width=\"1024\" height=\"683\" alt=\"Toàn cảnh hội nghị\" " +
            "loading=\"lazy\" decoding=\"async\"></figure>",
            html);
    }

    [Fact]
    public void Figure_webp_candidates_are_encoded_too()
    {
        var images = new Images((MediaId, new FigureImage("/m/a.jpg", null, null, null, null, "/m/a.webp?x=\"><script>")));

        var html = Html(Doc(Figure(MediaId, "", null)), images);

        Assert.StartsWith("<figure><picture><source type=\"image/webp\" srcset=\"/m/a.webp?x=&quot;&gt;&lt;script&gt;\"><img src=\"/m/a.jpg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_without_optional_image_parts_or_caption_leaves_them_out()
    {
        var images = new Images((MediaId, new FigureImage("/media/a.jpg", null, null, null, null)));

        var html = Html(Doc(Figure(MediaId, "", null)), images);

        Assert.Equal("<figure><img src=\"/media/a.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\"></figure>", html);
    }

    [Fact]
    public void Figure_alt_caption_and_image_values_are_encoded()
    {
        var images = new Images((MediaId, new FigureImage("/m/a.jpg?x=1&y=\"2\"", null, null, null, null)));

        var html = Html(Doc(Figure(MediaId, "\" onerror=\"alert(1)", "<img src=x onerror=alert(1)>")), images);

        Assert.Equal(
            "<figure><img src=\"/m/a.jpg?x=1&amp;y=&quot;2&quot;\" alt=\"&quot; onerror=&quot;alert(1)\" loading=\"lazy\" decoding=\"async\">" +
            "<figcaption>&lt;img src=x onerror=alert(1)&gt;</figcaption></figure>",
            html);
    }

    [Fact]
    public void Figure_whose_image_is_unknown_is_marked_missing_and_keeps_its_caption()
    {
        var other = new Images((Guid.NewGuid(), new FigureImage("/m/b.jpg", null, null, null, null)));
        var json = Doc(Figure(MediaId, "Ảnh", "Chú thích"));
        var expected = $"<figure class=\"figure-missing\" data-media-id=\"{MediaId}\"><figcaption>Chú thích</figcaption></figure>";

        Assert.Equal(expected, Html(json));
        Assert.Equal(expected, Html(json, other));
    }

    [Fact]
    public void The_same_body_always_renders_the_same_html()
    {
        var json = Doc(H(2, T("a")), P(T("b", Mark("bold"), Mark("italic")), Br, T("c", Link("https://a.vn"))), Ul(Li(P(T("d")))));

        Assert.Equal(Html(json), Html(StoryBody.Parse(json).ToJson()));
    }
}
