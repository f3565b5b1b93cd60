using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.RichText.Json;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

public class StoryBodySchemaTests
{
    private static readonly Guid MediaId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static string Refusal(string json) =>
        Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse(json)).Message;

    [Fact]
    public void Every_node_and_mark_of_the_schema_is_accepted_and_written_canonically()
    {
        var json = Doc(
            H(2, T("Tiêu đề")),
            P(T("đậm", Mark("bold")), T("nghiêng", Mark("italic")), T("gạch", Mark("underline")),
              T("xoá", Mark("strike")), Br, T("liên kết", Link("https://example.vn/a?b=1&c=2"))),
            Quote(P(T("trích"))),
            Ul(Li(P(T("một")), Ol(3, Li(P(T("hai")))))),
            Hr,
            Figure(MediaId, "Ảnh", "Chú thích"),
            P());

        var body = StoryBody.Parse(json);

        Assert.Equal(
            """{"type":"doc","content":[""" +
            """{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Tiêu đề"}]},""" +
            """{"type":"paragraph","content":[{"type":"text","text":"đậm","marks":[{"type":"bold"}]},""" +
            """{"type":"text","text":"nghiêng","marks":[{"type":"italic"}]},""" +
            """{"type":"text","text":"gạch","marks":[{"type":"underline"}]},""" +
            """{"type":"text","text":"xoá","marks":[{"type":"strike"}]},{"type":"hardBreak"},""" +
            """{"type":"text","text":"liên kết","marks":[{"type":"link","attrs":{"href":"https://example.vn/a?b=1\u0026c=2"}}]}]},""" +
            """{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"trích"}]}]},""" +
            """{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"một"}]},""" +
            """{"type":"orderedList","attrs":{"start":3},"content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"hai"}]}]}]}]}]},""" +
            """{"type":"horizontalRule"},""" +
            """{"type":"figure","attrs":{"mediaId":"0f8fad5b-d9cb-469f-a165-70867728950e","alt":"Ảnh","caption":"Chú thích"}},""" +
            """{"type":"paragraph"}]}""",
            body.ToJson());
    }

    [Fact]
    public void Empty_body_is_one_empty_paragraph()
    {
        Assert.Equal("""{"type":"doc","content":[{"type":"paragraph"}]}""", StoryBody.Empty.ToJson());
        Assert.True(StoryBody.Empty.IsEmpty);
        Assert.Equal(StoryBody.Empty, StoryBody.Parse("""{"type":"doc","content":[{"type":"paragraph","content":[]}]}"""));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("codeBlock")]
    [InlineData("code")]
    [InlineData("table")]
    [InlineData("script")]
    [InlineData("iframe")]
    public void Unknown_block_types_are_refused_by_name(string type)
    {
        var message = Refusal(Doc(P(T("a")), $$$"""{"type":"{{{type}}}","attrs":{"src":"x"}}"""));

        Assert.Equal($"Body: node 2 '{type}' is not allowed.", message);
    }

    [Fact]
    public void Refusal_names_the_node_by_its_path()
    {
        var message = Refusal(Doc(P(), P(), Quote("""{"type":"image","attrs":{"src":"x.png"}}""")));

        Assert.Equal("Body: node 3.1 'image' is not allowed.", message);
    }

    [Fact]
    public void Type_names_that_are_not_plain_names_are_not_echoed()
    {
        var message = Refusal(Doc("""{"type":"<script>alert(1)</script>"}"""));

        Assert.Equal("Body: node 1 has a type that is not allowed.", message);
        Assert.Equal("Body: node 1.1 has a mark that is not allowed.", Refusal(Doc(P(T("a", Mark("<b onclick=x>"))))));
    }

    [Theory]
    [InlineData("code")]
    [InlineData("highlight")]
    [InlineData("textStyle")]
    [InlineData("subscript")]
    public void Unknown_marks_are_refused(string mark)
    {
        var message = Refusal(Doc(P(T("a"), T("b", Mark(mark)))));

        Assert.Equal($"Body: node 1.2 mark '{mark}' is not allowed.", message);
    }

    [Fact]
    public void A_mark_given_twice_is_refused()
    {
        Assert.Contains("appears more than once", Refusal(Doc(P(T("a", Mark("bold"), Mark("bold"))))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(0)]
    public void Heading_levels_other_than_2_to_4_are_refused(int level)
    {
        var message = Refusal(Doc(H(level, T("Tít"))));

        Assert.Equal($"Body: node 1 'heading' level {level} is not allowed; use level 2, 3 or 4.", message);
    }

    [Theory]
    [InlineData("""{"type":"heading","content":[{"type":"text","text":"a"}]}""")]
    [InlineData("""{"type":"heading","attrs":{"level":"2"},"content":[{"type":"text","text":"a"}]}""")]
    [InlineData("""{"type":"heading","attrs":{"level":2.5}}""")]
    public void Heading_without_a_whole_number_level_is_refused(string heading)
    {
        Assert.Contains("'heading' level", Refusal(Doc(heading)));
    }

    [Theory]
    [InlineData("""{"type":"text","text":"loose"}""", "Body: node 1 'text' is only allowed inside a paragraph or heading.")]
    [InlineData("""{"type":"hardBreak"}""", "Body: node 1 'hardBreak' is only allowed inside a paragraph or heading.")]
    [InlineData("""{"type":"listItem","content":[{"type":"paragraph"}]}""", "Body: node 1 'listItem' is only allowed directly inside a bulleted or numbered list.")]
    [InlineData("""{"type":"paragraph","content":[{"type":"paragraph"}]}""", "Body: node 1.1 'paragraph' cannot be inside a paragraph or heading.")]
    [InlineData("""{"type":"heading","attrs":{"level":2},"content":[{"type":"bulletList"}]}""", "Body: node 1.1 'bulletList' cannot be inside a paragraph or heading.")]
    [InlineData("""{"type":"paragraph","content":[{"type":"figure","attrs":{"mediaId":"0f8fad5b-d9cb-469f-a165-70867728950e"}}]}""", "Body: node 1.1 'figure' cannot be inside a paragraph or heading.")]
    [InlineData("""{"type":"bulletList","content":[{"type":"paragraph"}]}""", "Body: node 1.1 'paragraph' is not allowed directly inside a list; only list items are.")]
    [InlineData("""{"type":"bulletList","content":[]}""", "Body: node 1 'bulletList' is empty; it needs at least one item.")]
    [InlineData("""{"type":"orderedList"}""", "Body: node 1 'orderedList' is empty; it needs at least one item.")]
    [InlineData("""{"type":"bulletList","content":[{"type":"listItem","content":[]}]}""", "Body: node 1.1 'listItem' is empty; it needs a paragraph.")]
    [InlineData("""{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"heading","attrs":{"level":2}}]}]}""", "Body: node 1.1.1 a list item must start with a paragraph.")]
    [InlineData("""{"type":"blockquote","content":[]}""", "Body: node 1 'blockquote' is empty; it needs at least one paragraph.")]
    [InlineData("""{"type":"blockquote","content":[{"type":"text","text":"a"}]}""", "Body: node 1.1 'text' is only allowed inside a paragraph or heading.")]
    [InlineData("""{"type":"horizontalRule","content":[{"type":"paragraph"}]}""", "Body: node 1 'horizontalRule' cannot have content.")]
    [InlineData("""{"type":"paragraph","content":[{"type":"text","text":""}]}""", "Body: node 1.1 'text' has no text; text nodes must not be empty.")]
    [InlineData("""{"type":"paragraph","content":[{"type":"text"}]}""", "Body: node 1.1 'text' has no text; text nodes must not be empty.")]
    [InlineData("""{"type":"paragraph","content":"<b>hi</b>"}""", "Body: node 1 has 'content' that is not a list.")]
    [InlineData("""{"type":"heading","attrs":[1]}""", "Body: node 1 has 'attrs' that are not an object.")]
    [InlineData("\"paragraph\"", "Body: node 1 is not a node.")]
    [InlineData("null", "Body: node 1 is not a node.")]
    [InlineData("""{"content":[]}""", "Body: node 1 has no type.")]
    [InlineData("""{"type":7}""", "Body: node 1 has no type.")]
    [InlineData("""{"type":"paragraph","marks":[{"type":"bold"}]}""", "Body: node 1 'paragraph' cannot have marks.")]
    public void Wrong_structure_is_refused_with_a_readable_message(string block, string expected)
    {
        Assert.Equal(expected, Refusal(Doc(block)));
    }

    [Theory]
    [InlineData("", "Body: is empty; it must be a document.")]
    [InlineData("   ", "Body: is empty; it must be a document.")]
    [InlineData("[]", "Body: is not a document (its type must be 'doc').")]
    [InlineData("""{"type":"paragraph"}""", "Body: is not a document (its type must be 'doc').")]
    [InlineData("""{"type":"doc"}""", "Body: the document is empty; it needs at least one paragraph.")]
    [InlineData("""{"type":"doc","content":[]}""", "Body: the document is empty; it needs at least one paragraph.")]
    [InlineData("<p>Hello</p>", "Body: is not valid JSON or is nested too deeply (line 1, position 1).")]
    [InlineData("""{"type":"doc","content":[{"type":"paragraph"}""", "Body: is not valid JSON or is nested too deeply (line 1, position 46).")]
    public void Input_that_is_not_a_document_is_refused(string json, string expected)
    {
        Assert.Equal(expected, Refusal(json));
    }

    [Fact]
    public void Duplicate_keys_are_refused_rather_than_guessed()
    {
        Assert.StartsWith("Body: is not valid JSON", Refusal("""{"type":"doc","content":[{"type":"paragraph","type":"image"}]}"""));
    }

    [Fact]
    public void Try_parse_reports_the_refusal_instead_of_throwing()
    {
        Assert.False(StoryBody.TryParse(Doc(H(1, T("a"))), out var body, out var error));
        Assert.Null(body);
        Assert.Equal("Body: node 1 'heading' level 1 is not allowed; use level 2, 3 or 4.", error);

        Assert.True(StoryBody.TryParse(Doc(P(T("a"))), out body, out error));
        Assert.Null(error);
        Assert.Equal("a", body.ToPlainText());
    }

    [Fact]
    public void Refusal_is_a_domain_exception()
    {
        Assert.IsAssignableFrom<DomainException>(Assert.Throws<InvalidStoryBodyException>(() => StoryBody.Parse("{}")));
    }

    [Fact]
    public void Unknown_attributes_and_keys_are_dropped_from_the_canonical_form()
    {
        var json = """
            {"type":"doc","attrs":{"x":1},"extra":true,"content":[
              {"type":"paragraph","attrs":{"textAlign":null,"class":"evil","style":"color:red","onclick":"alert(1)"},"id":"p1",
               "content":[{"type":"text","text":"a","extra":1,"marks":[{"type":"bold","attrs":{"onmouseover":"x"}}]}]},
              {"type":"heading","attrs":{"level":3,"textAlign":"center","id":"h"},"content":[{"type":"text","text":"b"}]},
              {"type":"orderedList","attrs":{"start":1,"type":null},"content":[{"type":"listItem","attrs":{"checked":true},"content":[{"type":"paragraph"}]}]},
              {"type":"figure","attrs":{"mediaId":"0f8fad5b-d9cb-469f-a165-70867728950e","alt":"","src":"javascript:alert(1)","onerror":"alert(1)"}}
            ]}
            """;

        var canonical = StoryBody.Parse(json).ToJson();

        Assert.Equal(
            """{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a","marks":[{"type":"bold"}]}]},""" +
            """{"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"b"}]},""" +
            """{"type":"orderedList","attrs":{"start":1},"content":[{"type":"listItem","content":[{"type":"paragraph"}]}]},""" +
            """{"type":"figure","attrs":{"mediaId":"0f8fad5b-d9cb-469f-a165-70867728950e","alt":"","caption":null}}]}""",
            canonical);
    }

    [Fact]
    public void Marks_are_written_in_a_fixed_order_whatever_order_they_came_in()
    {
        var a = StoryBody.Parse(Doc(P(T("x", Mark("strike"), Mark("bold"), Link("https://a.vn"), Mark("italic")))));
        var b = StoryBody.Parse(Doc(P(T("x", Mark("italic"), Link("https://a.vn"), Mark("bold"), Mark("strike")))));

        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Contains("""[{"type":"link","attrs":{"href":"https://a.vn"}},{"type":"bold"},{"type":"italic"},{"type":"strike"}]""", a.ToJson());
    }

    [Theory]
    [InlineData("""{"start":1}""", 1)]
    [InlineData("""{"start":7,"type":"a"}""", 7)]
    [InlineData("""{"type":null}""", 1)]
    [InlineData("null", 1)]
    public void Ordered_list_start_defaults_to_one_and_type_is_ignored(string attrs, int start)
    {
        var body = StoryBody.Parse(Doc($$"""{"type":"orderedList","attrs":{{attrs}},"content":[{{Li(P(T("a")))}}]}"""));

        Assert.Contains($$"""{"type":"orderedList","attrs":{"start":{{start}}},""", body.ToJson());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    public void Ordered_list_start_below_one_or_not_whole_is_refused(string start)
    {
        var message = Refusal(Doc($$"""{"type":"orderedList","attrs":{"start":{{start}}},"content":[{{Li(P(T("a")))}}]}"""));

        Assert.Equal("Body: node 1 'orderedList' start must be a whole number from 1 up.", message);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"mediaId":null}""")]
    [InlineData("""{"mediaId":"not-a-guid"}""")]
    [InlineData("""{"mediaId":"00000000-0000-0000-0000-000000000000"}""")]
    [InlineData("""{"mediaId":"{0f8fad5b-d9cb-469f-a165-70867728950e}"}""")]
    [InlineData("""{"mediaId":42}""")]
    public void Figure_without_a_valid_media_id_is_refused(string attrs)
    {
        var message = Refusal(Doc($$"""{"type":"figure","attrs":{{attrs}}}"""));

        Assert.Equal("Body: node 1 'figure' has no valid media id.", message);
    }

    [Fact]
    public void Figure_alt_and_caption_are_optional_and_must_be_text()
    {
        var body = StoryBody.Parse(Doc("""{"type":"figure","attrs":{"mediaId":"0F8FAD5B-D9CB-469F-A165-70867728950E"}}"""));

        Assert.Equal([new StoryFigure(MediaId, "", null)], body.Figures);
        Assert.Contains("\"mediaId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"", body.ToJson());
        Assert.Equal("Body: node 1 'figure' alt text must be text.",
            Refusal(Doc($$$"""{"type":"figure","attrs":{"mediaId":"{{{MediaId}}}","alt":["x"]}}""")));
        Assert.Equal("Body: node 1 'figure' caption must be text.",
            Refusal(Doc($$$"""{"type":"figure","attrs":{"mediaId":"{{{MediaId}}}","caption":{"html":"<b>"} }}""")));
    }

    [Fact]
    public void Figure_cannot_have_content()
    {
        Assert.Equal("Body: node 1 'figure' cannot have content.",
            Refusal(Doc($$"""{"type":"figure","attrs":{"mediaId":"{{MediaId}}"},"content":[{"type":"paragraph"}]}""")));
    }

    [Fact]
    public void Marks_on_a_hard_break_are_kept()
    {
        var body = StoryBody.Parse(Doc(P(T("a", Mark("bold")), """{"type":"hardBreak","marks":[{"type":"bold"}]}""", T("b", Mark("bold")))));

        Assert.Contains("""{"type":"hardBreak","marks":[{"type":"bold"}]}""", body.ToJson());
        Assert.Equal("<p><strong>a<br>b</strong></p>", body.ToHtml());
    }

    [Fact]
    public void Text_that_is_not_valid_unicode_is_refused()
    {
        var message = Refusal(Doc(P("""{"type":"text","text":"a\ud800b"}""")));

        Assert.Equal("Body: node 1.1 contains text that is not valid Unicode.", message);
        Assert.Equal("Body: contains text that is not valid Unicode.", Refusal(Doc("""{"type":"para\ud800graph"}""")));
        Assert.Equal("Body: contains text that is not valid Unicode.", Refusal(Doc(P(T("a", """{"type":"\udc00"}""")))));
        Assert.Equal("Body: contains text that is not valid Unicode.", Refusal(Doc(P(T("a"))).Replace("a", "\ud800", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_alt_caption_and_links_are_normalized_to_nfc()
    {
        const string Composed = "Hội nghị";
        var decomposed = Composed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(Composed, decomposed);

        var body = StoryBody.Parse(Doc(
            P(T(decomposed, Link("https://vi.wikipedia.org/wiki/" + decomposed.Replace(' ', '_')))),
            Figure(MediaId, decomposed, decomposed)));

        // Ordinal: a culture-aware comparison would treat the two forms as equal.
        Assert.Contains($"\"text\":\"{Composed}\"", body.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(decomposed, body.ToJson(), StringComparison.Ordinal);
        Assert.Equal(new StoryFigure(MediaId, Composed, Composed), body.Figures[0]);
        Assert.Contains($"href=\"https://vi.wikipedia.org/wiki/{Composed.Replace(' ', '_')}\"", body.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(Composed + "\n\n" + Composed, body.ToPlainText());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Canonical_json_round_trips(string json)
    {
        var body = StoryBody.Parse(json);

        var again = StoryBody.Parse(body.ToJson());

        Assert.Equal(body.ToJson(), again.ToJson());
        Assert.Equal(body, again);
        Assert.Equal(body.ToHtml(), again.ToHtml());
    }

    public static TheoryData<string> Documents() =>
    [
        Doc(P()),
        Doc(P(T("Xin chào <thế giới> & \"bạn\" 'ơi'"))),
        Doc(H(4, T("a", Mark("italic"), Link("mailto:toasoan@example.vn"))), P(Br, Br)),
        Doc(Ul(Li(P(T("a")), Quote(P(T("b")), Figure(MediaId, "x", null))), Li(P())), Ol(2, Li(P(T("c"))))),
        Doc(Figure(MediaId, "Ảnh \"đẹp\"", "Ảnh: TTXVN"), Hr, P(T("😀 emoji"))),
    ];
}
