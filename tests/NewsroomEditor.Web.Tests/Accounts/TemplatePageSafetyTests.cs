using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// The account pages and endpoints given what a browser (or someone else's link) may send them
/// outside the happy path: each gets a local redirect, a 4xx with a reason or the page that fits, never a 500.
/// </summary>
public sealed class TemplatePageSafetyTests : IClassFixture<NewsroomAppFactory>, IAsyncLifetime
{
    private readonly NewsroomAppFactory _app;

    public TemplatePageSafetyTests(NewsroomAppFactory app) => _app = app;

    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync("safe@example.vn") is null)
        {
            await _app.CompleteSetupAsync();
            await _app.CreateUserAsync("safe@example.vn", "An Toàn", Roles.Reporter);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData(@"\\evil.example")]
    [InlineData(@"/\evil.example")]
    public async Task Signing_in_with_an_off_site_ReturnUrl_lands_on_the_dashboard(string returnUrl)
    {
        using var browser = _app.CreateBrowserlessClient();

        using var response = await Forms.SubmitAsync(browser, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login",
            new Dictionary<string, string> { ["Input.Email"] = "safe@example.vn", ["Input.Password"] = NewsroomAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/newsroom", Local(response.Headers.Location!));
        using var dashboard = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_a_local_ReturnUrl_still_goes_there()
    {
        using var browser = _app.CreateBrowserlessClient();

        using var response = await Forms.SubmitAsync(browser, "/Account/Login?ReturnUrl=%2Fstories", "login",
            new Dictionary<string, string> { ["Input.Email"] = "safe@example.vn", ["Input.Password"] = NewsroomAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stories", Local(response.Headers.Location!));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData(@"/\evil.example")]
    public async Task Signing_out_with_an_off_site_ReturnUrl_signs_out_and_stays_on_the_site(string returnUrl)
    {
        using var browser = await SignedInAsync();
        var token = await AntiforgeryTokenAsync(browser, "/Account/Manage");

        using var response = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", Local(response.Headers.Location!));
        using var dashboard = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/Account/Login", dashboard.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task A_second_sign_in_step_without_the_first_sends_the_browser_to_sign_in(string page)
    {
        using var browser = _app.CreateBrowserlessClient();

        using var response = await browser.GetAsync(page + "?ReturnUrl=%2Fstories");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2Fstories", Local(response.Headers.Location!));
    }

    [Theory]
    [InlineData("/Account/Manage/Disable2fa", "Two-factor sign-in is not turned on, so there is nothing to disable.")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes", "Recovery codes go with two-factor sign-in: set up an authenticator app first.")]
    public async Task Two_factor_pages_without_two_factor_lead_to_its_page_with_the_reason(string page, string reason)
    {
        using var browser = await SignedInAsync();

        using var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", Local(response.Headers.Location!));
        using var next = await browser.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(reason, await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_an_unknown_external_provider_is_a_400_with_the_reason()
    {
        using var browser = await SignedInAsync();
        var token = await AntiforgeryTokenAsync(browser, "/Account/Manage");

        using var response = await browser.PostAsync("/Account/Manage/LinkExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["provider"] = "Nowhere",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Nowhere' is not a sign-in provider of this site.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/PasskeyRequestOptions", false)]
    [InlineData("/Account/PasskeyCreationOptions", true)]
    public async Task Passkey_options_without_an_antiforgery_token_are_a_400_with_the_reason(string endpoint, bool signedIn)
    {
        using var browser = signedIn ? await SignedInAsync() : _app.CreateBrowserlessClient();

        using var response = await browser.PostAsync(endpoint, content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("security token is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloading_personal_data_needs_the_pages_antiforgery_token()
    {
        using var browser = await SignedInAsync();

        using var forged = await browser.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("security token is missing", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await AntiforgeryTokenAsync(browser, "/Account/Manage/PersonalData");
        using var genuine = await browser.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Contains("safe@example.vn", await genuine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var browser = _app.CreateBrowserlessClient();
        using var signIn = await Forms.SignInAsync(browser, "safe@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>The antiforgery token of the first form on a page (tokens are not bound to one form).</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        using var response = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>A redirect's target as a path and query of this site; fails for any other host.</summary>
    private static string Local(Uri location)
    {
        if (!location.IsAbsoluteUri)
            return location.OriginalString;
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }
}
