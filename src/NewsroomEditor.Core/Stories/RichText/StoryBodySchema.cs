using System.Text;
using System.Text.Json;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// Reads a ProseMirror JSON document (Tiptap 3 StarterKit without code and codeBlock, plus
/// <c>figure</c>) into the body tree, refusing anything outside the schema. Unknown attributes and
/// unknown keys on known nodes are ignored, so they drop out of the canonical form; unknown node and
/// mark types, wrong nesting and bad values are refused with a message naming the node.
/// </summary>
internal sealed class StoryBodySchema
{
    // Strict UTF-8: a lone surrogate in the input is refused instead of silently becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // 1-based child indices from the document down to the node being read; turned into "3.1" only
    // when a message needs it, so valid documents pay nothing for error reporting.
    private readonly List<int> _path = [];

    private StoryBodySchema()
    {
    }

    public static IReadOnlyList<Block> Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new InvalidStoryBodyException("Body: is empty; it must be a document.");

        // The limit is on UTF-8 bytes (what travels and is stored); counting first avoids
        // allocating a huge buffer for hostile input.
        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(json);
        }
        catch (EncoderFallbackException)
        {
            throw new InvalidStoryBodyException("Body: contains text that is not valid Unicode.");
        }
        if (byteCount > StoryBody.MaxJsonBytes)
            throw new InvalidStoryBodyException(
                "Body: is too large ({0:0.0} MB); at most {1} MB is allowed.", byteCount / (1024.0 * 1024.0), StoryBody.MaxJsonBytes / (1024 * 1024));

        var options = new JsonDocumentOptions
        {
            // Each node level costs two JSON levels (node object, content array) plus a few for
            // marks and attrs; this lets the node-depth check below give the readable message,
            // while bare [[[[…]]]] still stops in the parser, long before the stack is at risk.
            MaxDepth = 2 * StoryBody.MaxDepth + 4,
            // {"type":"paragraph","type":"image"} must not mean one thing here and another in a browser.
            AllowDuplicateProperties = false,
        };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, options);
        }
        catch (JsonException e)
        {
            if (e.LineNumber is { } line && e.BytePositionInLine is { } position)
                throw new InvalidStoryBodyException("Body: is not valid JSON or is nested too deeply (line {0}, position {1}).", line + 1, position + 1);
            throw new InvalidStoryBodyException("Body: is not valid JSON or is nested too deeply.");
        }

        using (document)
        {
            try
            {
                return new StoryBodySchema().ReadDocument(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // Reading a string with an escaped lone surrogate ("\ud800") in a type name or id;
                // text values get a message with their node from Nfc() instead.
                throw new InvalidStoryBodyException("Body: contains text that is not valid Unicode.");
            }
        }
    }

    private IReadOnlyList<Block> ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String || !type.ValueEquals("doc"))
            throw new InvalidStoryBodyException("Body: is not a document (its type must be 'doc').");

        var content = Content(root);
        if (content.Length == 0)
            throw new InvalidStoryBodyException("Body: the document is empty; it needs at least one paragraph.");
        return ReadBlocks(content);
    }

    private Block[] ReadBlocks(JsonElement[] nodes)
    {
        var blocks = new Block[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _path.Add(i + 1);
            blocks[i] = ReadBlock(nodes[i]);
            _path.RemoveAt(_path.Count - 1);
        }
        return blocks;
    }

    private Block ReadBlock(JsonElement node)
    {
        var type = TypeOf(node);
        NoMarks(node, type);
        switch (type)
        {
            case "paragraph":
                return new Paragraph(ReadInlines(node));
            case "heading":
                return new Heading(ReadHeadingLevel(node), ReadInlines(node));
            case "blockquote":
                return new Blockquote(ReadBlocks(NonEmptyContent(node, type, DomainText.Get("at least one paragraph"))));
            case "bulletList":
                return new BulletList(ReadListItems(node, type));
            case "orderedList":
                return new OrderedList(ReadOrderedListStart(node), ReadListItems(node, type));
            case "horizontalRule":
                NoContent(node, type);
                return new HorizontalRule();
            case "figure":
                NoContent(node, type);
                return ReadFigure(node);
            case "listItem":
                throw Fail(DomainText.Get("'listItem' is only allowed directly inside a bulleted or numbered list."));
            case "text" or "hardBreak":
                throw Fail(DomainText.Format("'{0}' is only allowed inside a paragraph or heading.", type));
            default:
                throw NotAllowed(type);
        }
    }

    private ListItem[] ReadListItems(JsonElement list, string listType)
    {
        var nodes = NonEmptyContent(list, listType, DomainText.Get("at least one item"));
        var items = new ListItem[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _path.Add(i + 1);
            var type = TypeOf(nodes[i]);
            if (type != "listItem")
                throw Fail(IsPlainName(type)
                    ? DomainText.Format("'{0}' is not allowed directly inside a list; only list items are.", type)
                    : DomainText.Get("is not allowed directly inside a list; only list items are."));
            NoMarks(nodes[i], type);
            var content = ReadBlocks(NonEmptyContent(nodes[i], type, DomainText.Get("a paragraph")));
            if (content[0] is not Paragraph)
            {
                _path.Add(1);
                throw Fail(DomainText.Get("a list item must start with a paragraph."));
            }
            items[i] = new ListItem(content);
            _path.RemoveAt(_path.Count - 1);
        }
        return items;
    }

    private Inline[] ReadInlines(JsonElement block)
    {
        var nodes = Content(block);
        var inlines = new Inline[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _path.Add(i + 1);
            var node = nodes[i];
            var type = TypeOf(node);
            switch (type)
            {
                case "text":
                    NoContent(node, type);
                    var text = node.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String
                        ? Nfc(value)
                        : "";
                    if (text.Length == 0)
                        throw Fail(DomainText.Get("'text' has no text; text nodes must not be empty."));
                    inlines[i] = new TextRun(text, ReadMarks(node));
                    break;
                case "hardBreak":
                    NoContent(node, type);
                    inlines[i] = new HardBreak(ReadMarks(node));
                    break;
                case "paragraph" or "heading" or "blockquote" or "bulletList" or "orderedList" or "listItem"
                    or "horizontalRule" or "figure":
                    throw Fail(DomainText.Format("'{0}' cannot be inside a paragraph or heading.", type));
                default:
                    throw NotAllowed(type);
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return inlines;
    }

    private Mark[] ReadMarks(JsonElement node)
    {
        if (!node.TryGetProperty("marks", out var marks) || marks.ValueKind == JsonValueKind.Null)
            return [];
        if (marks.ValueKind != JsonValueKind.Array)
            throw Fail(DomainText.Get("has 'marks' that are not a list."));

        var result = new List<Mark>(marks.GetArrayLength());
        foreach (var markNode in marks.EnumerateArray())
        {
            if (markNode.ValueKind != JsonValueKind.Object || !markNode.TryGetProperty("type", out var typeValue)
                || typeValue.ValueKind != JsonValueKind.String)
                throw Fail(DomainText.Get("has a mark without a type."));
            var type = typeValue.GetString()!;
            var mark = type switch
            {
                "bold" => new Mark(MarkKind.Bold),
                "italic" => new Mark(MarkKind.Italic),
                "underline" => new Mark(MarkKind.Underline),
                "strike" => new Mark(MarkKind.Strike),
                "link" => new Mark(MarkKind.Link, ReadHref(markNode)),
                _ => throw Fail(IsPlainName(type) ? DomainText.Format("mark '{0}' is not allowed.", type) : DomainText.Get("has a mark that is not allowed.")),
            };
            if (result.Exists(m => m.Kind == mark.Kind))
                throw Fail(DomainText.Format("mark '{0}' appears more than once.", type));
            result.Add(mark);
        }
        // Order does not matter to ProseMirror (it sorts marks by schema rank on load), so the
        // canonical form fixes one order; that also fixes the HTML nesting.
        result.Sort((a, b) => a.Kind.CompareTo(b.Kind));
        return [.. result];
    }

    private string ReadHref(JsonElement linkMark)
    {
        if (!TryGetAttr(linkMark, "href", out var value) || value.ValueKind != JsonValueKind.String)
            throw Fail(DomainText.Get("has a link without an address."));
        var href = Nfc(value);
        if (!LinkPolicy.IsAllowed(href))
            throw Fail(DomainText.Get("has a link address that is not allowed; a link must be a full address starting with http://, https:// or mailto:."));
        return href;
    }

    private int ReadHeadingLevel(JsonElement heading)
    {
        if (TryGetAttr(heading, "level", out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var level) && level is >= 2 and <= 4)
            return level;
        throw value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var bad)
            ? Fail(DomainText.Format("'heading' level {0} is not allowed; use level 2, 3 or 4.", bad))
            : Fail(DomainText.Get("'heading' level is not allowed; use level 2, 3 or 4."));
    }

    private int ReadOrderedListStart(JsonElement list)
    {
        // Tiptap also sends attrs.type (often null); it has no meaning here and is dropped.
        if (!TryGetAttr(list, "start", out var value))
            return 1;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var start) && start >= 1)
            return start;
        throw Fail(DomainText.Get("'orderedList' start must be a whole number from 1 up."));
    }

    private Figure ReadFigure(JsonElement figure)
    {
        if (!TryGetAttr(figure, "mediaId", out var id) || id.ValueKind != JsonValueKind.String
            || !Guid.TryParseExact(id.GetString(), "D", out var mediaId) || mediaId == Guid.Empty)
            throw Fail(DomainText.Get("'figure' has no valid media id."));

        var alt = "";
        if (TryGetAttr(figure, "alt", out var altValue))
        {
            if (altValue.ValueKind != JsonValueKind.String)
                throw Fail(DomainText.Get("'figure' alt text must be text."));
            alt = Nfc(altValue);
        }

        string? caption = null;
        if (TryGetAttr(figure, "caption", out var captionValue))
        {
            if (captionValue.ValueKind != JsonValueKind.String)
                throw Fail(DomainText.Get("'figure' caption must be text."));
            var text = Nfc(captionValue);
            caption = text.Length == 0 ? null : text;
        }
        return new Figure(mediaId, alt, caption);
    }

    /// <summary>The node's type; refuses non-objects and nodes nested deeper than the limit.</summary>
    private string TypeOf(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
            throw Fail(DomainText.Get("is not a node."));
        if (!node.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            throw Fail(DomainText.Get("has no type."));
        // The document is level 1, so a node's level is its path length + 1.
        if (_path.Count + 1 > StoryBody.MaxDepth)
            throw Fail(DomainText.Format("is nested too deeply; at most {0} levels are allowed.", StoryBody.MaxDepth));
        return type.GetString()!;
    }

    private JsonElement[] Content(JsonElement node)
    {
        if (!node.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
            return [];
        if (content.ValueKind != JsonValueKind.Array)
            throw Fail(DomainText.Get("has 'content' that is not a list."));
        var result = new JsonElement[content.GetArrayLength()];
        var i = 0;
        foreach (var child in content.EnumerateArray())
            result[i++] = child;
        return result;
    }

    private JsonElement[] NonEmptyContent(JsonElement node, string type, string needs)
    {
        var content = Content(node);
        if (content.Length == 0)
            throw Fail(DomainText.Format("'{0}' is empty; it needs {1}.", type, needs));
        return content;
    }

    private void NoContent(JsonElement node, string type)
    {
        if (Content(node).Length > 0)
            throw Fail(DomainText.Format("'{0}' cannot have content.", type));
    }

    private void NoMarks(JsonElement node, string type)
    {
        if (node.TryGetProperty("marks", out var marks) && marks.ValueKind == JsonValueKind.Array
            && marks.GetArrayLength() > 0)
            throw Fail(DomainText.Format("'{0}' cannot have marks.", type));
    }

    /// <summary>An attribute that is present and not null; attrs that are not an object are refused.</summary>
    private bool TryGetAttr(JsonElement node, string name, out JsonElement value)
    {
        value = default;
        if (!node.TryGetProperty("attrs", out var attrs) || attrs.ValueKind == JsonValueKind.Null)
            return false;
        if (attrs.ValueKind != JsonValueKind.Object)
            throw Fail(DomainText.Get("has 'attrs' that are not an object."));
        return attrs.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private string Nfc(JsonElement value)
    {
        try
        {
            return ToNfc(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") parses as JSON but is not text.
            throw Fail(DomainText.Get("contains text that is not valid Unicode."));
        }
        catch (InvalidStoryBodyException)
        {
            throw Fail(DomainText.Get("contains text that is not valid Unicode."));
        }
    }

    /// <summary>Unicode NFC, as all stored text is; refuses strings that are not valid UTF-16.</summary>
    internal static string ToNfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            throw new InvalidStoryBodyException("Body: contains text that is not valid Unicode.");
        }
    }

    private InvalidStoryBodyException Fail(string problem)
    {
        var where = _path.Count == 0 ? DomainText.Get("the document") : DomainText.Format("node {0}", string.Join('.', _path));
        return new InvalidStoryBodyException("Body: {0} {1}", where, problem);
    }

    private InvalidStoryBodyException NotAllowed(string type) =>
        Fail(IsPlainName(type) ? DomainText.Format("'{0}' is not allowed.", type) : DomainText.Get("has a type that is not allowed."));

    /// <summary>
    /// Whether a type name from the client may be quoted in a message: only short plain names, so a
    /// hostile "type" cannot put markup or megabytes into an error shown to a user or a log.
    /// </summary>
    private static bool IsPlainName(string type) =>
        type.Length is > 0 and <= 40 && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
