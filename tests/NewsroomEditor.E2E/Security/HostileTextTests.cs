using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetVips;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.E2E.Support;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Testing;

namespace NewsroomEditor.E2E.Security;

/// <summary>A newsroom of its own: the hostile stories, sections and people would crowd the other tests' pages.</summary>
[CollectionDefinition(Name)]
public sealed class HostileTextCollection : ICollectionFixture<NewsroomServer>
{
    public const string Name = "Hostile text";
}

/// <summary>
/// Hostile text in every text field, put there by the services directly (as a client that bypasses
/// the editor would), then every public and editing page that shows it opened in Chromium with a
/// trap: no dialog may open, no sentinel or alert-like function may run, no injected handler,
/// script or javascript: address may reach the DOM, no request may leave the app.
/// </summary>
[Collection(HostileTextCollection.Name)]
public class HostileTextTests(NewsroomServer server)
{
    /// <summary>NEWSROOM_SOAK=1 opens every page of every list and every story's editor; CI opens samples of the editing pages.</summary>
    private static readonly bool Soak = Environment.GetEnvironmentVariable("NEWSROOM_SOAK") == "1";

    private const string SectionSlug = "hostile";

    private const int VisibleSections = 24;

    /// <summary>CI opens every eighth story's article page (all headlines and leads are on the home pages it opens); the soak run opens all.</summary>
    private static readonly int ArticleEvery = Soak ? 1 : 8;

    /// <summary>How many vectors, from its own on, a story's tags, byline, meta description and featured caption hold.</summary>
    private const int ArticleSpread = 8;

