using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Web.Components;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// Signing in over HTTP, as a browser without JavaScript would: lockout, audit of every attempt,
/// single-use authenticator codes and <c>Security:RequireTwoFactorFor</c> (Editor here).
/// </summary>
public sealed class SignInSecurityTests : IClassFixture<SignInSecurityTests.AuditedNewsroom>
{
    private readonly AuditedNewsroom _app;

    public SignInSecurityTests(AuditedNewsroom app) => _app = app;

    /// <summary>A set-up newsroom that requires two-factor sign-in of editors and keeps its audit records in memory.</summary>
    public sealed class AuditedNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public RecordingAuditLog Audit { get; } = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Security:RequireTwoFactorFor", "Editor");
                builder.ConfigureTestServices(services => services.AddSingleton<IAuditLog>(Audit));
            });
            Audit.App = App.Services;
            await using var scope = App.Services.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<IFirstRunSetup>();
            Assert.True((await setup.CreateFirstAdminAsync(new FirstAdmin("admin@example.vn", "Quản trị", NewsroomAppFactory.Password))).Succeeded);
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();

        public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public async Task<ApplicationUser> UserAsync(string email, string role, bool withAuthenticator = false)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            Assert.True((await users.CreateAsync(user, NewsroomAppFactory.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            if (withAuthenticator)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return user;
        }

        public async Task<T> UsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
        }

        /// <summary>The current authenticator code of a user, computed from their key (RFC 6238).</summary>
        public Task<string> CodeAsync(string userId) => UsersAsync(async users =>
        {
            var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!);
            return SingleUseAuthenticatorTokenProvider.ComputeCode(
                SingleUseAuthenticatorTokenProvider.Base32Decode(key!), DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        });
    }

    /// <summary>
    /// Keeps what the app records directly (sign-ins), for the test to read, with the entries that
    /// account changes wrote with their saves (in the app's database).
    /// </summary>
    public sealed class RecordingAuditLog : IAuditLog
    {
        private readonly ConcurrentQueue<AuditRecord> _records = new();

        public IServiceProvider? App { get; set; }

        public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
        {
            _records.Enqueue(record);
            return Task.CompletedTask;
        }

        public IReadOnlyList<AuditRecord> About(string userId) => All.Where(r => r.Target == $"user:{userId}").ToList();

        public IReadOnlyList<AuditRecord> All => [.. _records, .. Stored()];

        private List<AuditRecord> Stored()
        {
            if (App is null)
                return [];
            using var scope = App.CreateScope();
            return scope.ServiceProvider.GetRequiredService<NewsroomEditor.Core.Data.NewsroomDbContext>().AuditEntries
                .OrderBy(e => e.Id).AsEnumerable()
                .Select(e => new AuditRecord(e.Action, e.ActorId, e.ActorName, e.Target, e.Details)).ToList();
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too()
    {
        var user = await _app.UserAsync("locked@example.vn", Roles.Reporter);
        using var browser = _app.Browser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await Forms.SignInAsync(browser, "locked@example.vn", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var fifth = await Forms.SignInAsync(browser, "locked@example.vn", "not the password at all");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var right = await Forms.SignInAsync(browser, "locked@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var dashboard = await browser.GetAsync("/newsroom");
        Assert.StartsWith("/Account/Login", dashboard.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        // The lockout page says until when, 15 minutes on, in the site's time zone (UTC+7).
        var lockoutEnd = await _app.UsersAsync(async users => await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!));
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        // The time is written in the reader's culture (en-US here, as the browser asks).
        var page = new HtmlParser().ParseDocument(await (await browser.GetAsync(right.Headers.Location)).Content.ReadAsStringAsync());
        var until = SiteTime.Show(lockoutEnd.Value.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Assert.Contains($"locked until {until} (Asia/Ho_Chi_Minh).", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var records = _app.Audit.About(user.Id);
        Assert.Equal(4, records.Count(r => r.Action == AuditActions.SignInFailed));
        Assert.Equal(2, records.Count(r => r.Action == AuditActions.LockedOut));
        Assert.All(records, r => Assert.Equal("locked@example.vn", r.ActorName));
        Assert.DoesNotContain(records, r => r.Action == AuditActions.SignInSucceeded);
    }

    [Fact]
    public async Task A_success_is_audited_and_remembered_as_the_last_sign_in()
    {
        var user = await _app.UserAsync("lan@example.vn", Roles.Reporter);
        using var browser = _app.Browser();

        using var response = await Forms.SignInAsync(browser, "lan@example.vn", NewsroomAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var success = Assert.Single(_app.Audit.About(user.Id));
        Assert.Equal((AuditActions.SignInSucceeded, user.Id, "lan"), (success.Action, success.ActorId, success.ActorName));
        var lastSignIn = await _app.UsersAsync(async users => (await users.FindByIdAsync(user.Id))!.LastSignInAt);
        Assert.NotNull(lastSignIn);
        Assert.InRange(DateTime.UtcNow - lastSignIn.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_failure_for_an_unknown_address_is_audited_with_the_address_typed()
    {
        using var browser = _app.Browser();

        using var response = await Forms.SignInAsync(browser, "nobody@example.vn", "some password or other");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failure = Assert.Single(_app.Audit.All, r => r.ActorName == "nobody@example.vn");
        Assert.Equal(AuditActions.SignInFailed, failure.Action);
        Assert.Null(failure.ActorId);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_replayed()
    {
        var user = await _app.UserAsync("minh@example.vn", Roles.Reporter, withAuthenticator: true);
        var code = await _app.CodeAsync(user.Id);

        using (var first = _app.Browser())
        {
            using var accepted = await SignInWithCodeAsync(first, "minh@example.vn", code);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.EndsWith("/newsroom", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var second = _app.Browser();
        using var replayed = await SignInWithCodeAsync(second, "minh@example.vn", code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Invalid authenticator code", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dashboard = await second.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        var records = _app.Audit.About(user.Id);
        Assert.Single(records, r => r.Action == AuditActions.SignInSucceeded);
        Assert.Single(records, r => r.Action == AuditActions.SignInFailed && r.Details.Contains("authenticator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_without_two_factor_is_sent_to_set_it_up_and_gets_in_once_it_is_enabled()
    {
        var user = await _app.UserAsync("thu@example.vn", Roles.Editor);
        using var browser = _app.Browser();
        using var signIn = await Forms.SignInAsync(browser, "thu@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var page in new[] { "/newsroom", "/stories", "/review" })
        {
            using var refused = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", refused.Headers.Location!.OriginalString);
        }
        // Endpoints that are not pages (a download, a media preview) are refused with the reason.
        using var download = await browser.GetAsync($"/media/preview/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Contains("Set up two-factor sign-in first", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The set-up page itself, and the public site, stay open.
        using var setupPage = await browser.GetAsync("/Account/Manage/EnableAuthenticator?required=true");
        Assert.Equal(HttpStatusCode.OK, setupPage.StatusCode);
        Assert.Contains("requires two-factor sign-in", await setupPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var publicHome = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, publicHome.StatusCode);

        // Enabling: the key shown on the page gives the code; the recovery codes are shown once.
        using var enabled = await Forms.SubmitAsync(browser, "/Account/Manage/EnableAuthenticator", "send-code",
            new Dictionary<string, string> { ["Input.Code"] = await _app.CodeAsync(user.Id) });
        var enabledPage = await enabled.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = new HtmlParser().ParseDocument(enabledPage).QuerySelectorAll("code.recovery-code");
        Assert.Equal(10, recoveryCodes.Length);
        Assert.Contains(_app.Audit.About(user.Id), r => r.Action == AuditActions.TwoFactorChanged && r.ActorId == user.Id);

        // The same cookie still works (renewed after the security stamp changed) and now gets in.
        using var dashboard = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_reporter_is_not_asked_for_two_factor()
    {
        await _app.UserAsync("hung@example.vn", Roles.Reporter);
        using var browser = _app.Browser();
        using var signIn = await Forms.SignInAsync(browser, "hung@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var dashboard = await browser.GetAsync("/newsroom");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cookie_stops_working_at_the_next_request_once_the_stamp_changes_or_the_account_is_deactivated(bool deactivate)
    {
        var email = deactivate ? "vy@example.vn" : "an@example.vn";
        var user = await _app.UserAsync(email, Roles.Reporter);
        using var browser = _app.Browser();
        using var signIn = await Forms.SignInAsync(browser, email, NewsroomAppFactory.Password);
        using var before = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await _app.UsersAsync(async users =>
        {
            var stored = (await users.FindByIdAsync(user.Id))!;
            if (deactivate)
            {
                stored.DeactivatedAt = DateTime.UtcNow;
                return await users.UpdateAsync(stored); // the stamp itself is left as it was
            }
            return await users.UpdateSecurityStampAsync(stored);
        });

        using var after = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignInWithCodeAsync(HttpClient browser, string email, string code)
    {
        using var password = await Forms.SignInAsync(browser, email, NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var twoFactorUrl = password.Headers.Location!.OriginalString;
        Assert.Contains("Account/LoginWith2fa", twoFactorUrl, StringComparison.Ordinal);
        return await Forms.SubmitAsync(browser, twoFactorUrl, "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = code });
    }
}
