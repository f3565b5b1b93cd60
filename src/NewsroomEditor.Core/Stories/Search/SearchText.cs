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
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
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
