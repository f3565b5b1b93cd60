using System.Globalization;
using System.Text;

namespace NewsroomEditor.Core.Stories.Search;

/// <summary>
/// One word of a search as typed: <see cref="Folded"/> is what must match (case and diacritics
/// ignored, "đ" as "d"), <see cref="Exact"/> the word in lower case with its diacritics, which
/// ranks a story that has the word exactly as typed ("đường") above one that only folds to it
/// ("dương"). <see cref="HasDiacritics"/> is false when the two are the same, as they are for a
/// word typed without tones.
/// </summary>
public sealed record SearchTerm(string Folded, string Exact)
{
    public bool HasDiacritics => !string.Equals(Folded, Exact, StringComparison.Ordinal);
}

/// <summary>
/// A search box's text as words to find: every word must occur, each as the start of a word in
/// the story ("hoi ngh" finds "Hội nghị"). Words are split where the full-text index splits them
/// (anything but a letter, a digit or a mark), so that what is highlighted is what was matched.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>More words than this are ignored: they only slow a search down.</summary>
    public const int MaxTerms = 10;

    private SearchTerms(IReadOnlyList<SearchTerm> terms, bool typed)
    {
        Terms = terms;
        WasTyped = typed;
    }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>Whether anything but white space was typed; with no <see cref="Terms"/>, nothing can match.</summary>
    public bool WasTyped { get; }

    /// <summary>Nothing to search for: the list is not filtered.</summary>
    public bool IsEmpty => !WasTyped;

    /// <summary>Something was typed, but no word in it (only punctuation): no story matches.</summary>
    public bool MatchesNothing => WasTyped && Terms.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return new SearchTerms([], typed: false);
        var terms = Words(query.Normalize(NormalizationForm.FormC))
            .Select(word => new SearchTerm(SearchText.Fold(word), word.ToLower(CultureInfo.InvariantCulture)))
            .Where(term => term.Folded.Length > 0)
            .DistinctBy(term => term.Exact)
            .Take(MaxTerms)
            .ToList();
        return new SearchTerms(terms, typed: true);
    }

    /// <summary>The words of a text with where each starts, split as the index splits them.</summary>
    public static IEnumerable<(int Start, string Word)> WordsWithPositions(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordCharacter(text, i);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, text[start..i]);
                start = -1;
            }
        }
    }

    private static IEnumerable<string> Words(string text) => WordsWithPositions(text).Select(w => w.Word);

    // The characters SQLite's unicode61 tokenizer keeps in a token: letters, digits and marks
    // (a surrogate pair is looked at as a whole, so that an emoji is a separator, not two halves).
    private static bool IsWordCharacter(string text, int index) =>
        CharUnicodeInfo.GetUnicodeCategory(text, index) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.PrivateUse => true,
            UnicodeCategory.Surrogate => char.IsLowSurrogate(text[index]) && index > 0
                ? IsWordCharacter(text, index - 1)
                : char.IsLetterOrDigit(text, index),
            _ => false,
        };
}