    [Fact]
    public Task No_hostile_vector_in_any_text_field_runs_on_any_page() => server.RunAsync(async () =>
    {
        var vectors = HostileText.XssVectors;
        // Signed in first, while the app is quiet: storing the values below keeps it busy.
        var editorPage = await server.SignInAsync(NewsroomServer.Editor);
        var adminPage = await server.SignInAsync(NewsroomServer.Admin);
        var setupWatch = Stopwatch.StartNew();
        var tried = new FieldCounter();
        var services = server.Services;
        var editor = await ActorAsync(NewsroomServer.Editor, Roles.Editor);
        var admin = await ActorAsync(NewsroomServer.Admin, Roles.Admin);
        // The admin's work in a scope of its own, acting as the admin, as their circuit would.
        await using var adminScope = services.CreateAsyncScope();
        var asAdmin = adminScope.ServiceProvider.As(admin);

        // Sections: one with a plain slug for the stories, and one per vector (names in both languages).
        var sections = asAdmin.GetRequiredService<ISectionAdministration>();
        var storySection = await sections.CreateAsync(new SectionNames("Mục thử", "Test section", SectionSlug, SectionSlug + "-en"));
        var refusedSectionNames = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            try
            {
                var section = await sections.CreateAsync(new SectionNames(
                    HostileText.Fit(vectors[i], Section.NameMaxLength), HostileText.Fit(vectors[(i + 1) % vectors.Count], Section.NameMaxLength), $"s{i}", $"s{i}-en"));
                // Every name is on the admin's sections page; 24 of them also in every public page's menu.
                if (i >= VisibleSections)
                    await sections.SetHiddenAsync(section.Id, hidden: true);
                tried.Add("section name (vi, en)", vectors[i]);
            }
            catch (NewsroomEditor.Core.DomainException)
            {
                // Two vectors alike in their first 100 characters make the same name, which a second section may not take.
                refusedSectionNames++;
            }
        }

        // Photos: each file name, alt text, caption and credit a vector; a set of them covers every vector.
        var reporter = await ActorAsync(NewsroomServer.Reporter, Roles.Reporter);
        await using var mediaScope = services.CreateAsyncScope();
        var media = mediaScope.ServiceProvider.As(reporter).GetRequiredService<IMediaService>();
        var photos = new List<Guid>();
        const int photoCount = 24;
        for (var p = 0; p < photoCount; p++)
        {
            var name = HostileText.Fit(vectors[p], 200) + ".jpg";
            var uploaded = await media.UploadAsync(name, new MemoryStream(Photo(p)));
            Assert.True(uploaded.Succeeded, uploaded.Refusal);
            tried.Add("media file name", vectors[p]);
            photos.Add(uploaded.Stored!.Id);
        }
        var altPacks = Pack(vectors, MediaAsset.AltTextMaxLength, photoCount);
        var captionPacks = Pack(vectors, MediaAsset.CaptionMaxLength, photoCount);
        var creditPacks = Pack(vectors, MediaAsset.CreditMaxLength, photoCount);
        for (var p = 0; p < photoCount; p++)
        {
            await media.UpdateMetadataAsync(photos[p], new MediaMetadata(altPacks[p].Text, captionPacks[p].Text, creditPacks[p].Text));
            tried.AddRange("media alt text", altPacks[p].Vectors);
            tried.AddRange("media caption", captionPacks[p].Vectors);
            tried.AddRange("media credit", creditPacks[p].Vectors);
        }

        // People: one per vector, the vector their display name (no password: they are never signed in).
        var authors = new List<Actor>();
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 0; i < vectors.Count; i++)
            {
                var email = $"hostile{i}@baothunghiem.vn";
                var displayName = HostileText.Fit(vectors[i], ApplicationUser.DisplayNameMaxLength).Trim();
                if (displayName.Length == 0)
                    displayName = "?";
                var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded);
                authors.Add(Actor.Create(user.Id, displayName, Roles.Reporter));
                tried.Add("display name", vectors[i]);
            }
        }

        // Stories: story i carries vector i in every field, written by person i, published by the editor.
        var stories = StoryServices.From(services);
        var storyIds = new List<Guid>();
        var refusedHrefs = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            var story = await stories.CreateAsync(authors[i], "vi", storySection.Id);
            var (body, rawHrefAccepted) = Body([v], photos[i % photoCount]);
            refusedHrefs += rawHrefAccepted ? 0 : 1;
            // The fields only an article shows carry the next vectors too, so that CI's sample of
            // every eighth article shows each vector in them (as far as their length limits allow).
            var next = Enumerable.Range(0, ArticleSpread).Select(k => vectors[(i + k) % vectors.Count]).ToList();
            var content = new StoryContent(
                HostileText.Fit(v, StoryContent.HeadlineMaxLength), HostileText.Fit(v, StoryContent.LeadMaxLength), body, storySection.Id,
                [.. next.Select(n => HostileText.Fit(n, StoryContent.TagMaxLength)), "hostile"],
                HostileText.Fit(string.Join(' ', next), StoryContent.BylineMaxLength), $"v{i}", HostileText.Fit(string.Join(' ', next), StoryContent.MetaDescriptionMaxLength))
            {
                FeaturedMediaId = photos[i % photoCount],
                FeaturedCaption = HostileText.Fit(string.Join(' ', next), StoryContent.FeaturedCaptionMaxLength),
            };
            var saved = await stories.SaveAsync(authors[i], story.Id, story.Version, content);
            Assert.True(saved.Saved);
            foreach (var field in new[] { "headline", "lead", "byline", "meta description", "body text", "body link text", "body link href", "figure caption", "figure alt" })
                tried.Add(field, v);
            tried.AddRange("tags", next);
            tried.AddRange("featured caption", next);
            await stories.TransitionAsync(authors[i], story.Id, StoryAction.Submit);
            await stories.TransitionAsync(editor, story.Id, StoryAction.Publish);
            storyIds.Add(story.Id);
        }

        // One story carries every vector at once in its body, and every vector as an editorial note.
        var omnibus = await stories.CreateAsync(reporter, "vi", storySection.Id);
        var (allBody, _) = Body(vectors, photos[0]);
        var omnibusSaved = await stories.SaveAsync(reporter, omnibus.Id, omnibus.Version, new StoryContent(
            "Tất cả các vector", "Mỗi đoạn là một vector.", allBody, storySection.Id, ["hostile"], "Hoàng Lan", "tat-ca", "") { FeaturedMediaId = photos[1], FeaturedCaption = vectors[2] });
        Assert.True(omnibusSaved.Saved);
        foreach (var v in vectors)
        {
            await stories.AddNoteAsync(reporter, omnibus.Id, HostileText.Fit(v, EditorialNote.MaxLength));
            tried.Add("editorial note", v);
        }
        // Left in review (the review queue and the dashboard list it), with a request-changes note being a vector too.
        await stories.TransitionAsync(reporter, omnibus.Id, StoryAction.Submit);
        await stories.TransitionAsync(editor, omnibus.Id, StoryAction.RequestChanges, HostileText.Fit(vectors[3], EditorialNote.MaxLength));
        await stories.TransitionAsync(reporter, omnibus.Id, StoryAction.Resubmit);
        PreviewLink preview;
        await using (var editorScope = services.CreateAsyncScope())
            preview = await editorScope.ServiceProvider.As(editor).GetRequiredService<PreviewLinks>().CreateAsync(omnibus.Id);

        setupWatch.Stop();
        var trap = new Trap(server.BaseUrl);
        var pages = 0;
        var watch = Stopwatch.StartNew();

        // The public site, as a reader: every list page, every article, the preview link.
        var readerContext = await server.NewContextAsync(server.BaseUrl);
        await trap.ArmAsync(readerContext);
        var reader = await readerContext.NewPageAsync();
        trap.Watch(reader);
        var homePages = (vectors.Count + PublishedStories.PageSize - 1) / PublishedStories.PageSize;
        var publicPaths = new List<string>();
        for (var p = 1; p <= homePages; p++)
            publicPaths.Add(PublicPaths.Paged("/", p));
        publicPaths.Add("/" + SectionSlug);
        publicPaths.Add("/tag/hostile");
        for (var i = 0; i < storyIds.Count; i += ArticleEvery)
            publicPaths.Add($"/{SectionSlug}/v{i}");
        publicPaths.Add(preview.Path);
        foreach (var path in publicPaths)
        {
            var response = await reader.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"{path} answered {response?.Status}");
            // The load event has come: images' error and load handlers have had their turn.
            await trap.InspectAsync(reader, path, settle: 0);
            pages++;
        }

        // The site's name: each of a set of vectors in turn, the home page opened with it.
        var settings = asAdmin.GetRequiredService<ISiteSettingsAdministration>();
        var current = await settings.GetAsync();
        var siteNames = Soak ? vectors : vectors.Where((_, i) => i % 32 == 0).ToList();
        foreach (var v in siteNames)
        {
            var name = HostileText.Fit(v, SavedSiteSettings.NameMaxLength).Trim();
            if (name.Length == 0)
                continue;
            await settings.SaveAsync(current with { NameVi = name, NameEn = name });
            tried.Add("site name (vi, en)", v);
            await reader.GotoAsync("/");
            await trap.InspectAsync(reader, "/ (site name)", settle: 0);
            pages++;
        }

        // The editing pages, as the editor and as the admin (each page waits for its circuit and data).
        var editingPaths = new List<string> { "/newsroom", "/review", "/media", $"/stories/{omnibus.Id}", $"/stories/{omnibus.Id}/preview" };
        var storyListPages = (vectors.Count + 1 + 19) / 20;
        for (var p = 1; p <= (Soak ? storyListPages : 3); p++)
            editingPaths.Add($"/stories?page={p}");
        foreach (var id in Soak ? storyIds : storyIds.Where((_, i) => i % 120 == 0))
        {
            editingPaths.Add($"/stories/{id}");
            editingPaths.Add($"/stories/{id}/preview");
        }
        await trap.ArmAsync(editorPage.Context);
        trap.Watch(editorPage);
        foreach (var path in editingPaths)
        {
            await editorPage.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await editorPage.WaitUntilLoadedAsync();
            await trap.InspectAsync(editorPage, path);
            pages++;
        }

        await trap.ArmAsync(adminPage.Context);
        trap.Watch(adminPage);
        foreach (var path in new[] { "/admin/users", "/admin/sections", "/admin/settings", "/admin/audit" })
        {
            await adminPage.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await adminPage.WaitUntilLoadedAsync();
            await trap.InspectAsync(adminPage, path);
            pages++;
        }
        watch.Stop();

        var figures = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hostile text: {vectors.Count} vectors ({HostileText.SourceCounts}); {tried.Fields} fields; {tried.Total} vector × field values tried")
            .AppendLine(CultureInfo.InvariantCulture, $"  per field: {tried.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"  section names refused as duplicates of another's (first 100 characters alike): {refusedSectionNames}")
            .AppendLine(CultureInfo.InvariantCulture, $"  link hrefs refused by the body's allow-list: {refusedHrefs} of {vectors.Count} (the others were written after https://example.com/#)")
            .AppendLine(CultureInfo.InvariantCulture, $"  pages opened in Chromium: {pages} ({publicPaths.Count} public, among them {(storyIds.Count + ArticleEvery - 1) / ArticleEvery} of the {storyIds.Count} stories' articles (each with {ArticleSpread} vectors in its tags and featured caption), {siteNames.Count} with a hostile site name, {editingPaths.Count + 4} editing){(Soak ? " [soak]" : "")} in {watch.Elapsed.TotalSeconds:0} s (the values were stored in {setupWatch.Elapsed.TotalSeconds:0} s)")
            .AppendLine(CultureInfo.InvariantCulture, $"  executions: {trap.Executions.Count} (dialogs {trap.Dialogs}, sentinel/alert calls {trap.Calls}); injected handlers, scripts or script addresses in the DOM: {trap.Injected.Count}; requests leaving the app: {trap.OutsideRequests.Count}; page errors: {trap.PageErrors.Count}")
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "hostile-text.txt"), figures);

        Assert.True(trap.Executions.IsEmpty, "Scripts ran:\n" + string.Join("\n", trap.Executions.Take(20)));
        Assert.True(trap.Injected.IsEmpty, "Injected markup reached the DOM:\n" + string.Join("\n", trap.Injected.Take(20)));
        Assert.True(trap.OutsideRequests.IsEmpty, "Requests left the app:\n" + string.Join("\n", trap.OutsideRequests.Take(20)));
        Assert.True(trap.PageErrors.IsEmpty, "Page errors:\n" + string.Join("\n", trap.PageErrors.Take(20)));
    });

    /// <summary>
    /// A body: per vector a paragraph of it as text, a link whose text it is (to it as an address when
    /// the allow-list takes it, otherwise after https://example.com/#), and a figure with it as caption and alt.
    /// </summary>
    internal static (StoryBody Body, bool RawHrefAccepted) Body(IReadOnlyList<string> vectors, Guid mediaId)
    {
        var content = new JsonArray();
        var rawAccepted = true;
        foreach (var v in vectors)
        {
            var text = v.Length == 0 ? "?" : v;
            var raw = Link(text, v);
            var accepted = StoryBody.TryParse(Doc(new JsonArray(raw)).ToJsonString(), out _, out _);
            rawAccepted &= accepted;
            content.Add(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) });
            var fallback = Link(text, "https://example.com/#" + Uri.EscapeDataString(v));
            content.Add(accepted ? Link(text, v) : fallback);
            content.Add(new JsonObject
            {
                ["type"] = "figure",
                ["attrs"] = new JsonObject { ["mediaId"] = mediaId.ToString("D"), ["alt"] = text, ["caption"] = text },
            });
        }
        return (StoryBody.Parse(Doc(content).ToJsonString()), rawAccepted);

        static JsonObject Link(string text, string href) => new()
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject
            {
                ["type"] = "text",
                ["text"] = text,
                ["marks"] = new JsonArray(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = href } }),
            }),
        };

        static JsonObject Doc(JsonArray content) => new() { ["type"] = "doc", ["content"] = content };
    }

    /// <summary>Splits the vectors into at most <paramref name="count"/> values of at most <paramref name="limit"/> characters, joined by spaces.</summary>
    private static List<(string Text, List<string> Vectors)> Pack(IReadOnlyList<string> vectors, int limit, int count)
    {
        var packs = new List<(string Text, List<string> Vectors)>();
        var text = new StringBuilder();
        var inPack = new List<string>();
        foreach (var v in vectors)
        {
            var piece = HostileText.Fit(v, limit);
            if (text.Length > 0 && text.Length + 1 + piece.Length > limit)
            {
                packs.Add((text.ToString(), inPack));
                if (packs.Count == count)
                    return packs;
                text.Clear();
                inPack = [];
            }
            if (text.Length > 0)
                text.Append(' ');
            text.Append(piece);
            inPack.Add(v);
        }
        packs.Add((text.ToString(), inPack));
        while (packs.Count < count)
            packs.Add(("", []));
        return packs;
    }

    /// <summary>A tiny JPEG of its own colour (uploads are deduplicated by content).</summary>
    private static byte[] Photo(int index)
    {
        MediaImageProcessor.EnsureConfigured();
        using var black = Image.Black(64, 48, bands: 3);
        using var coloured = (black + new double[] { index * 10 % 256, 255 - index * 7 % 256, index * 3 % 256 }).Cast(Enums.BandFormat.Uchar);
        using var srgb = coloured.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 90);
    }

    private async Task<Actor> ActorAsync(Person person, string role)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(person.Email);
        return Actor.Create(user!.Id, person.DisplayName, role);
    }

    /// <summary>How many vectors each field was given.</summary>
    private sealed class FieldCounter
    {
        private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);

        public void Add(string field, string vector)
        {
            if (!_byField.TryGetValue(field, out var set))
                _byField[field] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(vector);
        }

        public void AddRange(string field, IEnumerable<string> vectors)
        {
            foreach (var v in vectors)
                Add(field, v);
        }

        public int Fields => _byField.Count;

        public int Total => _byField.Values.Sum(s => s.Count);

        public string Describe() => string.Join(", ", _byField.Select(f => $"{f.Key} {f.Value.Count}"));
    }
}

