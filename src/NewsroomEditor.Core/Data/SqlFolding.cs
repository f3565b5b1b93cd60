using System.Globalization;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Data;

/// <summary>
/// <see cref="SearchText.Fold"/> as SQL, for the migrations that fill a new folded column from text
/// already stored (the app folds in C# on every save; a migration cannot call it). Each letter
/// with diacritics of the Latin blocks is replaced by its fold and each combining mark removed,
/// in passes of nested <c>replace</c> calls short enough for either database's expression depth.
/// Letters outside those blocks keep their case in the SQL fold: the full-text index folds case
/// itself, and the next save of the story writes the exact C# fold anyway.
/// </summary>
public static class SqlFolding
{
    /// <summary>How many replacements one pass nests; SQLite allows an expression depth of 1,000.</summary>
    public const int ReplacementsPerPass = 200;

    /// <summary>Every character whose fold differs from it, with that fold (empty for a combining mark).</summary>
    public static IReadOnlyList<(int CodePoint, string Fold)> Replacements { get; } = BuildReplacements();

    /// <summary>
    /// The expressions of the successive passes that fold <paramref name="source"/> into
    /// <paramref name="target"/>: the first reads the source in lower case, each next one the
    /// target as the pass before left it. <paramref name="character"/> writes a code point as a
    /// one-character SQL string (SQLite <c>char(n)</c>, SQL Server <c>NCHAR(n)</c>), so that no
    /// literal in the migration depends on its file's encoding.
    /// </summary>
    public static IReadOnlyList<string> Passes(string source, string target, Func<int, string> character)
    {
        ArgumentNullException.ThrowIfNull(character);
        var passes = new List<string>();
        for (var offset = 0; offset < Replacements.Count; offset += ReplacementsPerPass)
        {
            var expression = offset == 0 ? $"lower({source})" : target;
            foreach (var (codePoint, fold) in Replacements.Skip(offset).Take(ReplacementsPerPass))
                expression = $"replace({expression}, {character(codePoint)}, '{fold}')";
            passes.Add(expression);
        }
        return passes;
    }

    private static List<(int, string)> BuildReplacements()
    {
        var ranges = new[] { (0x00C0, 0x024F), (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x1E00, 0x1EFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F) };
        var replacements = new List<(int, string)>();
        foreach (var (first, last) in ranges)
        {
            for (var codePoint = first; codePoint <= last; codePoint++)
            {
                var text = char.ConvertFromUtf32(codePoint);
                var isMark = CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.NonSpacingMark;
                if (!isMark && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.OtherNotAssigned)
                    continue;
                var fold = isMark ? "" : SearchText.Fold(text);
                if (fold != text && fold.All(c => c < 128))
                    replacements.Add((codePoint, fold));
            }
        }
        return replacements;
    }
}
