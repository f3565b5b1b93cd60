using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Account;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>The users page's guard, the invitation page and sign-in of a deactivated account, over HTTP.</summary>
public sealed class UsersAdministrationTests : IAsyncLifetime
{
    private const string NewPassword = "một mật khẩu đủ dài";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 11, 5, 45, 0, TimeSpan.Zero));
    private NewsroomAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory { Clock = _clock };
        await _app.CompleteSetupAsync("admin@example.vn");
        await _app.CreateUserAsync("reporter@example.vn", "Hoàng Lan", Roles.Reporter);
        await _app.CreateUserAsync("editor@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("reporter@example.vn")]
    [InlineData("editor@example.vn")]
    public async Task A_reporter_or_editor_gets_no_users_page(string email)
    {
        using var client = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(client, email, NewsroomAppFactory.Password);

        using var response = await client.GetAsync("/admin/users");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("reporter@example.vn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_gets_the_users_page()
    {
        using var client = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(client, "admin@example.vn", NewsroomAppFactory.Password);

        using var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invite person", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_person_sets_a_password_and_is_signed_in_on_the_dashboard()
    {
        var link = await InviteAsync("Phạm Hà", "ha@example.vn", Roles.Reporter);
        using var client = _app.CreateBrowserlessClient();

        using (var page = await client.GetAsync(link))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Phạm Hà", html, StringComparison.Ordinal);
        }

        using (var mismatch = await AcceptAsync(client, link, NewPassword, "something else entirely"))
            Assert.Contains("do not match", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var tooShort = await AcceptAsync(client, link, "short", "short"))
            Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var accepted = await AcceptAsync(client, link, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("/newsroom", accepted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Phạm Hà", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ha = await FindAsync("ha@example.vn");
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, ha.LastSignInAt);
    }

    [Fact]
    public async Task A_used_invitation_link_shows_a_message_instead_of_the_form()
    {
        var link = await InviteAsync("Phạm Hà", "ha@example.vn", Roles.Reporter);
        using (var client = _app.CreateBrowserlessClient())
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(client, link, NewPassword, NewPassword)).StatusCode);

        using var again = _app.CreateBrowserlessClient();
        using var page = await again.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("This invitation has already been used or has expired", html, StringComparison.Ordinal);
        Assert.DoesNotContain("accept-invitation", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_forged_invitation_link_shows_a_message()
    {
        var link = await InviteAsync("Phạm Hà", "ha@example.vn", Roles.Reporter);
        using var client = _app.CreateBrowserlessClient();

        using (var forged = await client.GetAsync(link[..^6] + "AAAAAA"))
            Assert.Contains("already been used or has expired", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(7));
        using var expired = await client.GetAsync(link);
        Assert.Contains("already been used or has expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_is_told_why()
    {
        var reporter = await FindAsync("reporter@example.vn");
        await WithAdminAsync((accounts, admin) => accounts.DeactivateAsync(reporter.Id));
        using var client = _app.CreateBrowserlessClient();

        using var response = await Forms.SignInAsync(client, "reporter@example.vn", NewsroomAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account has been deactivated. Ask an administrator if you need access again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Null((await FindAsync("reporter@example.vn")).LastSignInAt);

        // With a wrong password, nothing tells that the account exists or is deactivated.
        using var wrong = await Forms.SignInAsync(client, "reporter@example.vn", "not the password at all");
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Invalid login attempt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("deactivated", html, StringComparison.Ordinal);

        // Wrong guesses count towards lockout; once locked, even the right password learns nothing.
        for (var attempt = 1; attempt < 5; attempt++)
            (await Forms.SignInAsync(client, "reporter@example.vn", $"wrong guess number {attempt}")).Dispose();
        using var locked = await Forms.SignInAsync(client, "reporter@example.vn", NewsroomAppFactory.Password);
        Assert.DoesNotContain("deactivated", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await FindAsync("reporter@example.vn")).LockoutEnd);
    }

    [Fact]
    public async Task A_successful_sign_in_is_recorded_as_the_last_sign_in()
    {
        using var client = _app.CreateBrowserlessClient();

        using var response = await Forms.SignInAsync(client, "editor@example.vn", NewsroomAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, (await FindAsync("editor@example.vn")).LastSignInAt);
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link, string password, string confirmation) =>
        Forms.SubmitAsync(client, link, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation,
        });

    /// <summary>Invites through the admin service, as the users page does; the link, relative to the app.</summary>
    private async Task<string> InviteAsync(string name, string email, params string[] roles)
    {
        var link = await WithAdminAsync((accounts, admin) =>
            accounts.InviteAsync(new NewAccount(name, email, roles), new Uri("http://localhost/")));
        return link.Link.PathAndQuery;
    }

    private async Task<T> WithAdminAsync<T>(Func<IAccountAdministration, ClaimsPrincipal, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByEmailAsync("admin@example.vn"))!);
        // The admin acts in this scope as the users page's circuit would.
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(Actor.From(admin));
        return await action(scope.ServiceProvider.GetRequiredService<IAccountAdministration>(), admin);
    }

    private Task WithAdminAsync(Func<IAccountAdministration, ClaimsPrincipal, Task> action) =>
        WithAdminAsync(async (accounts, admin) =>
        {
            await action(accounts, admin);
            return true;
        });

    private async Task<ApplicationUser> FindAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }
}
