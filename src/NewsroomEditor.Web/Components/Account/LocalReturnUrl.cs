namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// Where a sign-in or sign-out may send the browser afterwards: only a path of this app. A
/// <c>ReturnUrl</c> comes from the address bar, so anyone can make a link with one pointing
/// elsewhere; such a value is dropped (the caller then uses its default page) rather than
/// followed, and never made into an error.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>
    /// <paramref name="url"/> as a path relative to the app's base (<c>stories/1?x=y</c>, no leading
    /// slash), or null when it is empty or leads off the site: a scheme (<c>https://…</c>,
    /// <c>javascript:</c>), a protocol-relative address (<c>//host</c>), or a backslash, which
    /// browsers read as a slash (<c>\\host</c>, <c>/\host</c>). An absolute address under
    /// <paramref name="baseUri"/> (the app's own) is kept, made relative.
    /// </summary>
    public static string? ToBaseRelative(string? url, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (string.IsNullOrWhiteSpace(url) || char.IsWhiteSpace(url[0]))
            return null;
        if (url.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
            url = url[baseUri.Length..];
        else if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            url = url[1..];
        else if (url.StartsWith('/'))
            return null;
        if (url.Contains('\\', StringComparison.Ordinal) || url.Any(char.IsControl) || url.StartsWith('/'))
            return null;
        // A colon before the first '/', '?' or '#' would be read as a scheme.
        var pathEnd = url.IndexOfAny(['/', '?', '#']);
        var firstSegment = pathEnd < 0 ? url : url[..pathEnd];
        if (firstSegment.Contains(':', StringComparison.Ordinal))
            return null;
        return url;
    }
}
