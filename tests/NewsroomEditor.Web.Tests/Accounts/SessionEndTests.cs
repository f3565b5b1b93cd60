using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Sessions;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// Sessions end on the server, over HTTP: a sign-in cookie copied before sign-out, "sign out
/// everywhere" or a deactivation opens nothing afterwards (the ticket lives in the database).
/// </summary>
public sealed class SessionEndTests : IAsyncLifetime
{
    private NewsroomAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory();
        await _app.CompleteSetupAsync("admin@example.vn");
        await _app.CreateUserAsync("reporter@example.vn", "Hoàng Lan", Roles.Reporter);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cookie_captured_before_sign_out_opens_nothing_after_it()
    {
        using var browser = _app.CreateBrowserlessClient();
        var captured = await SignInAndCaptureAsync(browser, "reporter@example.vn");
        using var thief = Replaying(captured);
        using (var before = await thief.GetAsync("/newsroom"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await SignOutAsync(browser);

        using var newsroom = await thief.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, newsroom.StatusCode);
        Assert.StartsWith("/Account/Login", newsroom.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var personalData = await thief.GetAsync("/Account/Manage/PersonalData");
        Assert.Equal(HttpStatusCode.Redirect, personalData.StatusCode);
        Assert.StartsWith("/Account/Login", personalData.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await SessionsOfAsync("reporter@example.vn"));
    }

    [Fact]
    public async Task The_cookie_carries_only_a_session_key_not_the_persons_claims()
    {
        using var browser = _app.CreateBrowserlessClient();
        var captured = await SignInAndCaptureAsync(browser, "reporter@example.vn");

        var cookie = Assert.Single(captured, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        // The protected session key is about 360 characters; the whole ticket with its claims was about 960.
        Assert.InRange(cookie.Length, 1, 600);
        Assert.Equal(1, await SessionsOfAsync("reporter@example.vn"));
    }

    [Fact]
    public async Task Sign_out_everywhere_from_one_browser_ends_the_session_of_another()
    {
        using var laptop = _app.CreateBrowserlessClient();
        using var phone = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(laptop, "reporter@example.vn", NewsroomAppFactory.Password);
        await Forms.SignInAsync(phone, "reporter@example.vn", NewsroomAppFactory.Password);
        using (var sessionsPage = await laptop.GetAsync("/Account/Manage/Sessions"))
            Assert.Contains("data-session-count=\"2\"", await sessionsPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedOut = await Forms.SubmitAsync(laptop, "/Account/Manage/Sessions", "sign-out-everywhere", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("Account/Login", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var browser in new[] { phone, laptop })
        {
            using var newsroom = await browser.GetAsync("/newsroom");
            Assert.Equal(HttpStatusCode.Redirect, newsroom.StatusCode);
            Assert.StartsWith("/Account/Login", newsroom.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        Assert.Equal(0, await SessionsOfAsync("reporter@example.vn"));
    }

    [Fact]
    public async Task A_deactivation_ends_every_session_of_that_person()
    {
        using var browser = _app.CreateBrowserlessClient();
        var captured = await SignInAndCaptureAsync(browser, "reporter@example.vn");
        using var second = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(second, "reporter@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(2, await SessionsOfAsync("reporter@example.vn"));

        await WithAdminAsync(async (accounts, admin) =>
            await accounts.DeactivateAsync((await FindAsync("reporter@example.vn")).Id));

        Assert.Equal(0, await SessionsOfAsync("reporter@example.vn"));
        using var thief = Replaying(captured);
        foreach (var client in new[] { browser, second, thief })
        {
            using var newsroom = await client.GetAsync("/newsroom");
            Assert.Equal(HttpStatusCode.Redirect, newsroom.StatusCode);
            Assert.StartsWith("/Account/Login", newsroom.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_open_page_whose_session_was_signed_out_is_signed_out_at_its_next_revalidation()
    {
        using var browser = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(browser, "reporter@example.vn", NewsroomAppFactory.Password);
        // The principal an open page (circuit) holds: the one stored for the browser's session.
        var user = await FindAsync("reporter@example.vn");
        await using var scope = _app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().UserSessions
            .Where(s => s.UserId == user.Id).Select(s => s.Key).SingleAsync();
        var ticket = await _app.Services.GetRequiredService<DatabaseTicketStore>().RetrieveAsync(key);
        var revalidation = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True(await revalidation.IsStillSignedInAsync(ticket!.Principal, CancellationToken.None));

        await SignOutAsync(browser);

        Assert.False(await revalidation.IsStillSignedInAsync(ticket.Principal, CancellationToken.None));
    }

    /// <summary>Signs in and returns the cookies the sign-in response set, as someone copying them would.</summary>
    internal static async Task<List<string>> SignInAndCaptureAsync(HttpClient browser, string email)
    {
        using var signIn = await Forms.SignInAsync(browser, email, NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
    }

    internal static async Task SignOutAsync(HttpClient browser)
    {
        // The sign-out button lives in the app bar's menu; its antiforgery token is the same as any form's of this person.
        using var page = await browser.GetAsync("/Account/Manage/PersonalData");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var signOut = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "Account/Login",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    private HttpClient Replaying(IEnumerable<string> cookies)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    private async Task<int> SessionsOfAsync(string email)
    {
        var user = await FindAsync(email);
        return await _app.Services.GetRequiredService<UserSessions>().CountAsync(user.Id);
    }

    private async Task WithAdminAsync(Func<IAccountAdministration, ClaimsPrincipal, Task> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByEmailAsync("admin@example.vn"))!);
        // The admin acts in this scope as the users page's circuit would.
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(Actor.From(admin));
        await action(scope.ServiceProvider.GetRequiredService<IAccountAdministration>(), admin);
    }

    private async Task<ApplicationUser> FindAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }
}