/// <summary>
/// What would tell that injected script ran or injected markup survived: dialogs, calls of the
/// sentinel and of alert/confirm/prompt/print (replaced before any page script by an init script
/// that reports to the test), requests to any other origin, and a scan of the DOM for event-handler
/// attributes, script addresses and scripts that are not the app's.
/// </summary>
public sealed class Trap(string baseUrl)
{
    private const string InitScript = """
        (() => {
          const report = (kind) => function (...args) {
            try { window.__xssReport(kind + ': ' + String(args[0]).slice(0, 120) + ' at ' + location.pathname); } catch { }
            return kind === 'confirm' ? false : kind === 'prompt' ? null : undefined;
          };
          window.__xssSentinel = report('sentinel');
          window.alert = report('alert');
          window.confirm = report('confirm');
          window.prompt = report('prompt');
          window.print = report('print');
        })();
        """;

    // Event-handler attributes, script addresses in any attribute that loads or links, inline
    // scripts (the app's own pages have none with these markers: Blazor's and the editor's scripts
    // are files) and structured data (JSON-LD) that a value broke out of.
    private const string DomScan = """
        () => {
          const found = [];
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) found.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 80));
              else if (/^(href|src|action|formaction|data|srcdoc|xlink:href|background|poster)$/i.test(a.name)
                       && /^\s*(javascript|vbscript|livescript|data:text\/html)/i.test(a.value))
                found.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 80));
            }
            if (el.tagName === 'SCRIPT' && el.type === 'application/ld+json') {
              // Structured data holds the headline as JSON text: it must still be one whole JSON value.
              try { JSON.parse(el.textContent); } catch { found.push('JSON-LD that does not parse: ' + el.textContent.slice(0, 80)); }
            }
            else if (el.tagName === 'SCRIPT' && !el.src && /alert|__xss|xss/i.test(el.textContent))
              found.push('SCRIPT ' + el.textContent.slice(0, 80));
            // Blazor's own <base href="/"> is the app's; any other base, and any frame, object or refresh, is not.
            if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'FRAMESET', 'BASE', 'META'].includes(el.tagName)
                && (el.getAttribute('src') || el.getAttribute('srcdoc') || el.getAttribute('data') || el.getAttribute('http-equiv')?.toLowerCase() === 'refresh'
                    || (el.tagName === 'BASE' && el.getAttribute('href') !== '/')))
              found.push(el.tagName + ' ' + el.outerHTML.slice(0, 80));
          }
          return found;
        }
        """;

