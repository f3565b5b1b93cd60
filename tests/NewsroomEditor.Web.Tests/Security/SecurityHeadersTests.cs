using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Security;

/// <summary>
/// The browser's defences (<see cref="SecurityHeaders"/>) over HTTP through the whole app: the
/// policy per area, its per-request nonce, HSTS, the antiforgery cookie, the Server header and
/// the editor's source map. (The access matrix checks the same headers on every HTML answer.)
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly NewsroomAppFactory _app = new()
    {
        // The test server answers as localhost, which HSTS leaves out by default.
        TestServices = services => services.PostConfigure<HstsOptions>(options => options.ExcludedHosts.Clear()),
    };

    public async Task InitializeAsync() => await _app.CompleteSetupAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_editing_page_lets_only_its_own_scripts_and_this_requests_import_map_run()
    {
        using var client = _app.CreateClient();

        var first = await NonceAndImportMapAsync(client, "/Account/Login");
        var second = await NonceAndImportMapAsync(client, "/Account/Login");

        Assert.Equal(first.Nonce, first.ImportMapNonce);
        Assert.Equal(second.Nonce, second.ImportMapNonce);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.True(Convert.FromBase64String(first.Nonce).Length >= 16, "The nonce is too short to be unguessable.");
        Assert.Equal(SecurityHeaders.EditingPolicy(first.Nonce), first.Policy);
        Assert.DoesNotContain("'unsafe-inline'", Directive(first.Policy, "script-src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_site_allows_no_inline_script_or_style_and_no_framing()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.PublicPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("script-src 'self'", Directive(SecurityHeaders.PublicPolicy, "script-src"));
        Assert.Equal("style-src 'self'", Directive(SecurityHeaders.PublicPolicy, "style-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(SecurityHeaders.PublicPolicy, "frame-ancestors"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Over_https_browsers_are_told_to_keep_to_https_for_a_year_with_subdomains()
    {
        using var secure = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var plain = _app.CreateClient();

        using var overHttps = await secure.GetAsync("/Account/Login");
        using var overHttp = await plain.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP means nothing and should not be sent.");
    }

    [Fact]
    public async Task Hsts_follows_its_settings()
    {
        await using var newsroom = new NewsroomAppFactory
        {
            TestServices = services => services.PostConfigure<HstsOptions>(options => options.ExcludedHosts.Clear()),
        };
        await using var app = newsroom.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Security:Hsts:MaxAgeDays", "30");
            builder.UseSetting("Security:Hsts:IncludeSubDomains", "false");
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/healthz");

        Assert.Equal("max-age=2592000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https()
    {
        using var secure = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var plain = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var overHttps = await secure.GetAsync("/Account/Login");
        using var overHttp = await plain.GetAsync("/Account/Login");

        var httpsCookie = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var httpCookie = Assert.Single(overHttp.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", httpsCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", httpCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Kestrel_does_not_name_itself_in_a_server_header()
    {
        var kestrel = _app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task The_preview_link_keeps_its_no_referrer_policy_under_the_public_sites_csp()
    {
        var lan = await _app.CreateUserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        using var client = _app.CreateClient();
        Guid storyId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var stories = StoryServices.From(scope.ServiceProvider);
            var actor = NewsroomEditor.Core.Accounts.Actor.Create(lan.Id, lan.DisplayName, Roles.Reporter);
            storyId = (await stories.CreateAsync(actor, "vi", null)).Id;
        }
        string path;
        await using (var scope = _app.Services.CreateAsyncScope())
            path = scope.ServiceProvider.GetRequiredService<Components.Public.PreviewLinks>().Sign(storyId, DateTimeOffset.UtcNow.AddHours(1)).Path;

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(SecurityHeaders.PublicPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_story_editors_source_map_is_served_only_from_a_debug_build()
    {
        var debug = typeof(SecurityHeaders).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration == "Debug";
        using var client = _app.CreateClient();

        using var bundle = await client.GetAsync("/js/story-editor.js");
        using var map = await client.GetAsync("/js/story-editor.js.map");
        var script = await bundle.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(debug, script.Contains("sourceMappingURL", StringComparison.Ordinal));
        Assert.Equal(debug ? HttpStatusCode.OK : HttpStatusCode.NotFound, map.StatusCode);
    }

    private static async Task<(string Policy, string Nonce, string? ImportMapNonce)> NonceAndImportMapAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Directive(policy, "script-src").Split(' ').Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var importMap = Assert.Single(document.QuerySelectorAll("script[type=importmap]"));
        return (policy, nonce, importMap.GetAttribute("nonce"));
    }

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
