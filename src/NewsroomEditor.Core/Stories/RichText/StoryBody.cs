using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// A story body: a validated ProseMirror JSON document (DESIGN.md §3). The JSON from the browser
/// editor is never trusted: <see cref="Parse"/> checks it against a fixed schema and keeps only
/// what the schema knows; <see cref="ToJson"/> is the canonical form that is stored, and
/// <see cref="ToHtml"/> renders HTML from an allow-list. Immutable, so safe to share and cache.
/// </summary>
/// <remarks>
/// Schema (Tiptap 3 names): <c>doc</c> of blocks; blocks <c>paragraph</c>, <c>heading</c> (level
/// 2–4), <c>blockquote</c>, <c>bulletList</c>, <c>orderedList</c> (start ≥ 1), <c>listItem</c>
/// (a paragraph, then blocks), <c>horizontalRule</c>, <c>figure</c> (mediaId, alt, caption);
/// inline <c>text</c> and <c>hardBreak</c>; marks <c>bold</c>, <c>italic</c>, <c>underline</c>,
/// <c>strike</c>, <c>link</c> (http, https and mailto only). All text is Unicode NFC.
/// </remarks>
public sealed class StoryBody : IEquatable<StoryBody>
{
    /// <summary>
    /// Largest accepted JSON, in UTF-8 bytes (5 MB). A long feature is a few hundred KB; the limit
    /// only stops hostile or broken input from tying up the server.
    /// </summary>
    public const int MaxJsonBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Deepest accepted node nesting, counting the document as level 1 (so a paragraph in the
    /// document is level 2 and its text level 3). Real bodies stay far below; the limit keeps
    /// recursion bounded for hostile input.
    /// </summary>
    public const int MaxDepth = 32;

    private readonly IReadOnlyList<Block> _blocks;

    // Derived views, computed on first use. Racing threads compute equal values, so no lock.
    private string? _json;
    private string? _plainText;
    private int _wordCount = -1;
    private int _characterCount = -1;

    private StoryBody(IReadOnlyList<Block> blocks)
    {
        _blocks = blocks;
        var figures = new List<StoryFigure>();
        CollectFigures(blocks, figures);
        Figures = figures.AsReadOnly();
    }

    /// <summary>A body with one empty paragraph: <c>{"type":"doc","content":[{"type":"paragraph"}]}</c>.</summary>
    public static StoryBody Empty { get; } = new([new Paragraph([])]);

    /// <summary>The figures in document order, including those inside lists and quotes.</summary>
    public IReadOnlyList<StoryFigure> Figures { get; }

    /// <summary>True when the body has no visible text and no figures (what the checklist calls "no body").</summary>
    public bool IsEmpty => Figures.Count == 0 && string.IsNullOrWhiteSpace(ToPlainText());

    /// <summary>
    /// Words in <see cref="ToPlainText"/>, split on whitespace. Vietnamese writes each syllable
    /// apart, so each syllable counts as a word, as Tiptap's CharacterCount counts in the editor.
    /// </summary>
    public int WordCount => _wordCount >= 0 ? _wordCount : _wordCount = CountWords(ToPlainText());

    /// <summary>
    /// Characters a reader sees in <see cref="ToPlainText"/>, spaces and punctuation included but
    /// line and paragraph breaks not; a letter with its diacritics or an emoji counts once.
    /// </summary>
    public int CharacterCount => _characterCount >= 0 ? _characterCount : _characterCount = CountCharacters(ToPlainText());

    /// <summary>Reads and validates a body from the editor's JSON.</summary>
    /// <exception cref="InvalidStoryBodyException">The JSON is not a valid body; the message says what and where.</exception>
    public static StoryBody Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new StoryBody(StoryBodySchema.Read(json));
    }

    /// <summary>Like <see cref="Parse"/>, but reports a refusal as <paramref name="error"/> instead of throwing.</summary>
    public static bool TryParse(
        string json,
        [NotNullWhen(true)] out StoryBody? body,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            body = Parse(json ?? "");
            error = null;
            return true;
        }
        catch (InvalidStoryBodyException e)
        {
            body = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// A body of plain paragraphs, one per string; line breaks inside a string become hard breaks.
    /// For seeding and tests: the text is trusted to be text, but still NFC-normalized.
    /// </summary>
    public static StoryBody FromParagraphs(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var blocks = new List<Block>();
        foreach (var paragraph in paragraphs)
        {
            var inlines = new List<Inline>();
            var lines = StoryBodySchema.ToNfc(paragraph ?? "").ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    inlines.Add(new HardBreak([]));
                if (lines[i].Length > 0)
                    inlines.Add(new TextRun(lines[i], []));
            }
            blocks.Add(new Paragraph(inlines));
        }
        return blocks.Count == 0 ? Empty : new StoryBody(blocks);
    }

