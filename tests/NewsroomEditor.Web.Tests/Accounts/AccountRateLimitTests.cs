using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// Account form posts are limited per client address and page (<c>Security:RateLimit:*</c>, set
/// low here): past the limit a post gets 429 with Retry-After and a message in the reader's
/// language, never a 500; pages stay readable and other pages keep their own allowance.
/// </summary>
public sealed class AccountRateLimitTests : IClassFixture<AccountRateLimitTests.ThrottledNewsroom>
{
    private const int Limit = 3;
    private readonly ThrottledNewsroom _app;

    public AccountRateLimitTests(ThrottledNewsroom app) => _app = app;

    public sealed class ThrottledNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Security:RateLimit:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Security:RateLimit:WindowSeconds", "600");
            });
            await _factory.CompleteSetupAsync();
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();

        public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    [Fact]
    public async Task Past_the_limit_a_password_reset_request_gets_429_with_Retry_After_and_the_reason()
    {
        using var browser = _app.Browser();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await Forms.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password",
                new Dictionary<string, string> { ["Input.Email"] = $"someone{i}@example.vn" });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await Forms.SubmitAsync(browser, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "one.more@example.vn" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(600));
        Assert.Equal($"Too many attempts from your address. Try again in {retryAfter.TotalSeconds} seconds.", await refused.Content.ReadAsStringAsync());

        // In Vietnamese for a Vietnamese browser; the page itself still opens.
        using var vietnamese = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword") { Content = new FormUrlEncodedContent([]) };
        vietnamese.Headers.AcceptLanguage.Clear();
        vietnamese.Headers.AcceptLanguage.ParseAdd("vi-VN");
        using var refusedInVietnamese = await browser.SendAsync(vietnamese);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInVietnamese.StatusCode);
        Assert.StartsWith("Quá nhiều lần thử từ địa chỉ của bạn.", await refusedInVietnamese.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await browser.GetAsync("/Account/ForgotPassword");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Past_the_limit_even_the_right_password_is_refused_with_429_while_other_pages_keep_their_allowance()
    {
        using var browser = _app.Browser();
        for (var i = 0; i < Limit; i++)
        {
            using var wrong = await Forms.SignInAsync(browser, $"guess{i}@example.vn", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await Forms.SignInAsync(browser, "admin@example.vn", NewsroomAppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        using var dashboard = await browser.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        using var resend = await Forms.SubmitAsync(browser, "/Account/ResendEmailConfirmation", "resend-email-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = "admin@example.vn" });
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
    }
}
