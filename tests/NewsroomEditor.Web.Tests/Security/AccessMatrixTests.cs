using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Tests.Support;
using Xunit.Abstractions;
using static NewsroomEditor.Web.Tests.Security.Outcome;

namespace NewsroomEditor.Web.Tests.Security;

/// <summary>What a request came to, as the matrix tells outcomes apart.</summary>
public enum Outcome
{
    /// <summary>2xx, and for a page about the reporter's draft, the draft shown.</summary>
    Ok,
    /// <summary>A redirect to somewhere other than sign-in or access denied.</summary>
    Redirect,
    /// <summary>A redirect to /Account/Login (or 401).</summary>
    SignIn,
    /// <summary>A redirect to /Account/AccessDenied, or 403.</summary>
    Denied,
    NotFound,
    /// <summary>A 200 page about the reporter's draft that says no and shows none of the draft.</summary>
    RefusedInPage,
    BadRequest,
    MethodNotAllowed,
    /// <summary>5xx: never an expectation; any one fails the test.</summary>
    ServerError,
}

/// <summary>
/// Every routable page and endpoint of the app, read from its own endpoint data source, asked over
/// HTTPS by an anonymous visitor, a reporter (who owns the stories and the photo), a second
/// reporter, an editor and an admin, and compared with the expectation table below. A page or
/// endpoint added to the app without a line in the table fails the test. Every HTML answer is also
/// checked for the browser's defences (<see cref="SecurityHeaders"/>). Figures go to
/// <c>access-matrix.txt</c> beside the test assembly (test.sh prints them).
/// </summary>
public sealed class AccessMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string DraftHeadline = "Bản nháp riêng của Lan về đê biển Cà Mau";
    private const string DraftLead = "Chỉ tác giả và biên tập viên được đọc bản nháp chưa gửi duyệt này.";
    private static readonly string[] Principals = ["anonymous", "reporter", "second reporter", "editor", "admin"];

    // Over HTTPS as in production; HSTS is left out for localhost by default, which is where the
    // test server answers, so the test lets it through to check it.
    private readonly NewsroomAppFactory _app = new()
    {
        TestServices = services => services.PostConfigure<HstsOptions>(options => options.ExcludedHosts.Clear()),
    };
    private readonly Dictionary<string, string> _values = [];
    private readonly Dictionary<string, string> _englishValues = [];

    /// <summary>
    /// What each principal gets, in the order of <see cref="Principals"/>, by "METHOD pattern". Static
    /// files are the one family outside it: every one of them is public (<see cref="StaticAsset"/>).
    /// </summary>
    private static readonly Dictionary<string, Outcome[]> Expected = new()
    {
        // The editing UI: signed-in staff; the admin alone works on accounts, not stories.
        ["GET /newsroom"] = [SignIn, Ok, Ok, Ok, Ok],
        ["GET /stories"] = [SignIn, Ok, Ok, Ok, Denied],
        // The reporter's own draft: the second reporter gets the page's refusal, never the draft.
        ["GET /stories/{Id:guid}"] = [SignIn, Ok, RefusedInPage, Ok, Denied],
        ["GET /stories/{Id:guid}/preview"] = [SignIn, Ok, RefusedInPage, Ok, Denied],
        ["GET /review"] = [SignIn, Denied, Denied, Ok, Denied],
        ["GET /media"] = [SignIn, Ok, Ok, Ok, Denied],
        ["GET /media/preview/{id:guid}"] = [SignIn, Redirect, Redirect, Redirect, Denied],
        ["GET /admin"] = [SignIn, Denied, Denied, Denied, Ok],
        ["GET /admin/users"] = [SignIn, Denied, Denied, Denied, Ok],
        ["GET /admin/sections"] = [SignIn, Denied, Denied, Denied, Ok],
        ["GET /admin/settings"] = [SignIn, Denied, Denied, Denied, Ok],
        ["GET /admin/audit"] = [SignIn, Denied, Denied, Denied, Ok],
        ["GET /admin/audit/export"] = [SignIn, Denied, Denied, Denied, Ok],
        // A form post to a page passes the same authorization; a post naming no form is a 400.
        ["POST /newsroom"] = [SignIn, BadRequest, BadRequest, BadRequest, BadRequest],
        ["POST /stories"] = [SignIn, BadRequest, BadRequest, BadRequest, Denied],
        ["POST /stories/{Id:guid}"] = [SignIn, BadRequest, BadRequest, BadRequest, Denied],
        ["POST /stories/{Id:guid}/preview"] = [SignIn, BadRequest, BadRequest, BadRequest, Denied],
        ["POST /review"] = [SignIn, Denied, Denied, BadRequest, Denied],
        ["POST /media"] = [SignIn, BadRequest, BadRequest, BadRequest, Denied],
        ["POST /admin"] = [SignIn, Denied, Denied, Denied, BadRequest],
        ["POST /admin/users"] = [SignIn, Denied, Denied, Denied, BadRequest],
        ["POST /admin/sections"] = [SignIn, Denied, Denied, Denied, BadRequest],
        ["POST /admin/settings"] = [SignIn, Denied, Denied, Denied, BadRequest],
        ["POST /admin/audit"] = [SignIn, Denied, Denied, Denied, BadRequest],

        // Set up already: the first-run page is gone for everyone.
        ["GET /setup"] = Everyone(NotFound),
        ["POST /setup"] = Everyone(NotFound),
        ["GET /Error"] = Everyone(Ok),
        ["POST /Error"] = Everyone(BadRequest),
        ["GET /not-found"] = Everyone(Ok),
        ["POST /not-found"] = Everyone(BadRequest),

        // Account pages anyone may open (sign-in, recovery, invitation, confirmation).
        ["GET /Account/Login"] = Everyone(Ok),
        ["GET /Account/AccessDenied"] = Everyone(Ok),
        ["GET /Account/AcceptInvitation"] = Everyone(Ok),
        ["GET /Account/ConfirmEmail"] = Everyone(Redirect),
        // Without its link's user, address and code, the page sends everyone to sign-in with a message.
        ["GET /Account/ConfirmEmailChange"] = Everyone(SignIn),
        ["GET /Account/ForgotPassword"] = Everyone(Ok),
        ["GET /Account/ForgotPasswordConfirmation"] = Everyone(Ok),
        ["GET /Account/InvalidPasswordReset"] = Everyone(Ok),
        ["GET /Account/InvalidUser"] = Everyone(Ok),
        ["GET /Account/Lockout"] = Everyone(Ok),
        ["GET /Account/ResendEmailConfirmation"] = Everyone(Ok),
        ["GET /Account/ResetPassword"] = Everyone(Redirect),
        ["GET /Account/ResetPasswordConfirmation"] = Everyone(Ok),
        // Two-factor sign-in without the password step first: back to sign-in, for everyone.
        ["GET /Account/LoginWith2fa"] = Everyone(SignIn),
        ["GET /Account/LoginWithRecoveryCode"] = Everyone(SignIn),
        ["POST /Account/Login"] = Everyone(BadRequest),
        ["POST /Account/AccessDenied"] = Everyone(BadRequest),
        ["POST /Account/AcceptInvitation"] = Everyone(BadRequest),
        ["POST /Account/ConfirmEmail"] = Everyone(BadRequest),
        ["POST /Account/ConfirmEmailChange"] = Everyone(BadRequest),
        ["POST /Account/ForgotPassword"] = Everyone(BadRequest),
        ["POST /Account/ForgotPasswordConfirmation"] = Everyone(BadRequest),
        ["POST /Account/InvalidPasswordReset"] = Everyone(BadRequest),
        ["POST /Account/InvalidUser"] = Everyone(BadRequest),
        ["POST /Account/Lockout"] = Everyone(BadRequest),
        ["POST /Account/ResendEmailConfirmation"] = Everyone(BadRequest),
        ["POST /Account/ResetPassword"] = Everyone(BadRequest),
        ["POST /Account/ResetPasswordConfirmation"] = Everyone(BadRequest),
        ["POST /Account/LoginWith2fa"] = Everyone(BadRequest),
        ["POST /Account/LoginWithRecoveryCode"] = Everyone(BadRequest),
        // Signing out works for anyone and ends on the sign-in page (the menu's form asks for it; a
        // post without a local returnUrl lands there too).
        ["POST /Account/Logout"] = Everyone(SignIn),
        ["POST /Account/PasskeyCreationOptions"] = [NotFound, Ok, Ok, Ok, Ok],
        ["POST /Account/PasskeyRequestOptions"] = Everyone(Ok),

        // Each person's own account: signed in, any role.
        ["GET /Account/Manage"] = SignedIn(Ok),
        ["GET /Account/Manage/ChangePassword"] = SignedIn(Ok),
        ["GET /Account/Manage/ErasePersonalData"] = SignedIn(Ok),
        ["GET /Account/Manage/Email"] = SignedIn(Ok),
        ["GET /Account/Manage/EnableAuthenticator"] = SignedIn(Ok),
        ["GET /Account/Manage/ExternalLogins"] = SignedIn(Ok),
        ["GET /Account/Manage/Passkeys"] = SignedIn(Ok),
        ["GET /Account/Manage/PersonalData"] = SignedIn(Ok),
        ["GET /Account/Manage/RenamePasskey/{Id}"] = SignedIn(Redirect),
        ["GET /Account/Manage/ResetAuthenticator"] = SignedIn(Ok),
        ["GET /Account/Manage/Sessions"] = SignedIn(Ok),
        ["GET /Account/Manage/SetPassword"] = SignedIn(Redirect),
        ["GET /Account/Manage/TwoFactorAuthentication"] = SignedIn(Ok),
        // Two-factor management without two-factor switched on: back to the two-factor page.
        ["GET /Account/Manage/Disable2fa"] = SignedIn(Redirect),
        ["GET /Account/Manage/GenerateRecoveryCodes"] = SignedIn(Redirect),
        ["POST /Account/Manage"] = SignedIn(BadRequest),
        ["POST /Account/Manage/ChangePassword"] = SignedIn(BadRequest),
        ["POST /Account/Manage/ErasePersonalData"] = SignedIn(BadRequest),
        ["POST /Account/Manage/Disable2fa"] = SignedIn(BadRequest),
        ["POST /Account/Manage/Email"] = SignedIn(BadRequest),
        ["POST /Account/Manage/EnableAuthenticator"] = SignedIn(BadRequest),
        ["POST /Account/Manage/ExternalLogins"] = SignedIn(BadRequest),
        ["POST /Account/Manage/GenerateRecoveryCodes"] = SignedIn(BadRequest),
        // An external provider the app does not have.
        ["POST /Account/Manage/LinkExternalLogin"] = SignedIn(BadRequest),
        ["POST /Account/Manage/Passkeys"] = SignedIn(BadRequest),
        ["POST /Account/Manage/PersonalData"] = SignedIn(BadRequest),
        ["POST /Account/Manage/RenamePasskey/{Id}"] = SignedIn(BadRequest),
        ["POST /Account/Manage/ResetAuthenticator"] = SignedIn(BadRequest),
        // A post naming no form: neither erases nor signs out everywhere (the later requests would fail).
        ["POST /Account/Manage/Sessions"] = SignedIn(BadRequest),
        ["POST /Account/Manage/SetPassword"] = SignedIn(BadRequest),
        ["POST /Account/Manage/TwoFactorAuthentication"] = SignedIn(BadRequest),
        ["POST /Account/Manage/DownloadPersonalData"] = SignedIn(Ok),

        // The public site, for everyone; the default language (vi) has no prefix of its own.
        ["GET /"] = Everyone(Ok),
        ["GET /{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/{slug:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /tag/{tag:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /rss.xml"] = Everyone(Ok),
        ["GET /tim-kiem"] = Everyone(Ok),
        ["GET /search"] = Everyone(NotFound),
        ["GET /{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/rss.xml"] = Everyone(Ok),
        ["GET /en/"] = Everyone(Ok),
        ["GET /en/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /en/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/{slug:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /en/tag/{tag:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(Ok),
        ["GET /en/rss.xml"] = Everyone(Ok),
        ["GET /en/search"] = Everyone(Ok),
        ["GET /en/tim-kiem"] = Everyone(NotFound),
        ["GET /en/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/rss.xml"] = Everyone(Ok),
        ["GET /vi/"] = Everyone(NotFound),
        ["GET /vi/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(NotFound),
        ["GET /vi/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/{slug:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(NotFound),
        ["GET /vi/tag/{tag:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}"] = Everyone(NotFound),
        ["GET /vi/rss.xml"] = Everyone(NotFound),
        ["GET /vi/tim-kiem"] = Everyone(NotFound),
        ["GET /vi/search"] = Everyone(NotFound),
        ["GET /vi/{section:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}/rss.xml"] = Everyone(NotFound),
        ["GET /sitemap.xml"] = Everyone(Ok),
        ["GET /news-sitemap.xml"] = Everyone(Ok),
        ["GET /robots.txt"] = Everyone(Ok),
        ["GET /media/{fileName}"] = Everyone(Ok),
        // The signed link is the permission: whoever holds it reads the draft.
        ["GET /preview/{token}"] = Everyone(Ok),

        // Machinery: health for monitors, Blazor's own endpoints, the static files' fallback.
        ["GET /healthz"] = Everyone(Ok),
        ["POST /healthz"] = Everyone(Ok),
        ["GET /_framework/opaque-redirect"] = Everyone(BadRequest),
        ["GET /_blazor/negotiate"] = Everyone(MethodNotAllowed),
        ["POST /_blazor/negotiate"] = Everyone(Ok),
        ["GET /_blazor"] = Everyone(BadRequest),
        ["POST /_blazor"] = Everyone(BadRequest),
        ["GET /_blazor/disconnect/"] = Everyone(MethodNotAllowed),
        ["POST /_blazor/disconnect/"] = Everyone(BadRequest),
        ["GET /_blazor/initializers/"] = Everyone(Ok),
        ["POST /_blazor/initializers/"] = Everyone(Ok),
        ["GET {**path:file}"] = Everyone(NotFound),

    };

    private static Outcome[] Everyone(Outcome outcome) => [outcome, outcome, outcome, outcome, outcome];

    private static Outcome[] SignedIn(Outcome outcome) => [SignIn, outcome, outcome, outcome, outcome];

    private static readonly Outcome[] StaticAsset = Everyone(Ok);

    public async Task InitializeAsync()
    {
        var desk = await PublishingDesk.OpenAsync(_app);
        await _app.CreateUserAsync("minh@baothunghiem.vn", "Trần Minh", Roles.Reporter);

        var draft = await desk.DraftAsync(new StoryDraft(DraftHeadline, DraftLead));
        var published = await desk.PublishAsync(new StoryDraft("Hội nghị tổng kết mùa lúa", "Nông dân tỉnh thu hoạch vụ lúa bội thu.", Tags: ["Nông nghiệp"]));
        var english = await desk.PublishAsync(new StoryDraft("Rice harvest review meeting", "Farmers bring in a record crop.", Language: "en", Tags: ["Farming"], Byline: "Hoang Lan"));
        var photo = await desk.UploadPhotoAsync("Cánh đồng lúa");
        var section = await desk.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<NewsroomDbContext>().Sections.Single(s => s.Id == published.SectionId)));
        var token = await desk.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PreviewLinks>().Sign(draft.Id, DateTimeOffset.UtcNow.AddHours(1)).Token));

        _values["Id"] = draft.Id.ToString();
        _values["id"] = photo.Id.ToString();
        _values["fileName"] = photo.Renditions[0].FileName;
        _values["token"] = token;
        _values["section"] = section.SlugVi;
        _values["slug"] = published.Slug;
        _values["tag"] = published.TagSlugs.Trim('|').Split('|')[0];
        _values["path"] = "no-such-file.txt";
        foreach (var (name, value) in _values)
            _englishValues[name] = value;
        _englishValues["section"] = section.SlugEn;
        _englishValues["slug"] = english.Slug;
        _englishValues["tag"] = english.TagSlugs.Trim('|').Split('|')[0];
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_says_and_every_page_carries_the_security_headers()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var requests = new List<(string Key, string Method, string Path, bool Static)>();
        var unlisted = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var isStatic = endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                if (isStatic && method != "GET")
                    continue;
                var key = $"{method} {endpoint.RoutePattern.RawText}";
                if (!isStatic && !Expected.ContainsKey(key))
                {
                    unlisted.Add(key);
                    continue;
                }
                requests.Add((key, method, Fill(endpoint.RoutePattern), isStatic));
            }
        }
        // A line for a page or endpoint the app no longer has would let a renamed one go untested.
        var stale = Expected.Keys.Except(requests.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        requests = [.. requests.DistinctBy(r => r.Key)
            // Signing out last: it ends the session that the other requests use.
            .OrderBy(r => r.Key == "POST /Account/Logout")];

        var clients = new HttpClient[Principals.Length];
        clients[0] = NewClient();
        clients[1] = await SignedInAsync("lan@baothunghiem.vn");
        clients[2] = await SignedInAsync("minh@baothunghiem.vn");
        clients[3] = await SignedInAsync("thu@baothunghiem.vn");
        clients[4] = await SignedInAsync("admin@example.vn");
        var tokens = new string[Principals.Length];
        for (var p = 0; p < Principals.Length; p++)
            tokens[p] = await AntiforgeryTokenAsync(clients[p], p == 0 ? "/Account/Login" : "/Account/Manage");

        var tried = 0;
        var serverErrors = 0;
        var unexpectedAllows = new List<string>();
        var unexpectedDenies = new List<string>();
        var otherMismatches = new List<string>();
        var headerChecks = new HeaderChecks();
        foreach (var (key, method, path, isStatic) in requests)
        {
            var expected = isStatic ? StaticAsset : Expected[key];
            for (var p = 0; p < Principals.Length; p++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = tokens[p],
                        ["returnUrl"] = "",
                        ["provider"] = "NoSuchProvider",
                    });
                    request.Headers.Add("RequestVerificationToken", tokens[p]);
                }
                using var response = await clients[p].SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                tried++;
                var concernsDraft = path.Contains(_values["Id"], StringComparison.Ordinal);
                var actual = Classify(response, body, concernsDraft);
                if (actual == ServerError)
                    serverErrors++;
                var label = $"{key} ({path}) as {Principals[p]}: expected {expected[p]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})";
                var leaks = body.Contains(DraftHeadline, StringComparison.Ordinal) || body.Contains(DraftLead, StringComparison.Ordinal);
                if (IsDenial(actual) && leaks)
                    unexpectedAllows.Add(label + ", and the refusal shows the draft");
                else if (actual != expected[p])
                {
                    if (IsDenial(expected[p]) && IsPass(actual))
                        unexpectedAllows.Add(label);
                    else if (IsPass(expected[p]) && IsDenial(actual))
                        unexpectedDenies.Add(label);
                    else
                        otherMismatches.Add(label);
                }
                headerChecks.Check(response, body, $"{key} ({path}) as {Principals[p]}");
            }
        }
        foreach (var client in clients)
            client.Dispose();

        var figure = $"Access matrix: {requests.Count(r => !r.Static)} endpoints and {requests.Count(r => r.Static)} static files × {Principals.Length} principals, " +
                     $"{tried} requests tried, unexpected allows {unexpectedAllows.Count}, unexpected denies {unexpectedDenies.Count}, " +
                     $"other mismatches {otherMismatches.Count}, unlisted {unlisted.Count}, stale {stale.Count}; 500s {serverErrors}";
        var headersFigure = $"Security headers: {headerChecks.HtmlResponses} HTML responses checked " +
                            $"({headerChecks.EditingPolicy} under the editing policy, {headerChecks.PublicPolicy} under the public one), missing {headerChecks.Missing.Count}";
        var details = unexpectedAllows.Concat(unexpectedDenies).Concat(otherMismatches).Concat(unlisted.Select(u => $"unlisted: {u}")).Concat(stale.Select(s => $"stale: {s}")).Concat(headerChecks.Missing).ToList();
        output.WriteLine(figure);
        output.WriteLine(headersFigure);
        details.ForEach(output.WriteLine);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "access-matrix.txt"), [figure, headersFigure, .. details]);

        Assert.Empty(unlisted);
        Assert.Empty(stale);
        // No page or endpoint may answer anyone with a 500, whatever the table says.
        Assert.Equal(0, serverErrors);
        Assert.Empty(unexpectedAllows);
        Assert.Empty(unexpectedDenies);
        Assert.Empty(otherMismatches);
        Assert.Empty(headerChecks.Missing);
        Assert.True(headerChecks.HtmlResponses > 100, headersFigure);
    }

    private static bool IsDenial(Outcome outcome) => outcome is SignIn or Denied or NotFound or RefusedInPage;

    private static bool IsPass(Outcome outcome) => outcome is Ok or Redirect;

    private static Outcome Classify(HttpResponseMessage response, string body, bool concernsDraft)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        return status switch
        {
            401 => SignIn,
            403 => Denied,
            404 or 410 => NotFound,
            405 => MethodNotAllowed,
            400 => BadRequest,
            >= 500 => ServerError,
            >= 300 and < 400 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => SignIn,
            >= 300 and < 400 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Denied,
            >= 300 and < 400 => Redirect,
            _ when concernsDraft && !body.Contains(DraftHeadline, StringComparison.Ordinal) => RefusedInPage,
            _ => Ok,
        };
    }

    private string Fill(RoutePattern pattern)
    {
        var values = pattern.RawText!.StartsWith("/en/", StringComparison.Ordinal) ? _englishValues : _values;
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value)
                ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"The matrix has no value for {{{parameter.Name}}} in {pattern.RawText}: add one in InitializeAsync."),
            _ => throw new InvalidOperationException($"Unknown route part in {pattern.RawText}."),
        })));
        var path = "/" + string.Join('/', segments);
        return pattern.RawText!.EndsWith('/') && !path.EndsWith('/') ? path + "/" : path;
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        using var response = await Forms.SignInAsync(client, email, NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var input = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]");
        return input?.GetAttribute("value") ?? throw new InvalidOperationException($"{page} has no antiforgery token.");
    }
}

