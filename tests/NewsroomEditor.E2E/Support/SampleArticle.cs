namespace NewsroomEditor.E2E.Support;

/// <summary>
/// The real article of ../shared/fixtures/sample-article-vi.txt (copied into Fixtures/), split as a reader sees it:
/// language switch, date line, headline, lead, body paragraphs, photo captions, byline, share line.
/// </summary>
public sealed record SampleArticle(string DateLine, string Headline, string Lead, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, string Byline)
{
    /// <summary>The body in the sample's order: each block is a paragraph or, where a photo stands, its caption.</summary>
    public IReadOnlyList<(bool IsCaption, string Text)> Body { get; private init; } = [];

    public static SampleArticle Load()
    {
        var path = FindFixture();
        var blocks = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // [0] language switch, [1] date line, [2] headline, [3] lead, …, [^2] byline, [^1] "Chia sẻ bài viết".
        var middle = blocks[4..^2];
        // Captions sit under photos and, unlike the paragraphs, end without a full stop.
        var paragraphs = middle.Where(b => b.EndsWith('.')).ToList();
        var captions = middle.Where(b => !b.EndsWith('.')).ToList();
        return new SampleArticle(blocks[1], blocks[2], blocks[3], paragraphs, captions, blocks[^2])
        {
            Body = [.. middle.Select(b => (!b.EndsWith('.'), b))],
        };
    }

    /// <summary>A copy of ../shared/fixtures/sample-article-vi.txt kept with the tests, so a clone alone can run them.</summary>
    private static string FindFixture() => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample-article-vi.txt");
}
