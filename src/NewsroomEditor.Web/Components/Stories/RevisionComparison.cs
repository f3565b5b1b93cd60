using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>How a line (or a word within a modified line) differs between two revisions.</summary>
public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
    Modified,
    /// <summary>No line on this side: the other side has a line this one lacks.</summary>
    Empty,
}

/// <summary>A word (or the spaces and punctuation between words) of a modified line.</summary>
public sealed record DiffWord(string Text, DiffKind Kind);

/// <summary>One side of a row: the line number and text on that side, or <see cref="DiffKind.Empty"/>.</summary>
public sealed record DiffCell(int? LineNumber, string Text, DiffKind Kind, IReadOnlyList<DiffWord> Words);

/// <summary>One row of a side-by-side comparison: the older line on the left, the newer on the right.</summary>
public sealed record DiffRow(DiffCell Old, DiffCell New)
{
    public bool IsChange => Old.Kind != DiffKind.Unchanged || New.Kind != DiffKind.Unchanged;
}

/// <summary>
/// The field names the comparison writes before each field's line ("Headline: …"), in the reader's
/// interface language; <see cref="English"/> when none are given.
/// </summary>
public sealed record RevisionFieldNames(string Headline, string Lead, string Body, string Byline, string Tags, string Slug)
{
    public static RevisionFieldNames English { get; } = new("Headline", "Lead", "Body", "Byline", "Tags", "Slug");
}

/// <summary>The content of a revision as the comparison reads it; plain text only.</summary>
public sealed record RevisionText(string Headline, string Lead, string Body, string Byline, IReadOnlyList<string> Tags, string Slug)
{
    /// <summary>
    /// Reads a stored revision through its <see cref="StoryRevision.Content"/>. The body is the plain
    /// text the domain keeps for comparing revisions (<see cref="StoryRevision.BodyText"/>, made by
    /// <c>StoryBody.ToPlainText()</c> when saved), so the body is not rendered again.
    /// </summary>
    public static RevisionText From(StoryRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var content = revision.Content;
        return new(content.Headline, content.Lead, revision.BodyText, content.Byline, content.Tags, content.Slug);
    }

    /// <summary>
    /// One field per line, labelled, the body one paragraph per line: headline, lead, body,
    /// byline, tags, slug. Blank lines are dropped so that paragraph spacing is no change.
    /// </summary>
    public string Render(RevisionFieldNames? names = null)
    {
        names ??= RevisionFieldNames.English;
        var lines = new List<string>
        {
            names.Headline + ": " + Headline,
            names.Lead + ": " + Lead,
            names.Body + ":",
        };
        lines.AddRange(Body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0));
        lines.Add(names.Byline + ": " + Byline);
        lines.Add(names.Tags + ": " + string.Join(", ", Tags));
        lines.Add(names.Slug + ": " + Slug);
        return string.Join('\n', lines);
    }
}

/// <summary>
/// Builds the side-by-side comparison of two revisions with DiffPlex: rows of aligned lines,
/// each marked unchanged, inserted, deleted or modified, modified lines split into words.
/// </summary>
public static class RevisionComparison
{
    public static IReadOnlyList<DiffRow> Compare(RevisionText older, RevisionText newer, RevisionFieldNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return Compare(older.Render(names), newer.Render(names));
    }

    public static IReadOnlyList<DiffRow> Compare(StoryRevision older, StoryRevision newer, RevisionFieldNames? names = null) =>
        Compare(RevisionText.From(older), RevisionText.From(newer), names);

    /// <summary>Compares two texts line by line; both panes of DiffPlex's model are aligned, row for row.</summary>
    public static IReadOnlyList<DiffRow> Compare(string oldText, string newText)
    {
        var model = SideBySideDiffBuilder.Diff(oldText ?? "", newText ?? "", ignoreWhiteSpace: false, ignoreCase: false);
        var oldLines = model.OldText.Lines;
        var newLines = model.NewText.Lines;
        var rows = new List<DiffRow>(Math.Max(oldLines.Count, newLines.Count));
        for (var i = 0; i < Math.Max(oldLines.Count, newLines.Count); i++)
        {
            rows.Add(new DiffRow(
                Cell(i < oldLines.Count ? oldLines[i] : null),
                Cell(i < newLines.Count ? newLines[i] : null)));
        }
        return rows;
    }

    private static DiffCell Cell(DiffPiece? line)
    {
        if (line is null || line.Type == ChangeType.Imaginary)
            return new DiffCell(null, "", DiffKind.Empty, []);
        var kind = Kind(line.Type);
        IReadOnlyList<DiffWord> words = kind == DiffKind.Modified
            ? line.SubPieces
                .Where(p => p.Type != ChangeType.Imaginary && !string.IsNullOrEmpty(p.Text))
                .Select(p => new DiffWord(p.Text, Kind(p.Type)))
                .ToList()
            : [];
        return new DiffCell(line.Position, line.Text ?? "", kind, words);
    }

    private static DiffKind Kind(ChangeType type) => type switch
    {
        ChangeType.Inserted => DiffKind.Inserted,
        ChangeType.Deleted => DiffKind.Deleted,
        ChangeType.Modified => DiffKind.Modified,
        ChangeType.Imaginary => DiffKind.Empty,
        _ => DiffKind.Unchanged,
    };
}