/// <summary>The headers every HTML answer must carry (see <see cref="SecurityHeaders"/>), each missing one listed.</summary>
internal sealed partial class HeaderChecks
{
    public int HtmlResponses { get; private set; }

    /// <summary>HTML answers under the editing UI's policy (with a nonce) and under the public site's.</summary>
    public int EditingPolicy { get; private set; }

    public int PublicPolicy { get; private set; }

    public List<string> Missing { get; } = [];

    public void Check(HttpResponseMessage response, string body, string label)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
            return;
        HtmlResponses++;
        var csp = Directives(response);
        Require(csp.TryGetValue("script-src", out var scripts), label, "CSP script-src");
        if (scripts is not null)
        {
            if (scripts.Any(s => s.StartsWith("'nonce-", StringComparison.Ordinal)))
                EditingPolicy++;
            else
                PublicPolicy++;
            Require(!scripts.Contains("'unsafe-inline'") && !scripts.Contains("'unsafe-eval'") && !scripts.Contains("*") && !scripts.Contains("data:"),
                label, $"a script-src without unsafe sources (got {string.Join(' ', scripts)})");
            foreach (var script in InlineScripts().Matches(body).Select(m => m.Groups["attributes"].Value))
            {
                var nonce = WebUtility.HtmlDecode(Regex.Match(script, "nonce=\"(?<n>[^\"]+)\"").Groups["n"].Value);
                Require(WebUtility.HtmlDecode(script).Contains("application/ld+json", StringComparison.Ordinal) || (nonce.Length > 0 && scripts.Contains($"'nonce-{nonce}'")),
                    label, $"the CSP nonce on an inline script <script{script}>");
            }
        }
        Require(csp.TryGetValue("object-src", out var objects) && objects.SequenceEqual(["'none'"]), label, "CSP object-src 'none'");
        Require(csp.TryGetValue("base-uri", out var bases) && bases.Length == 1 && bases[0] is "'none'" or "'self'", label, "CSP base-uri 'none' or 'self'");
        Require(csp.TryGetValue("frame-ancestors", out var frames) && frames.Length == 1 && frames[0] is "'none'" or "'self'", label, "CSP frame-ancestors 'none' or 'self'");
        Require(csp.TryGetValue("form-action", out var forms) && forms.SequenceEqual(["'self'"]), label, "CSP form-action 'self'");
        Require(csp.TryGetValue("default-src", out var defaults) && defaults.SequenceEqual(["'self'"]), label, "CSP default-src 'self'");
        Require(Header(response, "X-Content-Type-Options") == "nosniff", label, "X-Content-Type-Options: nosniff");
        var referrer = Header(response, "Referrer-Policy");
        var isPreview = response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/preview/", StringComparison.Ordinal) == true;
        Require(referrer == (isPreview ? "no-referrer" : SecurityHeaders.ReferrerPolicy), label, $"Referrer-Policy (got {referrer})");
        var hsts = Header(response, "Strict-Transport-Security") ?? "";
        Require(hsts.Contains("max-age=31536000", StringComparison.Ordinal) && hsts.Contains("includeSubDomains", StringComparison.Ordinal), label, $"HSTS for a year with subdomains (got {hsts})");
        Require(!response.Headers.Contains("Server"), label, "no Server header");
    }

    private void Require(bool condition, string label, string what)
    {
        if (!condition)
            Missing.Add($"{label}: missing {what}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The policy's directives by name; a second policy header would be a reason to look closer, so they are joined.</summary>
    public static Dictionary<string, string[]> Directives(HttpResponseMessage response)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (!response.Headers.TryGetValues("Content-Security-Policy", out var policies))
            return result;
        foreach (var directive in policies.SelectMany(p => p.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parts = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            result[parts[0]] = result.TryGetValue(parts[0], out var earlier) ? [.. earlier, .. parts[1..]] : parts[1..];
        }
        return result;
    }

    /// <summary>Script elements without a src: the inline ones.</summary>
    [GeneratedRegex("<script(?<attributes>(?![^>]*\\bsrc=)[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();
}
