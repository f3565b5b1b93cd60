using System.Globalization;
using System.Text;

namespace NewsroomEditor.Core.Stories.Search;

/// <summary>
/// Case- and diacritic-insensitive search that works the same on SQLite and SQL Server: stories
/// keep a folded copy of their text, queries are folded the same way, and every term must occur.
/// "hoi nghi" finds "Hội nghị"; "duong" finds "đường".
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Lower case, without diacritics, "đ" as "d", runs of white space as one space: the one fold of
    /// the app, for search and for slugs (<see cref="Publishing.Slugs"/>). Diacritics are dropped
    /// after canonical decomposition; "đ"/"Đ" has none, so it is mapped by hand.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            // Invisible format characters (bidi isolates, soft hyphens, joiners) are not part of a
            // word, and SQLite's tokenizer, whose tables predate some of them, would keep them
            // inside one: "\u2066test\u2067" must fold to "test". A zero-width space separates words.
            if (category == UnicodeCategory.Format && c != '\u200B')
                continue;
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                if (!lastWasSpace)
                    folded.Append(' ');
                lastWasSpace = true;
                continue;
            }
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            lastWasSpace = false;
        }
        return folded.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The search index of a record: its searchable fields folded together, a space between them.</summary>
    public static string Index(params string?[] fields) => Fold(string.Join('\n', fields));

    /// <summary>The folded terms of a query, each to be found somewhere in the story.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(10).ToList();
}
