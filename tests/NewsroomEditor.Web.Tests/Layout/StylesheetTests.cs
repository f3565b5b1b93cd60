using System.Net;
using AngleSharp.Html.Parser;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Layout;

/// <summary>
/// Bootstrap, kept from the template for the static pages' forms, is linked by those pages only:
/// the MudBlazor editing UI does without it, and the rest of the template's copy is not served.
/// </summary>
public sealed class StylesheetTests : IAsyncLifetime
{
    private readonly NewsroomAppFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Bootstrap_is_linked_by_the_static_pages_and_not_by_the_editing_ui()
    {
        using var client = _app.CreateBrowserlessClient();
        var signInPage = await BootstrapLinksAsync(client, "/Account/Login");
        using (await Forms.SignInAsync(client, "lan@example.vn", NewsroomAppFactory.Password)) { }

        var accountPage = await BootstrapLinksAsync(client, "/Account/Manage");
        var dashboard = await BootstrapLinksAsync(client, "/newsroom");
        var storyList = await BootstrapLinksAsync(client, "/stories");

        var href = Assert.Single(signInPage);
        Assert.Equal(href, Assert.Single(accountPage));
        Assert.Empty(dashboard);
        Assert.Empty(storyList);
        using var stylesheet = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/lib/bootstrap/dist/js/bootstrap.bundle.min.js")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap-grid.min.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.rtl.min.css")]
    public async Task The_rest_of_the_templates_bootstrap_is_not_served(string path)
    {
        using var client = _app.CreateBrowserlessClient();

        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> BootstrapLinksAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelectorAll("link[rel=stylesheet]")
            .Select(link => link.GetAttribute("href") ?? "")
            .Where(href => href.Contains("bootstrap", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
