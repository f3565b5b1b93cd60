using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// Sign-in does the same work whether or not an account has the e-mail typed, so that its
/// response time does not tell which addresses have accounts: every password attempt verifies
/// exactly one password hash (the account's, or a dummy one), counted here by a wrapping hasher
/// rather than timed. (The medians are measured by bench/sign-in.)
/// </summary>
public sealed class SignInWorkTests : IClassFixture<SignInWorkTests.CountingNewsroom>
{
    private readonly CountingNewsroom _app;

    public SignInWorkTests(CountingNewsroom app) => _app = app;

    public sealed class CountingNewsroom : IAsyncLifetime
    {
        private readonly NewsroomAppFactory _factory = new();

        public CountingPasswordHasher Hasher { get; } = new();

        public WebApplicationFactory<Program> App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = _factory.WithWebHostBuilder(builder =>
                builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher)));
            await using var scope = App.Services.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<IFirstRunSetup>();
            Assert.True((await setup.CreateFirstAdminAsync(new FirstAdmin("admin@example.vn", "Quản trị", NewsroomAppFactory.Password))).Succeeded);
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();

        public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public async Task<ApplicationUser> UserAsync(string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task>? then = null)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            Assert.True((await users.CreateAsync(user, NewsroomAppFactory.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded);
            if (then is not null)
                await then(users, user);
            return user;
        }
    }

    /// <summary>The app's own hasher, counting the verifications.</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory]
    [InlineData("nobody@example.vn", "some password or other")]
    [InlineData("known@example.vn", "not the password at all")]
    [InlineData("known@example.vn", NewsroomAppFactory.Password)]
    public async Task A_password_attempt_verifies_one_hash_whether_or_not_the_account_exists(string email, string password)
    {
        await EnsureUserAsync("known@example.vn");

        Assert.Equal(1, await VerificationsOfOneAttemptAsync(email, password));
    }

    [Fact]
    public async Task A_deactivated_account_costs_one_verification_and_still_tells_its_owner_why()
    {
        await _app.UserAsync("gone@example.vn", async (users, user) =>
        {
            user.DeactivatedAt = DateTime.UtcNow;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });

        Assert.Equal(1, await VerificationsOfOneAttemptAsync("gone@example.vn", "a wrong guess of a password"));
        var before = _app.Hasher.Verifications;
        using var browser = _app.Browser();
        using var right = await Forms.SignInAsync(browser, "gone@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(1, _app.Hasher.Verifications - before);
        Assert.Contains("This account has been deactivated", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_out_or_unconfirmed_account_costs_one_verification_too()
    {
        await _app.UserAsync("locked@example.vn", (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        await _app.UserAsync("unconfirmed@example.vn", async (users, user) =>
        {
            user.EmailConfirmed = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });

        Assert.Equal(1, await VerificationsOfOneAttemptAsync("locked@example.vn", NewsroomAppFactory.Password));
        Assert.Equal(1, await VerificationsOfOneAttemptAsync("unconfirmed@example.vn", NewsroomAppFactory.Password));
    }

    private async Task EnsureUserAsync(string email)
    {
        await using var scope = _app.App.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email) is null)
            await _app.UserAsync(email);
    }

    private async Task<int> VerificationsOfOneAttemptAsync(string email, string password)
    {
        using var browser = _app.Browser();
        using var page = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var before = _app.Hasher.Verifications;
        using var response = await Forms.SignInAsync(browser, email, password);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, response.StatusCode.ToString());
        return _app.Hasher.Verifications - before;
    }
}
