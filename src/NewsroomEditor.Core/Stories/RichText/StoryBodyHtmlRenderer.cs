using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// Renders the validated body tree as HTML from a fixed allow-list of elements and attributes.
/// Every piece of text and every attribute value goes through <see cref="HtmlEncoder"/>; nothing
/// from the client is ever written raw, and no element or attribute outside this file can appear.
/// </summary>
internal sealed class StoryBodyHtmlRenderer
{
    // UnicodeRanges.All keeps Vietnamese as readable UTF-8; <>&"' (and a few others) are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html;
    private readonly StringWriter _writer;
    private readonly IFigureImageSource? _images;

    // Marks currently open inside a paragraph or heading, outermost first.
    private readonly List<Mark> _openMarks = new(5);

    private StoryBodyHtmlRenderer(IFigureImageSource? images)
    {
        _html = new StringBuilder();
        _writer = new StringWriter(_html, CultureInfo.InvariantCulture);
        _images = images;
    }

    public static string Render(IReadOnlyList<Block> blocks, IFigureImageSource? images)
    {
        var renderer = new StoryBodyHtmlRenderer(images);
        renderer.WriteBlocks(blocks);
        return renderer._html.ToString();
    }

    private void WriteBlocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
            WriteBlock(block);
    }

    private void WriteBlock(Block block)
    {
        switch (block)
        {
            case Paragraph p:
                _html.Append("<p>");
                WriteInlines(p.Content);
                _html.Append("</p>");
                break;
            case Heading h:
                _html.Append("<h").Append(h.Level).Append('>');
                WriteInlines(h.Content);
                _html.Append("</h").Append(h.Level).Append('>');
                break;
            case Blockquote q:
                _html.Append("<blockquote>");
                WriteBlocks(q.Content);
                _html.Append("</blockquote>");
                break;
            case BulletList l:
                _html.Append("<ul>");
                WriteItems(l.Items);
                _html.Append("</ul>");
                break;
            case OrderedList l:
                _html.Append("<ol");
                if (l.Start != 1)
                    _html.Append(" start=\"").Append(l.Start).Append('"');
                _html.Append('>');
                WriteItems(l.Items);
                _html.Append("</ol>");
                break;
            case HorizontalRule:
                _html.Append("<hr>");
                break;
            case Figure f:
                WriteFigure(f);
                break;
            default:
                throw new InvalidOperationException($"Unexpected block {block.GetType().Name}.");
        }
    }

    private void WriteItems(IReadOnlyList<ListItem> items)
    {
        foreach (var item in items)
        {
            _html.Append("<li>");
            WriteBlocks(item.Content);
            _html.Append("</li>");
        }
    }

    /// <summary>
    /// Opens and closes marks like ProseMirror's DOM serializer: a mark shared with the previous
    /// run stays open, so "<a>read <strong>this</strong></a>" is one link, and nesting always
    /// follows <see cref="MarkKind"/> order, so the same body always gives the same HTML.
    /// </summary>
    private void WriteInlines(IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            var keep = 0;
            while (keep < _openMarks.Count && keep < inline.Marks.Count && _openMarks[keep] == inline.Marks[keep])
                keep++;
            CloseMarksDownTo(keep);
            for (var i = keep; i < inline.Marks.Count; i++)
            {
                OpenMark(inline.Marks[i]);
                _openMarks.Add(inline.Marks[i]);
            }

            if (inline is TextRun run)
                Encoder.Encode(_writer, run.Text);
            else
                _html.Append("<br>");
        }
        CloseMarksDownTo(0);
    }

    private void CloseMarksDownTo(int count)
    {
        for (var i = _openMarks.Count - 1; i >= count; i--)
        {
            _html.Append(_openMarks[i].Kind switch
            {
                MarkKind.Link => "</a>",
                MarkKind.Bold => "</strong>",
                MarkKind.Italic => "</em>",
                MarkKind.Underline => "</u>",
                MarkKind.Strike => "</s>",
                _ => throw new InvalidOperationException($"Unexpected mark {_openMarks[i].Kind}."),
            });
            _openMarks.RemoveAt(i);
        }
    }

    private void OpenMark(Mark mark)
    {
        switch (mark.Kind)
        {
            case MarkKind.Link:
                // No target: readers decide where links open. rel keeps the story from lending
                // its reputation or window to the linked site.
                _html.Append("<a");
                Attribute("href", mark.Href!);
                _html.Append(" rel=\"noopener noreferrer nofollow\">");
                break;
            case MarkKind.Bold:
                _html.Append("<strong>");
                break;
            case MarkKind.Italic:
                _html.Append("<em>");
                break;
            case MarkKind.Underline:
                _html.Append("<u>");
                break;
            case MarkKind.Strike:
                _html.Append("<s>");
                break;
            default:
                throw new InvalidOperationException($"Unexpected mark {mark.Kind}.");
        }
    }

    private void WriteFigure(Figure figure)
    {
        var image = _images?.Find(figure.MediaId);
        if (image is null)
        {
            // Keeps the caption and lets the page (or an editor preview) show that the image is gone.
            _html.Append("<figure class=\"figure-missing\"");
            Attribute("data-media-id", figure.MediaId.ToString("D"));
            _html.Append('>');
        }
        else
        {
            _html.Append("<figure>");
            // WebP first, for the browsers that take it; the <img> inside is the JPEG fallback and
            // keeps every attribute (alt, size, lazy loading), so layout and accessibility are the img's.
            var picture = !string.IsNullOrEmpty(image.WebpSrcSet);
            if (picture)
            {
                _html.Append("<picture><source type=\"image/webp\"");
                Attribute("srcset", image.WebpSrcSet!);
                if (!string.IsNullOrEmpty(image.Sizes))
                    Attribute("sizes", image.Sizes);
                _html.Append('>');
            }
            _html.Append("<img");
            Attribute("src", image.Src);
            if (!string.IsNullOrEmpty(image.SrcSet))
                Attribute("srcset", image.SrcSet);
            if (!string.IsNullOrEmpty(image.Sizes))
                Attribute("sizes", image.Sizes);
            if (image.Width is > 0)
                _html.Append(" width=\"").Append(image.Width.Value).Append('"');
            if (image.Height is > 0)
                _html.Append(" height=\"").Append(image.Height.Value).Append('"');
            Attribute("alt", figure.Alt);
            _html.Append(" loading=\"lazy\" decoding=\"async\">");
            if (picture)
                _html.Append("</picture>");
        }

        if (!string.IsNullOrEmpty(figure.Caption))
        {
            _html.Append("<figcaption>");
            Encoder.Encode(_writer, figure.Caption);
            _html.Append("</figcaption>");
        }
        _html.Append("</figure>");
    }

    private void Attribute(string name, string value)
    {
        _html.Append(' ').Append(name).Append("=\"");
        Encoder.Encode(_writer, value);
        _html.Append('"');
    }
}
