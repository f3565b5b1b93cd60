using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// Writes the canonical JSON of a body: the same ProseMirror shape Tiptap loads, with only the
/// attributes the schema knows, keys in a fixed order (type, attrs, content | text, marks) and no
/// whitespace, so equal bodies are equal strings and revisions diff cleanly.
/// </summary>
internal static class StoryBodyJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Vietnamese stays readable in the database; <>&'" are still escaped, so the JSON can be
        // embedded in a page without breaking out of a script block.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
        // The reader enforces the depth limit; a body built in code never nests deeper than it reads.
        MaxDepth = 2 * StoryBody.MaxDepth + 8,
    };

    public static string Write(IReadOnlyList<Block> blocks)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "doc");
            WriteContent(writer, blocks);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteContent(Utf8JsonWriter writer, IReadOnlyList<Block> blocks)
    {
        writer.WriteStartArray("content");
        foreach (var block in blocks)
            WriteBlock(writer, block);
        writer.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter writer, Block block)
    {
        writer.WriteStartObject();
        switch (block)
        {
            case Paragraph p:
                writer.WriteString("type", "paragraph");
                WriteInlines(writer, p.Content);
                break;
            case Heading h:
                writer.WriteString("type", "heading");
                writer.WriteStartObject("attrs");
                writer.WriteNumber("level", h.Level);
                writer.WriteEndObject();
                WriteInlines(writer, h.Content);
                break;
            case Blockquote q:
                writer.WriteString("type", "blockquote");
                WriteContent(writer, q.Content);
                break;
            case BulletList l:
                writer.WriteString("type", "bulletList");
                WriteItems(writer, l.Items);
                break;
            case OrderedList l:
                writer.WriteString("type", "orderedList");
                writer.WriteStartObject("attrs");
                writer.WriteNumber("start", l.Start);
                writer.WriteEndObject();
                WriteItems(writer, l.Items);
                break;
            case HorizontalRule:
                writer.WriteString("type", "horizontalRule");
                break;
            case Figure f:
                writer.WriteString("type", "figure");
                writer.WriteStartObject("attrs");
                writer.WriteString("mediaId", f.MediaId.ToString("D"));
                writer.WriteString("alt", f.Alt);
                if (f.Caption is null)
                    writer.WriteNull("caption");
                else
                    writer.WriteString("caption", f.Caption);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unexpected block {block.GetType().Name}.");
        }
        writer.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter writer, IReadOnlyList<ListItem> items)
    {
        writer.WriteStartArray("content");
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "listItem");
            WriteContent(writer, item.Content);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteInlines(Utf8JsonWriter writer, IReadOnlyList<Inline> inlines)
    {
        // An empty paragraph has no "content" key, as ProseMirror's own toJSON writes it.
        if (inlines.Count == 0)
            return;
        writer.WriteStartArray("content");
        foreach (var inline in inlines)
        {
            writer.WriteStartObject();
            if (inline is TextRun run)
            {
                writer.WriteString("type", "text");
                writer.WriteString("text", run.Text);
            }
            else
            {
                writer.WriteString("type", "hardBreak");
            }
            WriteMarks(writer, inline.Marks);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteMarks(Utf8JsonWriter writer, IReadOnlyList<Mark> marks)
    {
        if (marks.Count == 0)
            return;
        writer.WriteStartArray("marks");
        foreach (var mark in marks)
        {
            writer.WriteStartObject();
            writer.WriteString("type", mark.Kind switch
            {
                MarkKind.Link => "link",
                MarkKind.Bold => "bold",
                MarkKind.Italic => "italic",
                MarkKind.Underline => "underline",
                MarkKind.Strike => "strike",
                _ => throw new InvalidOperationException($"Unexpected mark {mark.Kind}."),
            });
            if (mark.Kind == MarkKind.Link)
            {
                writer.WriteStartObject("attrs");
                writer.WriteString("href", mark.Href);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
