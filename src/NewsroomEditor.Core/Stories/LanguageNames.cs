using System.Globalization;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// A content language's name, in English ("Vietnamese", "English") or in the reader's interface
/// language (<see cref="Local"/>), for the domain's messages. The site's own two are spelled out so
/// that they never depend on which cultures the server's ICU data happens to carry.
/// </summary>
public static class LanguageNames
{
    /// <summary>
    /// The name in the reader's interface language, as it reads inside a sentence ("Vietnamese",
    /// "tiếng Việt"), for the domain's messages; other languages keep their English name.
    /// </summary>
    public static string Local(string code) => code switch
    {
        "vi" => DomainText.Get("Vietnamese"),
        "en" => DomainText.Get("English"),
        _ => FromCulture(code),
    };

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
