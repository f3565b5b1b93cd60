using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Testing;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>
/// What an admin saves about the site and its sections reaches readers on the very next request,
/// through the public site's output cache; and the admin pages refuse everyone but an Admin.
/// </summary>
public sealed class SiteAdministrationTests : IAsyncLifetime
{
    private ClaimsPrincipal AnAdmin { get; set; } = default!;

    private NewsroomAppFactory _app = default!;
    private HttpClient _reader = default!;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory();
        await _app.CompleteSetupAsync();
        // The admin made by setup, as their open page's principal (admin services check the account).
        var admin = await _app.CreateUserAsync("thu.admin@example.vn", "Nguyễn Thu", Roles.Admin);
        AnAdmin = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        _reader = _app.CreateBrowserlessClient();
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_public_home_shows_a_saved_site_name_on_the_very_next_request()
    {
        var before = await ReadAsync("/");
        Assert.Equal("Báo Thử Nghiệm", before.QuerySelector(".site-name")!.TextContent);

        await SaveSettingsAsync(current => current with { NameVi = "Báo Đồng Nai Mới", NameEn = "Dong Nai Today" });

        Assert.Equal("Báo Đồng Nai Mới", (await ReadAsync("/")).QuerySelector(".site-name")!.TextContent);
        Assert.Equal("Dong Nai Today", (await ReadAsync("/en")).QuerySelector(".site-name")!.TextContent);
    }

    [Fact]
    public async Task Changing_the_default_language_moves_the_public_site_at_once()
    {
        Assert.Equal("vi", (await ReadAsync("/")).DocumentElement.GetAttribute("lang"));

        await SaveSettingsAsync(current => current with { Languages = ["en", "vi"] });

        Assert.Equal("en", (await ReadAsync("/")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("vi", (await ReadAsync("/vi")).DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/en")).StatusCode);

        await SaveSettingsAsync(current => current with { Languages = ["vi"] });

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/vi")).StatusCode);
        Assert.Equal("vi", (await ReadAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_renamed_section_is_served_at_its_new_slug_on_the_very_next_request()
    {
        var before = await ReadAsync("/thoi-su");
        Assert.Equal("Thời sự", before.QuerySelector("h1")!.TextContent);
        var news = await InScopeAsync(async sp => (await sp.GetRequiredService<ISectionCatalog>().ListAsync()).Single(s => s.SlugVi == "thoi-su"));

        await InScopeAsync(sp => AsAdmin(sp).GetRequiredService<ISectionAdministration>()
            .RenameAsync(news.Id, new SectionNames("Tin trong nước", "Domestic")));

        var renamed = await ReadAsync("/tin-trong-nuoc");
        Assert.Equal("Tin trong nước", renamed.QuerySelector("h1")!.TextContent);
        Assert.NotNull(renamed.QuerySelector(".site-sections a[href='/tin-trong-nuoc']"));
        Assert.Equal("Domestic", (await ReadAsync("/en/domestic")).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/thoi-su")).StatusCode);
    }

    [Fact]
    public async Task A_hidden_section_leaves_the_menu_and_its_page_is_not_found()
    {
        Assert.NotNull((await ReadAsync("/")).QuerySelector(".site-sections a[href='/kinh-te']"));
        var economy = await InScopeAsync(async sp => (await sp.GetRequiredService<ISectionCatalog>().ListAsync()).Single(s => s.SlugVi == "kinh-te"));

        await InScopeAsync(async sp => { await AsAdmin(sp).GetRequiredService<ISectionAdministration>().SetHiddenAsync(economy.Id, true); return 0; });

        Assert.Null((await ReadAsync("/")).QuerySelector(".site-sections a[href='/kinh-te']"));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/kinh-te")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/sections")]
    [InlineData("/admin/settings")]
    public async Task Reporters_and_editors_are_refused_the_admin_pages(string path)
    {
        await _app.CreateUserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        await _app.CreateUserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        foreach (var email in new[] { "lan@example.vn", "thu@example.vn" })
        {
            using var client = _app.CreateBrowserlessClient();
            await Forms.SignInAsync(client, email, NewsroomAppFactory.Password);

            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin/sections", "Thể thao")]
    [InlineData("/admin/settings", "Asia/Ho_Chi_Minh")]
    public async Task An_admin_opens_the_admin_pages(string path, string expected)
    {
        using var client = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(client, "admin@example.vn", NewsroomAppFactory.Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task SaveSettingsAsync(Func<SiteSettingsInput, SiteSettingsInput> change) =>
        await InScopeAsync(async sp =>
        {
            var settings = AsAdmin(sp).GetRequiredService<ISiteSettingsAdministration>();
            await settings.SaveAsync(change(await settings.GetAsync()));
            return 0;
        });

    /// <summary>The scope acting as the admin, as the admin's circuit would.</summary>
    private IServiceProvider AsAdmin(IServiceProvider sp) => sp.As(Actor.From(AnAdmin));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task<IHtmlDocument> ReadAsync(string path)
    {
        using var response = await _reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
