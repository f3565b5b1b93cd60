using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.E2E.Support;

/// <summary>The first-run journey needs an app nobody has set up yet: a server of its own.</summary>
[CollectionDefinition(Name)]
public sealed class FirstRunCollection : ICollectionFixture<AppServer>
{
    public const string Name = "First run";
}

/// <summary>Every other browser test shares one set-up newsroom and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class NewsroomCollection : ICollectionFixture<NewsroomServer>
{
    public const string Name = "Newsroom";
}

/// <summary>A newsroom with its admin, a reporter (the sample article's byline) and an editor.</summary>
public sealed class NewsroomServer : AppServer
{
    public const string Password = "một mật khẩu đủ dài";
    public static readonly Person Admin = new("admin@baothunghiem.vn", "Quản trị");
    public static readonly Person Reporter = new("lan@baothunghiem.vn", "Hoàng Lan");
    public static readonly Person Editor = new("thu@baothunghiem.vn", "Nguyễn Thu");
    public static readonly Person SecondEditor = new("minh@baothunghiem.vn", "Trần Minh");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync(Admin, Password, Roles.Admin);
        await CreateUserAsync(Reporter, Password, Roles.Reporter);
        await CreateUserAsync(Editor, Password, Roles.Editor);
        await CreateUserAsync(SecondEditor, Password, Roles.Editor);
    }

    /// <summary>A new browser context signed in as <paramref name="person"/>, on the dashboard with its circuit up.</summary>
    public async Task<IPage> SignInAsync(Person person)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom", AfterEnhancedNavigation.Options);
        await page.WaitForCircuitAsync();
        return page;
    }
}

public sealed record Person(string Email, string DisplayName);

/// <summary>
/// The real app on a real port over a fresh SQLite database, and Debian's Chromium driven by
/// Playwright. Chromium is never downloaded: it comes from <c>CHROMIUM_PATH</c> or /usr/bin/chromium,
/// which the test command installs.
/// </summary>
public class AppServer : IAsyncLifetime
{
    private readonly KestrelFactory _factory;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IBrowserContext, System.Collections.Concurrent.ConcurrentQueue<string>> _cspViolations = new();
    private IPlaywright? _playwright;

    public AppServer()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A server with extra settings, for a test that needs the app configured its own way.</summary>
    protected AppServer(IReadOnlyDictionary<string, string> settings) =>
        _factory = new KestrelFactory(KestrelFactory.NewDataFolder(), port: 0, settings);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Slows every browser-to-circuit message down while a test needs a busy server.</summary>
    public CircuitSlowdown Slowdown => _factory.Slowdown;

