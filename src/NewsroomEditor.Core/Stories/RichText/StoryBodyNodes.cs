namespace NewsroomEditor.Core.Stories.RichText;

// The validated body as a small immutable tree. Only shapes the schema allows can be built, so the
// JSON writer, the HTML renderer and the plain-text view need no checks of their own: a node type
// or attribute that is not modelled here cannot reach the output.

internal abstract record Block;

internal sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

internal sealed record Heading(int Level, IReadOnlyList<Inline> Content) : Block;

internal sealed record Blockquote(IReadOnlyList<Block> Content) : Block;

internal sealed record BulletList(IReadOnlyList<ListItem> Items) : Block;

internal sealed record OrderedList(int Start, IReadOnlyList<ListItem> Items) : Block;

/// <summary>Always starts with a <see cref="Paragraph"/>, as Tiptap's <c>paragraph block*</c>.</summary>
internal sealed record ListItem(IReadOnlyList<Block> Content);

internal sealed record HorizontalRule : Block;

internal sealed record Figure(Guid MediaId, string Alt, string? Caption) : Block;

/// <summary>Inline content; <see cref="Marks"/> is sorted by <see cref="MarkKind"/> without duplicates.</summary>
internal abstract record Inline(IReadOnlyList<Mark> Marks);

internal sealed record TextRun(string Text, IReadOnlyList<Mark> Marks) : Inline(Marks);

/// <summary>ProseMirror lets a hard break carry marks (bold across a line break), so it may have them too.</summary>
internal sealed record HardBreak(IReadOnlyList<Mark> Marks) : Inline(Marks);

/// <summary>
/// The order here is the canonical mark order, in JSON and in HTML nesting: the link outermost, so
/// a link spanning bold and plain words renders as one <c>&lt;a&gt;</c>.
/// </summary>
internal enum MarkKind
{
    Link,
    Bold,
    Italic,
    Underline,
    Strike,
}

/// <param name="Kind">Which mark.</param>
/// <param name="Href">Only for <see cref="MarkKind.Link"/>: an address already checked by <see cref="LinkPolicy"/>.</param>
internal readonly record struct Mark(MarkKind Kind, string? Href = null);
