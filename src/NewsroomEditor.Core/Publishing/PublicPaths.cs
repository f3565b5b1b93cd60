using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Publishing;

/// <summary>
/// The public site's addresses, in one place (README, "Public site"). The site's first language
/// lives at the root (<c>/thoi-su/hoi-nghi-ban-chap-hanh</c>); every other language under its code
/// (<c>/en/news/plenary-meeting</c>). Slugs are ASCII, so paths need no escaping.
/// </summary>
public sealed class PublicPaths(IOptionsMonitor<SiteOptions> site)
{
    public string DefaultLanguage => site.CurrentValue.Languages[0];

    public IReadOnlyList<string> Languages => site.CurrentValue.Languages;

    /// <summary>"" for the default language, "/en" for English.</summary>
    public string Prefix(string language) => language == DefaultLanguage ? "" : "/" + language;

    public string Home(string language) => language == DefaultLanguage ? "/" : Prefix(language);

    public string Section(string language, string sectionSlug) => $"{Prefix(language)}/{sectionSlug}";

    public string Article(string language, string sectionSlug, string storySlug) => $"{Prefix(language)}/{sectionSlug}/{storySlug}";

    public string Tag(string language, string tagSlug) => $"{Prefix(language)}/tag/{tagSlug}";

    public string Feed(string language) => $"{Prefix(language)}/rss.xml";

    public string SectionFeed(string language, string sectionSlug) => $"{Prefix(language)}/{sectionSlug}/rss.xml";

    /// <summary>The reader search's address: <c>/tim-kiem</c> in Vietnamese, <c>/en/search</c> in English.</summary>
    public string Search(string language) => $"{Prefix(language)}/{SearchSlug(language)}";

    /// <summary>A search results page's address: the words searched for, escaped, and the page number.</summary>
    public string Search(string language, string query, int page)
    {
        var path = $"{Search(language)}?q={Uri.EscapeDataString(query)}";
        return page <= 1 ? path : $"{path}&page={page}";
    }

    /// <summary>The search page's slug in a language: the word its readers would type.</summary>
    public static string SearchSlug(string language) =>
        language.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? VietnameseSearchSlug : EnglishSearchSlug;

    public const string VietnameseSearchSlug = "tim-kiem";
    public const string EnglishSearchSlug = "search";

    /// <summary>A list page's address with its page number (1-based; the first page has none).</summary>
    public static string Paged(string path, int page) => page <= 1 ? path : $"{path}?page={page}";
}