    public virtual async Task InitializeAsync()
    {
        var chromium = FindChromium();
        BaseUrl = _factory.Start();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // This machine has no outside network and runs as root: no sandbox, no GPU, no phoning home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) and page, as a new person at their own computer. The
    /// browser asks for English unless told otherwise: the tests find controls by their English
    /// names; the Vietnamese interface has its own tests.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await NewContextAsync(BaseUrl, locale);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh browser context on <paramref name="baseUrl"/> (another app than this one, say), traced
    /// so that a failing test leaves its trace (see <see cref="RunAsync"/>).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = locale });
        context.SetDefaultTimeout(15_000);
        // A whole page load (a new circuit, its data) on a shared, busy 2-core machine can take longer
        // than a click's wait; this is a limit, not a measure.
        context.SetDefaultNavigationTimeout(30_000);
        // DOM snapshots of every action (the trace viewer shows the page from them), kept only if
        // the test fails. No screencast: it costs a shared 2-core machine more than it tells.
        await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true });
        await TrapCspViolationsAsync(context);
        _contexts.Add(context);
        return context;
    }

    /// <summary>
    /// Records every Content-Security-Policy violation of the context's pages (the document's
    /// <c>securitypolicyviolation</c> event, and Chromium's console error for one), so that
    /// <see cref="RunAsync"/> fails a test whose pages the policy broke, even if the test's own
    /// steps happened to pass.
    /// </summary>
    private async Task TrapCspViolationsAsync(IBrowserContext context)
    {
        var violations = _cspViolations.GetOrAdd(context, _ => new());
        await context.ExposeFunctionAsync("__newsroomCspViolation", (string report) => violations.Enqueue(report));
        await context.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) => {
                window.__newsroomCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${document.location.pathname}` +
                    (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ""));
            });
            """);
        context.Page += (_, page) => page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue($"console: {message.Text}");
        };
    }

    /// <summary>The CSP violations seen so far in <paramref name="context"/>'s pages.</summary>
    public IReadOnlyList<string> CspViolations(IBrowserContext context) =>
        _cspViolations.TryGetValue(context, out var violations) ? [.. violations] : [];

    /// <summary>
    /// Runs a test's body. When it fails, each page the test opened is photographed and each of its
    /// browser contexts' Playwright trace saved under <c>TestResults/e2e/</c> at the repository's root
    /// (open a trace with <c>pwsh bin/Debug/net10.0/playwright.ps1 show-trace FILE</c> or
    /// trace.playwright.dev), and the failure's message names those files. Either way the test's
    /// contexts are closed at the end, so the next test starts from a quiet browser.
    /// </summary>
    public async Task RunAsync(Func<Task> test, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        var firstContext = _contexts.Count;
        Exception? failure = null;
        try
        {
            await test();
        }
        catch (Exception e)
        {
            failure = e;
        }
        var contexts = _contexts.Skip(firstContext).ToList();
        _contexts.RemoveRange(firstContext, contexts.Count);
        // Every browser test also proves that the security policy breaks nothing on its pages.
        var violations = contexts.SelectMany(CspViolations).Distinct().ToList();
        foreach (var context in contexts)
            _cspViolations.TryRemove(context, out _);
        if (failure is null && violations.Count > 0)
        {
            failure = new Xunit.Sdk.XunitException(
                $"The pages broke the Content-Security-Policy {violations.Count} time(s):" + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }
        else if (failure is not null && violations.Count > 0)
        {
            failure = new Xunit.Sdk.XunitException(
                failure.Message + Environment.NewLine + "Content-Security-Policy violations seen: " + string.Join(Environment.NewLine, violations), failure);
        }
        IReadOnlyList<string> evidence = [];
        try
        {
            if (failure is not null)
                evidence = await SaveEvidenceAsync(testName, contexts);
        }
        catch (Exception e) when (failure is not null)
        {
            // The test's own failure matters more than the evidence's.
            evidence = [$"(saving the evidence failed: {e.GetType().Name}: {e.Message})"];
        }
        finally
        {
            foreach (var context in contexts)
            {
                // A test may have closed its context already (to simulate leaving, say).
                try
                {
                    if (failure is null)
                        await context.Tracing.StopAsync();
                }
                catch (PlaywrightException)
                {
                }
                await context.DisposeAsync();
            }
        }
        if (failure is not null)
            throw new TestFailureWithEvidence(failure, evidence);
    }

    private static async Task<List<string>> SaveEvidenceAsync(string testName, List<IBrowserContext> contexts)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "e2e");
        Directory.CreateDirectory(folder);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var files = new List<string>();
        for (var c = 0; c < contexts.Count; c++)
        {
            var prefix = Path.Combine(folder, $"{testName}-{stamp}-context{c + 1}");
            var pages = contexts[c].Pages;
            for (var p = 0; p < pages.Count; p++)
            {
                // Evidence is best effort: a page or context the failure already closed is skipped.
                try
                {
                    var screenshot = $"{prefix}-page{p + 1}.png";
                    await pages[p].ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 10_000 });
                    files.Add(screenshot);
                }
                catch (PlaywrightException)
                {
                }
            }
            try
            {
                var trace = $"{prefix}-trace.zip";
                await contexts[c].Tracing.StopAsync(new TracingStopOptions { Path = trace });
                files.Add(trace);
            }
            catch (PlaywrightException)
            {
            }
        }
        return files;
    }

    /// <summary>Creates a confirmed account with roles, as an admin will through the admin pages.</summary>
    public async Task CreateUserAsync(Person person, string password, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        _factory.DeleteDataFolder();
    }

    public static string FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (string.IsNullOrWhiteSpace(path))
            path = "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Run the README's test command (./test.sh), which installs Debian's " +
                "chromium package, or set CHROMIUM_PATH to a Chromium or Chrome executable.");
        }
        return path;
    }
}

/// <summary>A browser test's failure, with the screenshots and traces it left (see <see cref="AppServer.RunAsync"/>).</summary>
public sealed class TestFailureWithEvidence(Exception failure, IReadOnlyList<string> evidence)
    : Exception(
        failure.Message + Environment.NewLine + (evidence.Count == 0
            ? "No screenshot or trace could be saved."
            : "Evidence (screenshots, Playwright traces):" + Environment.NewLine + string.Join(Environment.NewLine, evidence.Select(f => "  " + f))),
        failure)
{
    public IReadOnlyList<string> Evidence { get; } = evidence;
}
