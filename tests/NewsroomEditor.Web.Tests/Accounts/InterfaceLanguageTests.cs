using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// The language of the static account pages and of the editing UI over HTTP: a signed-out person
/// reads the browser's language (Vietnamese when it asks for neither), a signed-in person the one
/// chosen in their profile, whatever the browser says; <c>&lt;html lang&gt;</c> says which.
/// </summary>
public sealed class InterfaceLanguageTests : IAsyncLifetime
{
    private readonly NewsroomAppFactory _app = new();

    public async Task InitializeAsync() => await _app.CompleteSetupAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("vi-VN", "vi", "Đăng nhập", "Mật khẩu")]
    [InlineData("en-US", "en", "Log in", "Password")]
    [InlineData("en-GB,en;q=0.9", "en", "Log in", "Password")]
    [InlineData("fr-FR,fr;q=0.9", "vi", "Đăng nhập", "Mật khẩu")]
    public async Task The_sign_in_page_follows_the_browser_and_defaults_to_Vietnamese(string acceptLanguage, string lang, string heading, string passwordLabel)
    {
        using var browser = Browser(acceptLanguage);

        var page = await PageAsync(browser, "/Account/Login");

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(passwordLabel, page.QuerySelector("label[for='Input.Password']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Validation_and_sign_in_errors_are_in_Vietnamese_for_a_Vietnamese_browser()
    {
        using var browser = Browser("vi-VN");

        using var empty = await Forms.SignInAsync(browser, "", "");
        using var notAnAddress = await Forms.SignInAsync(browser, "không-phải-email", "mật khẩu nào đó");
        using var wrong = await Forms.SignInAsync(browser, "admin@example.vn", "không phải mật khẩu");

        var emptyPage = Parse(await empty.Content.ReadAsStringAsync());
        Assert.Equal("Hãy nhập địa chỉ email.", emptyPage.QuerySelector("label[for='Input.Email'] ~ div.text-danger")!.TextContent);
        Assert.Equal("Hãy nhập mật khẩu.", emptyPage.QuerySelector("label[for='Input.Password'] ~ div.text-danger")!.TextContent);
        Assert.Contains("Đây không phải là địa chỉ email hợp lệ.", await notAnAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A status that starts with "Lỗi:" is shown as an error, like one that starts with "Error:".
        var alert = Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector(".alert")!;
        Assert.Equal("Lỗi: email hoặc mật khẩu không đúng.", alert.TextContent.Trim());
        Assert.Contains("alert-danger", alert.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_reads_the_language_of_their_profile_and_the_next_page_after_changing_it()
    {
        var user = await _app.CreateUserAsync("thu@example.vn", "Thu", Roles.Reporter);
        await ChooseLanguageAsync(user.Id, "en");
        using var browser = Browser("vi-VN");
        using var signIn = await Forms.SignInAsync(browser, "thu@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var profile = await PageAsync(browser, "/Account/Manage");
        var dashboard = await PageAsync(browser, "/newsroom");
        Assert.Equal("en", profile.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Interface language", profile.QuerySelector("label[for='Input.UiLanguage']")!.TextContent.Trim());
        Assert.Equal("en", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Dashboard", dashboard.QuerySelector("h1")!.TextContent.Trim());

        using var saved = await Forms.SubmitAsync(browser, "/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Thu",
            ["Input.UiLanguage"] = "vi",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var next = await PageAsync(browser, saved.Headers.Location!.OriginalString);
        Assert.Equal("vi", next.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ngôn ngữ giao diện", next.QuerySelector("label[for='Input.UiLanguage']")!.TextContent.Trim());
        Assert.Equal("Đã cập nhật hồ sơ của bạn", next.QuerySelector(".alert")!.TextContent.Trim());
        var vietnameseDashboard = await PageAsync(browser, "/newsroom");
        Assert.Equal("vi", vietnameseDashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tổng quan", vietnameseDashboard.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Xin chào, Thu.", vietnameseDashboard.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_too_short_is_refused_in_the_readers_language()
    {
        var user = await _app.CreateUserAsync("hung@example.vn", "Hùng", Roles.Reporter);
        await ChooseLanguageAsync(user.Id, "vi");
        using var browser = Browser("en-US");
        using var signIn = await Forms.SignInAsync(browser, "hung@example.vn", NewsroomAppFactory.Password);

        using var refused = await Forms.SubmitAsync(browser, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = NewsroomAppFactory.Password,
            ["Input.NewPassword"] = "ngắn",
            ["Input.ConfirmPassword"] = "ngắn",
        });

        var alert = Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert")!;
        Assert.Equal("Lỗi: Mật khẩu phải dài ít nhất 12 ký tự.", alert.TextContent.Trim());
    }

    private HttpClient Browser(string acceptLanguage)
    {
        var browser = _app.CreateBrowserlessClient();
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return browser;
    }

    private async Task ChooseLanguageAsync(string userId, string language)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.UiLanguage = language;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