    private readonly string _origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
    private int _dialogs;
    private int _calls;

    public ConcurrentQueue<string> Executions { get; } = new();

    public ConcurrentQueue<string> Injected { get; } = new();

    public ConcurrentQueue<string> OutsideRequests { get; } = new();

    public ConcurrentQueue<string> PageErrors { get; } = new();

    public int Dialogs => _dialogs;

    public int Calls => _calls;

    public async Task ArmAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ExposeFunctionAsync<string, bool>("__xssReport", what =>
        {
            Interlocked.Increment(ref _calls);
            Executions.Enqueue(what);
            return true;
        });
        await context.AddInitScriptAsync(InitScript);
    }

    public void Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref _dialogs);
            Executions.Enqueue($"dialog {dialog.Type}: {dialog.Message} at {page.Url}");
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            var url = request.Url;
            if (!url.StartsWith(_origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
                OutsideRequests.Enqueue($"{url} from {page.Url}");
        };
        page.PageError += (_, error) => PageErrors.Enqueue($"{error} at {page.Url}");
    }

    /// <summary>Lets the page settle <paramref name="settle"/> ms (autofocus, a circuit's late renders, short timers), then scans its DOM.</summary>
    public async Task InspectAsync(IPage page, string label, int settle = 150)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (settle > 0)
            await page.WaitForTimeoutAsync(settle);
        foreach (var frame in page.Frames)
        {
            string[] found;
            try
            {
                found = await frame.EvaluateAsync<string[]>(DomScan);
            }
            catch (PlaywrightException)
            {
                continue; // A frame that went away meanwhile.
            }
            foreach (var f in found)
                Injected.Enqueue($"{label}: {f}");
        }
        if (!page.Url.StartsWith(_origin, StringComparison.Ordinal))
            Executions.Enqueue($"{label}: the page navigated away to {page.Url}");
    }
}
