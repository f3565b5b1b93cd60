using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsroomEditor.Web.Tests.Localization;

/// <summary>
/// The interface is in Vietnamese and English through resource files whose keys are the English
/// text in the code. These tests read the sources, so that a string added without its Vietnamese,
/// a stale translation, or a placeholder lost in translation fails the build's tests rather than
/// reaching a Vietnamese newsroom as English.
/// </summary>
public sealed partial class InterfaceTranslationTests
{
    private static readonly string Repository = FindRepository();
    private static readonly string WebComponents = Path.Combine(Repository, "src", "NewsroomEditor.Web", "Components");
    private static readonly string Core = Path.Combine(Repository, "src", "NewsroomEditor.Core");

    /// <summary>The domain's exceptions whose message is the first argument (DomainException's subclasses).</summary>
    private static readonly string[] DomainExceptions =
        ["DomainException", "AccessDeniedException", "WorkflowException", "InvalidStoryBodyException", "MediaRefusedException"];

    [Fact]
    public void Every_text_the_components_localize_has_its_Vietnamese()
    {
        var missing = new List<string>();
        foreach (var (component, source) in ComponentSources())
        {
            var keys = LocalizerKeys(source).ToList();
            if (keys.Count == 0)
                continue;
            var markers = LocalizerDeclaration().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
            if (markers.Count != 1)
            {
                missing.Add($"{component}: uses L[...] but declares {markers.Count} IStringLocalizer<T> (expected one)");
                continue;
            }
            var translations = Translations(markers[0]);
            missing.AddRange(keys.Where(key => !translations.ContainsKey(key)).Select(key => $"{component} ({markers[0]}.vi.resx): \"{key}\""));
        }
        Assert.True(missing.Count == 0, "Texts without a Vietnamese translation:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Every_domain_message_has_its_Vietnamese_and_none_is_built_by_interpolation()
    {
        var translations = Translations("DomainText");
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories).Where(IsSource))
        {
            var source = File.ReadAllText(file);
            var name = Path.GetRelativePath(Core, file);
            foreach (var key in DomainKeys(source))
            {
                if (!translations.ContainsKey(key))
                    problems.Add($"{name}: \"{key}\" has no Vietnamese in DomainText.vi.resx");
            }
            foreach (Match interpolated in InterpolatedDomainMessage().Matches(source))
                problems.Add($"{name}: {interpolated.Value}... builds its message with $\"\": give a format and arguments instead");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_translation_is_used_filled_in_and_keeps_its_placeholders()
    {
        var problems = new List<string>();
        var webSources = string.Join("\n", ComponentSources().Select(s => s.Source));
        var coreSources = string.Join("\n", Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories).Where(IsSource).Select(File.ReadAllText));
        var usedByComponents = LocalizerKeys(webSources).ToHashSet(StringComparer.Ordinal);
        var usedByDomain = DomainKeys(coreSources).ToHashSet(StringComparer.Ordinal);
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Repository, "src"), "*.vi.resx", SearchOption.AllDirectories).Where(IsSource))
        {
            var marker = Path.GetFileName(resx)[..^".vi.resx".Length];
            foreach (var (key, value) in Read(resx))
            {
                if (value.Trim().Length == 0)
                    problems.Add($"{marker}: \"{key}\" has an empty translation");
                // MudBlazor's keys are names (MudDataGridPager_InfoFormat), not the English with its
                // placeholders: VietnameseAdminTests compares those with MudBlazor's own English.
                if (marker != "MudText" && !Placeholders(key).SetEquals(Placeholders(value)))
                    problems.Add($"{marker}: \"{key}\" → \"{value}\" does not keep the placeholders {string.Join(" ", Placeholders(key))}");
                // MudBlazor's keys are its own (MudDataGrid_...), not text of ours.
                var used = marker switch
                {
                    "MudText" => true,
                    "DomainText" => usedByDomain.Contains(key),
                    _ => usedByComponents.Contains(key),
                };
                if (!used)
                    problems.Add($"{marker}: \"{key}\" is translated but no longer used");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// A rough but useful net: English words left as plain text in the markup of the editing UI,
    /// or in the attributes that people read (labels, titles, placeholders, alt and aria texts).
    /// </summary>
    [Fact]
    public void No_editing_page_shows_English_written_straight_into_its_markup()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(WebComponents, "*.razor", SearchOption.AllDirectories).Where(IsEditingUi))
        {
            var markup = MarkupOnly(File.ReadAllText(file));
            var name = Path.GetRelativePath(WebComponents, file);
            foreach (Match text in TextNode().Matches(markup))
            {
                var plain = RazorExpression().Replace(text.Groups[1].Value, " ");
                if (Word().IsMatch(plain))
                    problems.Add($"{name}: text \"{text.Groups[1].Value.Trim()}\"");
            }
            foreach (Match attribute in ReadAttribute().Matches(markup))
            {
                var plain = RazorExpression().Replace(attribute.Groups[2].Value, " ");
                if (Word().IsMatch(plain))
                    problems.Add($"{name}: {attribute.Groups[1].Value}=\"{attribute.Groups[2].Value}\"");
            }
        }
        Assert.True(problems.Count == 0, "Untranslated text in the markup (use L[\"...\"]):\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("StoriesText")]
    [InlineData("MediaText")]
    [InlineData("AdminText")]
    [InlineData("AccountText")]
    [InlineData("UiText")]
    [InlineData("MudText")]
    [InlineData("DomainText")]
    public void The_resources_are_embedded_where_the_localizer_looks_for_them(string marker)
    {
        var assembly = marker == "DomainText" ? typeof(Core.Localization.DomainText).Assembly : typeof(Web.Components.Localization.UiText).Assembly;
        var type = assembly.GetTypes().Single(t => t.Name == marker);
        var satellite = assembly.GetSatelliteAssembly(new System.Globalization.CultureInfo("vi"));
        Assert.Contains($"{type.FullName}.vi.resources", satellite.GetManifestResourceNames());
    }

    private static bool IsSource(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
        !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>The public site speaks its URL's language through PublicText, not the interface language.</summary>
    private static bool IsEditingUi(string path) =>
        IsSource(path) && !path.Contains($"{Path.DirectorySeparatorChar}Public{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>Each component's markup and code-behind together (Foo.razor with Foo.razor.cs), and other C# files.</summary>
    private static IEnumerable<(string Name, string Source)> ComponentSources()
    {
        var files = Directory.EnumerateFiles(WebComponents, "*.*", SearchOption.AllDirectories)
            .Where(f => IsEditingUi(f) && (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)));
        return files
            .GroupBy(f => f.EndsWith(".razor.cs", StringComparison.Ordinal) ? f[..^3] : f)
            .Select(g => (Path.GetRelativePath(WebComponents, g.Key), string.Join("\n", g.Select(File.ReadAllText))));
    }

    private static IEnumerable<string> LocalizerKeys(string source) =>
        LocalizerCall().Matches(source).Select(m => Unescape(m.Groups[1].Value));

    private static IEnumerable<string> DomainKeys(string source)
    {
        foreach (Match m in DomainTextCall().Matches(source))
            yield return Unescape(m.Groups[1].Value);
        foreach (Match m in DomainExceptionCall().Matches(source))
        {
            if (DomainExceptions.Contains(m.Groups[1].Value))
                yield return Unescape(m.Groups[2].Value);
        }
    }

    private static Dictionary<string, string> Translations(string marker)
    {
        var resx = Directory.EnumerateFiles(Path.Combine(Repository, "src"), $"{marker}.vi.resx", SearchOption.AllDirectories).Where(IsSource).ToList();
        Assert.True(resx.Count == 1, $"expected one {marker}.vi.resx, found {resx.Count}");
        return Read(resx[0]).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<(string Key, string Value)> Read(string resx)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(resx).Root!.Elements("data"))
        {
            var key = (string)data.Attribute("name")!;
            Assert.True(keys.Add(key), $"{Path.GetFileName(resx)} has \"{key}\" twice");
            yield return (key, (string?)data.Element("value") ?? "");
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Unescape(string literal) => Regex.Unescape(literal);

    /// <summary>The markup without comments, @code blocks and script/style elements.</summary>
    private static string MarkupOnly(string razor)
    {
        var text = RazorComment().Replace(razor, " ");
        text = HtmlComment().Replace(text, " ");
        text = Directive().Replace(text, " ");
        text = LambdaAttribute().Replace(text, "\"\"");
        var code = text.IndexOf("@code", StringComparison.Ordinal);
        if (code >= 0)
            text = text[..code];
        return ScriptOrStyle().Replace(text, " ");
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsroomEditor.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("NewsroomEditor.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"IStringLocalizer<(\w+)>")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"\bL\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"DomainText\.(?:Get|Format)\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DomainTextCall();

    [GeneratedRegex(@"(?:new\s+|:\s*)(\w+Exception)\(\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DomainExceptionCall();

    [GeneratedRegex(@"(?:new\s+|:\s*)(?:DomainException|AccessDeniedException|WorkflowException|InvalidStoryBodyException|MediaRefusedException)\(\s*\$""[^""]{0,40}")]
    private static partial Regex InterpolatedDomainMessage();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^\s*@(?:inject|using|page|attribute|implements|inherits|rendermode|layout|typeparam|namespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>Attribute values with a lambda (<c>@onclick="() =&gt; …"</c>), whose <c>&gt;</c> is not a tag's end.</summary>
    [GeneratedRegex(@"""[^""\n]*=>[^""\n]*""")]
    private static partial Regex LambdaAttribute();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    /// <summary>Text between a tag's end and the next tag, not inside a Razor code line.</summary>
    [GeneratedRegex(@">([^<>]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\b(Label|Placeholder|Title|HelperText|Text|ButtonText|AriaLabel|aria-label|title|placeholder|alt|DataLabel|ConfirmText|CancelText)=""([^""]*)""")]
    private static partial Regex ReadAttribute();

    /// <summary>Razor expressions (@x, @x.y(...), @(…), @L["…"]) and HTML entities, which are not plain text.</summary>
    [GeneratedRegex(@"@(?:if|else|foreach|for|while|switch|using|lock|do|try|catch|finally)\b[^\n]*|}\s*else\b[^\n]*|@\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|@[\w.]+(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\))*(?:\.[\w]+(?:\((?:[^()]|\([^()]*\))*\))?)*|&\w+;|@:|@\{[^}]*\}|\b(?:if|else|foreach|for|while|switch|case|default|break|var|new|null|true|false|return)\b[^\n]*")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
