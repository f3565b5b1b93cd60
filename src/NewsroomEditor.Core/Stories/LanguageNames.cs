using System.Globalization;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// A content language's name in English ("Vietnamese", "English"), for the editing UI's labels and
/// the domain's messages. The site's own two are spelled out so that they never depend on which
/// cultures the server's ICU data happens to carry.
/// </summary>
public static class LanguageNames
{
    public static string English(string code) => code switch
    {
        "vi" => "Vietnamese",
        "en" => "English",
        _ => FromCulture(code),
    };

    private static string FromCulture(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            // An unknown code yields a made-up culture whose name is the code itself.
            return string.IsNullOrEmpty(culture.EnglishName) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
