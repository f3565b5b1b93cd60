using System.Net;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Setup;

/// <summary>Pages are guarded on the server by the same named policies as the navigation.</summary>
public sealed class AccessTests : IClassFixture<AccessTests.SetUpNewsroom>
{
    private readonly SetUpNewsroom _app;

    public AccessTests(SetUpNewsroom app) => _app = app;

    /// <summary>One newsroom, set up, with a reporter, shared by this class's tests.</summary>
    public sealed class SetUpNewsroom : IAsyncLifetime
    {
        public NewsroomAppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.CompleteSetupAsync("admin@example.vn");
            await Factory.CreateUserAsync("reporter@example.vn", "Hoàng Lan", Roles.Reporter);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Theory]
    [InlineData("/newsroom")]
    [InlineData("/admin")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var client = _app.Factory.CreateBrowserlessClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_is_refused_the_admin_page()
    {
        using var client = _app.Factory.CreateBrowserlessClient();
        await Forms.SignInAsync(client, "reporter@example.vn", NewsroomAppFactory.Password);

        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_people_and_sections()
    {
        using var client = _app.Factory.CreateBrowserlessClient();
        await Forms.SignInAsync(client, "admin@example.vn", NewsroomAppFactory.Password);

        using var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reporter@example.vn", html, StringComparison.Ordinal);
        Assert.Contains("Thời sự", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_refused_with_a_message()
    {
        using var client = _app.Factory.CreateBrowserlessClient();

        using var response = await Forms.SignInAsync(client, "reporter@example.vn", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
