using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsroomEditor.Core.Tests.Stories.RichText;

/// <summary>Builds ProseMirror JSON the way the editor sends it, so tests read as documents.</summary>
internal static class Json
{
    public static string Doc(params string[] blocks) => $$"""{"type":"doc","content":[{{string.Join(',', blocks)}}]}""";

    public static string P(params string[] inlines) =>
        inlines.Length == 0 ? """{"type":"paragraph"}""" : $$"""{"type":"paragraph","content":[{{string.Join(',', inlines)}}]}""";

    public static string H(int level, params string[] inlines) =>
        $$"""{"type":"heading","attrs":{"level":{{level}}},"content":[{{string.Join(',', inlines)}}]}""";

    public static string Quote(params string[] blocks) => $$"""{"type":"blockquote","content":[{{string.Join(',', blocks)}}]}""";

    public static string Ul(params string[] items) => $$"""{"type":"bulletList","content":[{{string.Join(',', items)}}]}""";

    public static string Ol(int start, params string[] items) =>
        $$"""{"type":"orderedList","attrs":{"start":{{start}},"type":null},"content":[{{string.Join(',', items)}}]}""";

    public static string Li(params string[] blocks) => $$"""{"type":"listItem","content":[{{string.Join(',', blocks)}}]}""";

    public static string Hr => """{"type":"horizontalRule"}""";

    public static string Br => """{"type":"hardBreak"}""";

    public static string Figure(Guid mediaId, string alt, string? caption) =>
        $$$"""{"type":"figure","attrs":{"mediaId":"{{{mediaId}}}","alt":{{{Str(alt)}}},"caption":{{{(caption is null ? "null" : Str(caption))}}}}}""";

    public static string T(string text, params string[] marks) =>
        marks.Length == 0
            ? $$"""{"type":"text","text":{{Str(text)}}}"""
            : $$"""{"type":"text","text":{{Str(text)}},"marks":[{{string.Join(',', marks)}}]}""";

    public static string Mark(string type) => $$"""{"type":"{{type}}"}""";

    public static string Link(string href) =>
        $$$"""{"type":"link","attrs":{"href":{{{Str(href)}}},"target":"_blank","rel":"noopener noreferrer nofollow","class":null}}""";

    // Like the browser: non-ASCII text as is, so sizes in tests are real sizes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Str(string value) => JsonSerializer.Serialize(value, Readable);
}
