using System.Text;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Publishing;

/// <summary>URL slugs that read well in Vietnamese: "Hội nghị Ban Chấp hành" → "hoi-nghi-ban-chap-hanh".</summary>
public static class Slugs
{
    public const int MaxLength = 120;

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens, from the text folded as search
    /// folds it (<see cref="SearchText.Fold"/>: no case, no diacritics, "đ" as "d").
    /// </summary>
    public static string FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = SearchText.Fold(text);
        var slug = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var ascii in folded)
        {
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
