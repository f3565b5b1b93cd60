using System.Globalization;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// A content language's name: in English ("Vietnamese", "English"), in the reader's interface
/// language inside a sentence (<see cref="Local"/>), or by its own name as a choice or a switch
/// (<see cref="Native"/>). The one place for them, in the domain's messages, the editing UI and the
/// public site. The site's own two are spelled out so that they never depend on which cultures
/// the server's ICU data happens to carry.
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

    /// <summary>The language by its own name, as a list of choices or the public site's switch shows it: "Tiếng Việt", "English".</summary>
    public static string Native(string code) => code switch
    {
        "vi" => "Tiếng Việt",
        "en" => "English",
        _ => FromCulture(code, native: true),
    };

    public static string English(string code) => code switch
    {
        "vi" => "Vietnamese",
        "en" => "English",
        _ => FromCulture(code),
    };

    private static string FromCulture(string code, bool native = false)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            var name = native ? culture.NativeName : culture.EnglishName;
            // An unknown code yields a made-up culture whose name is the code itself.
            return string.IsNullOrEmpty(name) ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
