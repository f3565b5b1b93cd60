using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.RichText.Json;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

public class StoryBodyLinkTests
{
    private const string Refused =
        "Body: node 1.1 has a link address that is not allowed; a link must be a full address starting with http://, https:// or mailto:.";

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("%6Aavascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.vn/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/relative/path")]
    [InlineData("relative.html")]
    [InlineData("#top")]
    [InlineData("https:evil.example")]
    [InlineData("https:/evil.example")]
    [InlineData("https://")]
    [InlineData("http:\\\\evil.example")]
    [InlineData("https://exa mple.vn")]
    [InlineData(" https://example.vn")]
    [InlineData("https://example.vn\u2028")]
    [InlineData("mailto:")]
    [InlineData("")]
    public void Javascript_and_other_unsafe_links_are_refused(string href)
    {
        var message = Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(Doc(P(T("bấm", Link(href)))))).Message;

        Assert.Equal(Refused, message);
    }

    [Theory]
    [InlineData("""{"type":"link"}""")]
    [InlineData("""{"type":"link","attrs":{}}""")]
    [InlineData("""{"type":"link","attrs":{"href":null}}""")]
    [InlineData("""{"type":"link","attrs":{"href":["https://a.vn"]}}""")]
    public void Link_without_an_address_is_refused(string mark)
    {
        var message = Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(Doc(P(T("a", mark))))).Message;

        Assert.Equal("Body: node 1.1 has a link without an address.", message);
    }

    [Theory]
    [InlineData("https://vnexpress.net/thoi-su")]
    [InlineData("http://example.vn")]
    [InlineData("HTTPS://EXAMPLE.VN/A")]
    [InlineData("https://example.vn/search?q=h%E1%BB%99i&page=2#k")]
    [InlineData("https://bộ-ngoại-giao.vn/tin")]
    [InlineData("https://user@example.vn:8443/x")]
    [InlineData("mailto:toasoan@example.vn")]
    [InlineData("mailto:toasoan@example.vn?subject=Tin%20b%C3%A0i")]
    public void Http_https_and_mailto_links_are_accepted_as_written(string href)
    {
        var body = StoryBody.Parse(Doc(P(T("bấm", Link(href)))));

        Assert.Contains($"\"href\":{Str(href)}", body.ToJson());
        Assert.StartsWith("<p><a href=\"", body.ToHtml());
    }

    [Fact]
    public void Target_rel_and_class_from_the_editor_are_dropped()
    {
        var json = Doc(P(T("a", """{"type":"link","attrs":{"href":"https://a.vn","target":"_blank","rel":"opener","class":"x","onclick":"alert(1)"}}""")));

        var body = StoryBody.Parse(json);

        Assert.Contains("""{"type":"link","attrs":{"href":"https://a.vn"}}""", body.ToJson());
        Assert.Equal("""<p><a href="https://a.vn" rel="noopener noreferrer nofollow">a</a></p>""", body.ToHtml());
    }

    [Fact]
    public void Link_addresses_are_attribute_encoded()
    {
        var body = StoryBody.Parse(Doc(P(T("a", Link("https://a.vn/?q=\"><script>&x='1'")))));

        var html = body.ToHtml();

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("\"><", html);
        Assert.Contains("&quot;&gt;&lt;script&gt;&amp;x=&#x27;1&#x27;", html);
    }
}
