namespace NewsroomEditor.Core.Stories.Search;

/// <summary>A piece of text, and whether it is a word the search matched (shown highlighted).</summary>
public sealed record MarkedRun(string Text, bool IsMatch);

/// <summary>What a search result shows: the headline and a passage around the first match, matched words marked.</summary>
public sealed record SearchExcerpt(IReadOnlyList<MarkedRun> Headline, IReadOnlyList<MarkedRun> Passage);

/// <summary>
/// Marks the words a search matched, in the text as written (diacritics and case kept): a word is
/// marked when its fold starts with a term's fold, the same rule the index matches by, so that
/// "duong" marks "đường" and "Dương" alike. Works on the text itself, so it is the same on every
/// database and needs nothing stored beyond the story.
/// </summary>
public static class SearchHighlight
{
    /// <summary>How long a passage is, in characters, give or take a word.</summary>
    public const int PassageLength = 240;

    /// <summary>How much of the text before the first match a passage keeps, for context.</summary>
    private const int ContextBefore = 60;

    public static SearchExcerpt Excerpt(SearchTerms search, string headline, string lead, string body)
    {
        ArgumentNullException.ThrowIfNull(search);
        var source = FirstMatch(search, lead) is not null || FirstMatch(search, body) is null ? lead : body;
        return new SearchExcerpt(Mark(search, headline), Passage(search, source.Length > 0 ? source : body));
    }

    /// <summary>The whole text, its matched words marked.</summary>
    public static IReadOnlyList<MarkedRun> Mark(SearchTerms search, string text) => Mark(search, text, 0, text.Length);

    /// <summary>About <see cref="PassageLength"/> characters of the text around its first match (its start if none), marked, with "…" where cut.</summary>
    public static IReadOnlyList<MarkedRun> Passage(SearchTerms search, string text)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= PassageLength)
            return Mark(search, text);
        var first = FirstMatch(search, text) ?? 0;
        var start = first <= ContextBefore ? 0 : WordStartAtOrAfter(text, first - ContextBefore);
        var end = Math.Min(text.Length, start + PassageLength);
        if (end < text.Length)
            end = WordEndAtOrBefore(text, end, minimum: start + 1);
        var runs = new List<MarkedRun>();
        if (start > 0)
            runs.Add(new MarkedRun("…", false));
        runs.AddRange(Mark(search, text, start, end));
        if (end < text.Length)
            runs.Add(new MarkedRun("…", false));
        return runs;
    }

    private static IReadOnlyList<MarkedRun> Mark(SearchTerms search, string text, int start, int end)
    {
        var runs = new List<MarkedRun>();
        var position = start;
        foreach (var (wordStart, word) in SearchTerms.WordsWithPositions(text[start..end]))
        {
            if (!Matches(search, word))
                continue;
            var at = start + wordStart;
            if (at > position)
                runs.Add(new MarkedRun(text[position..at], false));
            runs.Add(new MarkedRun(word, true));
            position = at + word.Length;
        }
        if (position < end)
            runs.Add(new MarkedRun(text[position..end], false));
        return runs;
    }

    private static int? FirstMatch(SearchTerms search, string text) =>
        SearchTerms.WordsWithPositions(text).Where(w => Matches(search, w.Word)).Select(w => (int?)w.Start).FirstOrDefault();

    private static bool Matches(SearchTerms search, string word)
    {
        var folded = SearchText.Fold(word);
        return search.Terms.Any(term => folded.StartsWith(term.Folded, StringComparison.Ordinal));
    }

    private static int WordStartAtOrAfter(string text, int index)
    {
        while (index > 0 && index < text.Length && !char.IsWhiteSpace(text[index - 1]))
            index++;
        return index;
    }

    private static int WordEndAtOrBefore(string text, int index, int minimum)
    {
        var end = index;
        while (end > minimum && !char.IsWhiteSpace(text[end]))
            end--;
        return end > minimum ? end : index;
    }
}