    /// <summary>A body of one figure: how a featured photo is rendered by the same allow-list renderer as the body's.</summary>
    public static StoryBody FromFigure(Guid mediaId, string alt, string? caption)
    {
        var cleanCaption = StoryBodySchema.ToNfc(caption ?? "").Trim();
        return new StoryBody([new Figure(mediaId, StoryBodySchema.ToNfc(alt ?? "").Trim(), cleanCaption.Length == 0 ? null : cleanCaption)]);
    }

    /// <summary>
    /// The canonical JSON that is stored: NFC text, only known attributes, fixed key order, no
    /// whitespace. <c>Parse(body.ToJson()).ToJson() == body.ToJson()</c>.
    /// </summary>
    public string ToJson() => _json ??= StoryBodyJson.Write(_blocks);

    /// <summary>
    /// HTML for the public page and previews, built from an allow-list of elements and attributes
    /// with all text encoded. Figures whose image <paramref name="images"/> does not know (or when
    /// it is null) render as <c>&lt;figure class="figure-missing" data-media-id="…"&gt;</c> with the caption only.
    /// </summary>
    public string ToHtml(IFigureImageSource? images = null) => StoryBodyHtmlRenderer.Render(_blocks, images);

    /// <summary>
    /// The text for search, diffs and counts: blocks separated by a blank line ("\n\n"), list items
    /// and hard breaks on their own lines ("\n"), figure captions as blocks. Empty blocks, rules
    /// and figures without captions add nothing.
    /// </summary>
    public string ToPlainText() => _plainText ??= PlainTextWriter.Write(_blocks);

    /// <summary>Bodies are equal when their canonical JSON is.</summary>
    public bool Equals(StoryBody? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToJson(), other.ToJson(), StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as StoryBody);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    private static void CollectFigures(IReadOnlyList<Block> blocks, List<StoryFigure> figures)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Figure f:
                    figures.Add(new StoryFigure(f.MediaId, f.Alt, f.Caption));
                    break;
                case Blockquote q:
                    CollectFigures(q.Content, figures);
                    break;
                case BulletList l:
                    foreach (var item in l.Items)
                        CollectFigures(item.Content, figures);
                    break;
                case OrderedList l:
                    foreach (var item in l.Items)
                        CollectFigures(item.Content, figures);
                    break;
            }
        }
    }

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }
        return words;
    }

    private static int CountCharacters(string text)
    {
        // Walks grapheme clusters over a span: no string per character, even for a 5 MB body.
        var count = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var length = StringInfo.GetNextTextElementLength(rest);
            if (rest[..length] is not ("\n" or "\r\n" or "\r"))
                count++;
            rest = rest[length..];
        }
        return count;
    }

    /// <summary>
    /// Writes blocks with the right break before each piece of text. A separator is only written
    /// once text follows it, and the strongest one asked for since the last text wins, so a list
    /// after a paragraph is set off by "\n\n" while its items are set off by "\n".
    /// </summary>
    private sealed class PlainTextWriter
    {
        private const string BlockBreak = "\n\n";
        private const string LineBreak = "\n";

        private readonly StringBuilder _text = new();
        private string _pending = "";

        public static string Write(IReadOnlyList<Block> blocks)
        {
            var writer = new PlainTextWriter();
            writer.WriteBlocks(blocks, BlockBreak);
            return writer._text.ToString();
        }

        private void WriteBlocks(IReadOnlyList<Block> blocks, string separator)
        {
            foreach (var block in blocks)
            {
                Separate(separator);
                switch (block)
                {
                    case Paragraph p:
                        WriteInlines(p.Content);
                        break;
                    case Heading h:
                        WriteInlines(h.Content);
                        break;
                    case Blockquote q:
                        WriteBlocks(q.Content, BlockBreak);
                        break;
                    case BulletList l:
                        WriteItems(l.Items);
                        break;
                    case OrderedList l:
                        WriteItems(l.Items);
                        break;
                    case Figure f when f.Caption is not null:
                        Write(f.Caption);
                        break;
                }
                Separate(separator);
            }
        }

        private void WriteItems(IReadOnlyList<ListItem> items)
        {
            foreach (var item in items)
                WriteBlocks(item.Content, LineBreak);
        }

        private void WriteInlines(IReadOnlyList<Inline> inlines)
        {
            foreach (var inline in inlines)
                Write(inline is TextRun run ? run.Text : LineBreak);
        }

        private void Separate(string separator)
        {
            if (separator.Length > _pending.Length)
                _pending = separator;
        }

        private void Write(string text)
        {
            if (_text.Length > 0)
                _text.Append(_pending);
            _pending = "";
            _text.Append(text);
        }
    }
}
