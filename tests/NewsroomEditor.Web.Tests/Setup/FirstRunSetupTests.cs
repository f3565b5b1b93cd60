using System.Net;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Setup;

/// <summary>While no user exists everything leads to /setup; afterwards /setup is gone for good.</summary>
public class FirstRunSetupTests
{
    private static readonly Dictionary<string, string> LanAsAdmin = new()
    {
        ["Input.Email"] = "lan@example.vn",
        ["Input.DisplayName"] = "Hoàng Lan",
        ["Input.Password"] = NewsroomAppFactory.Password,
        ["Input.ConfirmPassword"] = NewsroomAppFactory.Password,
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/stories")]
    [InlineData("/admin")]
    [InlineData("/Account/Login")]
    public async Task Before_setup_editing_pages_lead_to_setup(string path)
    {
        await using var app = new NewsroomAppFactory();
        using var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Before_setup_the_setup_page_health_and_static_files_are_served()
    {
        await using var app = new NewsroomAppFactory();
        using var client = app.CreateBrowserlessClient();

        using var setup = await client.GetAsync("/setup");
        using var health = await client.GetAsync("/healthz");
        using var styles = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("Create the first administrator", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task Setup_creates_the_admin_signs_them_in_and_closes()
    {
        await using var app = new NewsroomAppFactory();
        using var client = app.CreateBrowserlessClient();

        using var created = await Forms.SubmitAsync(client, "/setup", "setup", LanAsAdmin);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/newsroom", new Uri(client.BaseAddress!, created.Headers.Location!).AbsolutePath);
        using var dashboard = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Hoàng Lan", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var setupAgain = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, setupAgain.StatusCode);
    }

    [Fact]
    public async Task After_setup_nobody_reaches_setup_signed_in_or_not()
    {
        await using var app = new NewsroomAppFactory();
        await app.CompleteSetupAsync();
        await app.CreateUserAsync("reporter@example.vn", "Phóng viên", Roles.Reporter);
        using var anonymous = app.CreateBrowserlessClient();
        using var reporter = app.CreateBrowserlessClient();
        using var signIn = await Forms.SignInAsync(reporter, "reporter@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var asAnonymous = await anonymous.GetAsync("/setup");
        using var asReporter = await reporter.GetAsync("/setup");
        using var postAsReporter = await reporter.PostAsync("/setup", new FormUrlEncodedContent(LanAsAdmin));

        Assert.Equal(HttpStatusCode.NotFound, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asReporter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postAsReporter.StatusCode);
        Assert.DoesNotContain("Create the first administrator", await asReporter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.ConfirmPassword", "something else entirely", "do not match")]
    [InlineData("Input.Password", "short", "at least 12 characters")]
    [InlineData("Input.Email", "not-an-email", "not a valid e-mail address")]
    [InlineData("Input.DisplayName", "", "The display name cannot be empty")]
    public async Task Bad_setup_input_shows_why_and_keeps_setup_open(string field, string value, string message)
    {
        await using var app = new NewsroomAppFactory();
        using var client = app.CreateBrowserlessClient();
        var input = new Dictionary<string, string>(LanAsAdmin) { [field] = value };
        if (field == "Input.Password")
            input["Input.ConfirmPassword"] = value;

        using var response = await Forms.SubmitAsync(client, "/setup", "setup", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var setupAgain = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, setupAgain.StatusCode);
    }
}
