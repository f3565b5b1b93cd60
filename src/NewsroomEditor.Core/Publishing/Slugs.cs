using System.Globalization;
using System.Text;

namespace NewsroomEditor.Core.Publishing;

/// <summary>URL slugs that read well in Vietnamese: "Hội nghị Ban Chấp hành" → "hoi-nghi-ban-chap-hanh".</summary>
public static class Slugs
{
    public const int MaxLength = 120;

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens. Diacritics are dropped after
    /// canonical decomposition; "đ"/"Đ" has no decomposition, so it is mapped to "d" by hand.
    /// </summary>
    public static string FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var ascii = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (ascii is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && slug.Length > 0)
                    slug.Append('-');
                pendingHyphen = false;
                slug.Append(ascii);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return Truncate(slug.ToString());
    }

    /// <summary>Cuts at a hyphen so that no word is left half.</summary>
    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
            return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }
}
