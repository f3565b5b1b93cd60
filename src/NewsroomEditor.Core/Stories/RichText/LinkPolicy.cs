namespace NewsroomEditor.Core.Stories.RichText;

/// <summary>
/// Which link addresses a story may carry: absolute <c>http://</c>, <c>https://</c> and <c>mailto:</c>
/// only. This is an allow-list on the exact leading characters, so every trick that relies on
/// a browser being lenient (" javascript:", "java\tscript:", "&amp;#106;avascript:", "//host",
/// "data:", "vbscript:", relative paths) fails because it does not start with an allowed scheme.
/// </summary>
internal static class LinkPolicy
{
    private static readonly string[] WebSchemes = ["http://", "https://"];
    private const string MailtoScheme = "mailto:";

    /// <param name="href">An NFC-normalized address from a link mark.</param>
    public static bool IsAllowed(string href)
    {
        foreach (var c in href)
        {
            // Browsers strip or skip whitespace and controls inside URLs; an address that needs
            // that leniency to work is refused rather than "cleaned" into something else.
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return false;
        }

        foreach (var scheme in WebSchemes)
        {
            if (href.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.TryCreate(href, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && uri.Host.Length > 0;
            }
        }

        if (href.StartsWith(MailtoScheme, StringComparison.OrdinalIgnoreCase))
        {
            return href.Length > MailtoScheme.Length
                && Uri.TryCreate(href, UriKind.Absolute, out var uri)
                && uri.Scheme == Uri.UriSchemeMailto;
        }

        return false;
    }
}
