using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Stories.Search;
using NewsroomEditor.E2E.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.E2E.Security;

/// <summary>
/// Every string of the Big List of Naughty Strings through headline, lead, body and search: stored
/// as written (after the app's normalisation of the single-line fields: Unicode NFC, control
/// characters dropped, white space trimmed and runs of it made one space), found by search, published and served by every public page
/// and feed without a 500, and opened in the editing pages without a circuit error.
/// </summary>
[Collection(HostileTextCollection.Name)]
public partial class NaughtyStringsTests(NewsroomServer server)
{
    private static readonly bool Soak = Environment.GetEnvironmentVariable("NEWSROOM_SOAK") == "1";

    [Fact]
    public Task Every_naughty_string_round_trips_through_headline_lead_body_and_search() => server.RunAsync(async () =>
    {
        var strings = HostileText.Blns;
        // Signed in first, while the app is quiet: the stories below keep it busy.
        var page = await server.SignInAsync(NewsroomServer.Editor);
        var services = server.Services;
        var reporter = await ActorAsync(NewsroomServer.Reporter, Roles.Reporter);
        var editor = await ActorAsync(NewsroomServer.Editor, Roles.Editor);
        var stories = StoryServices.From(services);
        var mismatches = new List<string>();
        var refused = new List<string>();
        var published = new List<(int Index, string Headline, Guid Id)>();
        var notFound = 0;

        for (var i = 0; i < strings.Count; i++)
        {
            var s = strings[i];
            var story = await stories.CreateAsync(reporter, "vi", 1);
            var content = new StoryContent(HostileText.Fit(s, StoryContent.HeadlineMaxLength), HostileText.Fit(s, StoryContent.LeadMaxLength), Body(s), 1, [], "Hoàng Lan", $"blns-{i}", "");
            SaveResult saved;
            try
            {
                saved = await stories.SaveAsync(reporter, story.Id, story.Version, content);
            }
            catch (DomainException e)
            {
                refused.Add($"{i} {Show(s)}: {e.Message}");
                continue;
            }
            Assert.True(saved.Saved);

            var stored = await stories.GetAsync(reporter, story.Id);
            Compare(i, "headline", SingleLine(content.Headline), stored.Headline, mismatches);
            Compare(i, "lead", SingleLine(content.Lead), stored.Lead, mismatches);
            Compare(i, "body", s.Normalize(NormalizationForm.FormC), StoryBody.Parse(stored.BodyJson).ToPlainText(), mismatches);

            // Search: the headline's own words find the story (and no query is an error). A word is
            // what the full-text index keeps: letters, digits and marks; a headline of punctuation
            // and symbols alone has none to be found by, as in any full-text search.
            if (SearchTerms.Parse(stored.Headline).Terms.Count > 0)
            {
                var found = await stories.ListAsync(editor, new StoryQuery(Search: stored.Headline, PageSize: 100));
                if (!found.Items.Any(x => x.Id == story.Id))
                {
                    notFound++;
                    mismatches.Add($"{i} {Show(s)}: search for its headline does not find it");
                }
            }
            await stories.ListAsync(editor, new StoryQuery(Search: s));

            if (stored.Headline.Length > 0 && stored.Lead.Length > 0 && s.Trim().Length > 0)
            {
                await stories.TransitionAsync(reporter, story.Id, StoryAction.Submit);
                await stories.TransitionAsync(editor, story.Id, StoryAction.Publish);
                published.Add((i, stored.Headline, story.Id));
            }
        }

        // Every public page and feed that shows them, over HTTP: no 500, and each article's h1 is its headline.
        var serverErrors = new List<string>();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var section = services.GetRequiredService<ISectionCatalog>();
        var sectionSlug = (await section.ListAsync()).Single(x => x.Id == 1).SlugVi;
        foreach (var (index, headline, _) in published)
        {
            var path = $"/{sectionSlug}/blns-{index}";
            using var response = await http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{path}: {(int)response.StatusCode}");
                continue;
            }
            var h1 = H1().Match(html);
            var shown = h1.Success ? WebUtility.HtmlDecode(h1.Groups[1].Value) : null;
            if (shown != headline)
                mismatches.Add($"{index} {Show(strings[index])}: the article's h1 is {Show(shown ?? "(none)")}, stored {Show(headline)}");
        }
        var listPages = (published.Count + PublishedStories.PageSize - 1) / PublishedStories.PageSize;
        var machinePaths = new List<string> { "/rss.xml", "/en/rss.xml", $"/{sectionSlug}/rss.xml", "/sitemap.xml", "/news-sitemap.xml", $"/{sectionSlug}" };
        for (var p = 1; p <= listPages; p++)
            machinePaths.Add(PublicPaths.Paged("/", p));
        foreach (var path in machinePaths)
        {
            using var response = await http.GetAsync(path);
            if ((int)response.StatusCode >= 500)
                serverErrors.Add($"{path}: {(int)response.StatusCode}");
        }

        // The editing pages in Chromium: the story list searched for each string, and the editor of a sample.
        var circuitErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                circuitErrors.Add($"console at {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => circuitErrors.Add($"page error at {page.Url}: {error}");
        var searched = Soak ? strings : strings.Where((_, i) => i % 16 == 0).ToList();
        foreach (var s in searched)
        {
            await page.GotoAsync("/stories?q=" + Uri.EscapeDataString(s), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitUntilLoadedAsync();
            await CheckErrorUiAsync(page, circuitErrors);
        }
        var opened = 0;
        foreach (var (_, _, id) in published.Where((_, n) => Soak || n % 80 == 0))
        {
            await page.GotoAsync($"/stories/{id}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitUntilLoadedAsync();
            await page.Body().WaitForAsync();
            await CheckErrorUiAsync(page, circuitErrors);
            opened++;
        }

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"BLNS round trips: {strings.Count} strings through headline, lead, body and search; refused {refused.Count}; mismatches {mismatches.Count} (search misses {notFound}); " +
            $"{published.Count} published, {published.Count + machinePaths.Count} public pages and feeds fetched, 500s {serverErrors.Count}; " +
            $"{searched.Count} story-list searches and {opened} editors opened in Chromium{(Soak ? " [soak]" : "")}, circuit errors {circuitErrors.Count}");
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "naughty-strings.txt"), figures + Environment.NewLine);

        Assert.True(refused.Count == 0, "Refused:\n" + string.Join("\n", refused.Take(20)));
        Assert.True(mismatches.Count == 0, "Mismatches:\n" + string.Join("\n", mismatches.Take(20)));
        Assert.True(serverErrors.Count == 0, "Server errors:\n" + string.Join("\n", serverErrors.Take(20)));
        Assert.True(circuitErrors.Count == 0, "Circuit errors:\n" + string.Join("\n", circuitErrors.Take(20)));
    });

    /// <summary>A body of one paragraph holding the string as the editor sends it (one text node), or an empty body for an empty string.</summary>
    private static StoryBody Body(string s)
    {
        if (s.Length == 0)
            return StoryBody.Empty;
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "doc",
            ["content"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = s }),
            }),
        };
        return StoryBody.Parse(json.ToJsonString());
    }

    /// <summary>
    /// The single-line fields' normalisation (README and <see cref="StoryContent.Normalized"/>): NFC,
    /// control characters that are not white space dropped, trimmed, runs of white space one space.
    /// </summary>
    private static string SingleLine(string s) =>
        string.Join(' ', string.Concat(s.Normalize(NormalizationForm.FormC).Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Compare(int index, string field, string expected, string actual, List<string> mismatches)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            mismatches.Add($"{index} {field}: expected {Show(expected)}, stored {Show(actual)}");
    }

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s.Length > 60 ? s[..60] + "…" : s);

    private static async Task CheckErrorUiAsync(IPage page, List<string> errors)
    {
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            errors.Add($"Blazor's error bar at {page.Url}");
    }

    private async Task<Actor> ActorAsync(Person person, string role)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(person.Email);
        return Actor.Create(user!.Id, person.DisplayName, role);
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();
}
