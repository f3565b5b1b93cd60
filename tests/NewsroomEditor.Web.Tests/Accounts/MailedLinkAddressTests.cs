using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// Links in account e-mails name <c>Site:PublicUrl</c>, never the Host header of the request that
/// asked for them: a forged <c>Host: evil.example</c> must not turn a genuine reset mail into a
/// link that hands the reset code to evil.example. Here the host filter admits evil.example on
/// purpose (AllowedHosts names it), to show the link does not follow it even then.
/// </summary>
public sealed class MailedLinkAddressTests : IClassFixture<MailedLinkAddressTests.MailingNewsroom>
{
    private const string PublicUrl = "https://news.example";
    private readonly MailingNewsroom _app;

    public MailedLinkAddressTests(MailingNewsroom app) => _app = app;

    /// <summary>A set-up newsroom with SMTP configured and every message captured instead of sent.</summary>
    public sealed class MailingNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public ConcurrentQueue<MimeMessage> Sent { get; } = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Site:PublicUrl", PublicUrl);
                builder.UseSetting("AllowedHosts", "evil.example;localhost");
                builder.UseSetting("Email:SmtpHost", "smtp.invalid");
                builder.UseSetting("Email:From", "Báo Thử Nghiệm <no-reply@news.example>");
                builder.ConfigureTestServices(services => services.AddSingleton<IMailTransport>(new CapturingTransport(Sent)));
            });
            await _factory.CompleteSetupAsync();
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();

        /// <summary>A browser whose requests say <c>Host: evil.example</c>.</summary>
        public HttpClient EvilBrowser() => App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false, HandleCookies = true,
        });

        public Task<ApplicationUser> UserAsync(string email) => _factory.CreateUserAsync(email, email.Split('@')[0], Roles.Reporter);

        /// <summary>The text of the one message sent to <paramref name="to"/>.</summary>
        public string MailTo(string to) =>
            Assert.Single(Sent, m => m.To.Mailboxes.Any(b => b.Address == to)).TextBody ?? "";
    }

    private sealed class CapturingTransport(ConcurrentQueue<MimeMessage> sent) : IMailTransport
    {
        public Task SendAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_password_reset_mail_links_to_the_public_address_whatever_the_Host_header()
    {
        await _app.UserAsync("reset@example.vn");
        using var evil = _app.EvilBrowser();

        using var response = await Forms.SubmitAsync(evil, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "reset@example.vn" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = _app.MailTo("reset@example.vn");
        Assert.Contains($"{PublicUrl}/Account/ResetPassword?code=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_confirmation_mail_links_to_the_public_address_whatever_the_Host_header()
    {
        await _app.UserAsync("confirm@example.vn");
        using var evil = _app.EvilBrowser();

        using var response = await Forms.SubmitAsync(evil, "/Account/ResendEmailConfirmation", "resend-email-confirmation",
            new Dictionary<string, string> { ["Input.Email"] = "confirm@example.vn" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = _app.MailTo("confirm@example.vn");
        Assert.Contains($"{PublicUrl}/Account/ConfirmEmail?userId=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_e_mail_mail_links_to_the_public_address_whatever_the_Host_header()
    {
        await _app.UserAsync("change@example.vn");
        using var evil = _app.EvilBrowser();
        using var signIn = await Forms.SignInAsync(evil, "change@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await Forms.SubmitAsync(evil, "/Account/Manage/Email", "change-email",
            new Dictionary<string, string> { ["Input.NewEmail"] = "changed@example.vn" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = _app.MailTo("changed@example.vn");
        Assert.Contains($"{PublicUrl}/Account/ConfirmEmailChange?userId=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }
}

/// <summary>
/// Without <c>Site:PublicUrl</c> (allowed with e-mail in Development only) a mailed link names
/// the address the server itself listens on (the in-memory test server: http://localhost), still
/// never the Host header, which the host filter then lets through.
/// </summary>
public sealed class MailedLinkWithoutPublicUrlTests : IClassFixture<MailedLinkWithoutPublicUrlTests.DevelopmentNewsroom>
{
    private readonly DevelopmentNewsroom _app;

    public MailedLinkWithoutPublicUrlTests(DevelopmentNewsroom app) => _app = app;

    public sealed class DevelopmentNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public ConcurrentQueue<MimeMessage> Sent { get; } = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Email:SmtpHost", "smtp.invalid");
                builder.UseSetting("Email:From", "no-reply@example.vn");
                builder.ConfigureTestServices(services => services.AddSingleton<IMailTransport>(new CapturingTransport(Sent)));
            });
            await _factory.CompleteSetupAsync();
            await _factory.CreateUserAsync("dev@example.vn", "dev", Roles.Reporter);
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }

    private sealed class CapturingTransport(ConcurrentQueue<MimeMessage> sent) : IMailTransport
    {
        public Task SendAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_password_reset_mail_links_to_the_servers_own_address_not_the_Host_header()
    {
        using var evil = _app.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false, HandleCookies = true,
        });

        using var response = await Forms.SubmitAsync(evil, "/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "dev@example.vn" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(_app.Sent).TextBody ?? "";
        Assert.Contains("http://localhost/Account/ResetPassword?code=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail, StringComparison.Ordinal);
    }
}

/// <summary>
/// With <c>Site:PublicUrl</c> set and <c>AllowedHosts</c> left at "*", the host filter admits only
/// the public host and the loopback names: a forged Host header is refused (400) before any page runs.
/// </summary>
public sealed class HostFilteringTests : IClassFixture<HostFilteringTests.PublicNewsroom>
{
    private readonly PublicNewsroom _app;

    public HostFilteringTests(PublicNewsroom app) => _app = app;

    public sealed class PublicNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder => builder.UseSetting("Site:PublicUrl", "https://news.example/"));
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await _factory.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://evil.example/", true)]
    [InlineData("http://news.example.evil.example/", true)]
    [InlineData("https://news.example/", false)]
    [InlineData("http://localhost/", false)]
    [InlineData("http://127.0.0.1/", false)]
    public async Task Only_the_public_host_and_loopback_names_are_answered(string address, bool refused)
    {
        using var client = _app.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Account/ForgotPassword");

        if (refused)
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        else
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{address}: {response.StatusCode}");
    }
}
