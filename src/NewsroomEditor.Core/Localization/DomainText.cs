using System.Globalization;
using System.Resources;

namespace NewsroomEditor.Core.Localization;

/// <summary>
/// The words the domain says to people (refusals, checklist items, validation), in the reader's
/// interface language. The English text written in the code is the key, so a rule reads as what it
/// says; the Vietnamese is in <c>DomainText.vi.resx</c>, and a test checks that every message has one.
/// The culture is the caller's <see cref="CultureInfo.CurrentUICulture"/>: a circuit's or a request's
/// (request localization in the web layer). Static, because exceptions are built everywhere.
/// </summary>
public static class DomainText
{
    private static readonly ResourceManager Resources = new(typeof(DomainText));

    /// <summary>The text in the current interface language; the English when it has no translation.</summary>
    public static string Get(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        return Resources.GetString(english, CultureInfo.CurrentUICulture) ?? english;
    }

    /// <summary>
    /// <see cref="Get"/>, then <see cref="string.Format(IFormatProvider, string, object[])"/> with
    /// the current culture (numbers and dates as the reader writes them).
    /// </summary>
    public static string Format(string english, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = Get(english);
        return arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments);
    }
}
