using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Accounts;

/// <summary>
/// The profile's personal-data pages over HTTP: no account deletion any more, erasure that
/// anonymises the account and keeps bylines, the last-admin rule, and the download.
/// </summary>
public sealed class PersonalDataPagesTests : IAsyncLifetime
{
    private NewsroomAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = new NewsroomAppFactory();
        await _app.CompleteSetupAsync("admin@example.vn");
        await _app.CreateUserAsync("reporter@example.vn", "Hoàng Lan", Roles.Reporter);
        await _app.CreateUserAsync("editor@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("reporter@example.vn")]
    [InlineData("admin@example.vn")]
    public async Task The_old_delete_account_page_is_gone(string email)
    {
        using var browser = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(browser, email, NewsroomAppFactory.Password);

        using var page = await browser.GetAsync("/Account/Manage/DeletePersonalData");
        using var personalData = await browser.GetAsync("/Account/Manage/PersonalData");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await personalData.Content.ReadAsStringAsync();
        Assert.DoesNotContain("DeletePersonalData", html, StringComparison.Ordinal);
        Assert.Contains("Account/Manage/ErasePersonalData", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_cannot_erase_their_own_data_and_is_told_why()
    {
        using var browser = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(browser, "admin@example.vn", NewsroomAppFactory.Password);

        using var response = await EraseAsync(browser);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Quản trị is the last active Admin; make someone else an Admin before erasing this account&#x27;s personal data.",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admins = await UsersAsync(async users => (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => a.DeactivatedAt is null && a.PasswordHash is not null));
        Assert.Equal(1, admins);
        using var stillIn = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task A_reporter_with_a_published_story_erases_their_data_cannot_sign_in_and_the_byline_stays()
    {
        var storyId = await PublishedStoryByReporterAsync();
        using var browser = _app.CreateBrowserlessClient();
        var captured = await SessionEndTests.SignInAndCaptureAsync(browser, "reporter@example.vn");

        using var response = await EraseAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var erased = await UsersAsync(users => users.Users.SingleAsync(u => u.ErasedAt != null));
        Assert.Equal("Former staff member", erased.DisplayName);
        Assert.EndsWith("@erased.invalid", erased.Email, StringComparison.Ordinal);
        Assert.Null(await UsersAsync(users => users.FindByEmailAsync("reporter@example.vn")));

        using var again = _app.CreateBrowserlessClient();
        using var signIn = await Forms.SignInAsync(again, "reporter@example.vn", NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Invalid login attempt", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var replay = _app.CreateBrowserlessClient();
        replay.DefaultRequestHeaders.Add("Cookie", string.Join("; ", captured));
        using var newsroom = await replay.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, newsroom.StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var story = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
        Assert.Equal("Hoàng Lan", story.Byline);
        Assert.Equal(StoryState.Published, story.State);
        Assert.Equal(erased.Id, story.AuthorId);
    }

    [Fact]
    public async Task The_personal_data_download_still_works()
    {
        using var browser = _app.CreateBrowserlessClient();
        await Forms.SignInAsync(browser, "reporter@example.vn", NewsroomAppFactory.Password);
        using var page = await browser.GetAsync("/Account/Manage/PersonalData");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form[action='Account/Manage/DownloadPersonalData']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var download = await browser.PostAsync("/Account/Manage/DownloadPersonalData",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(await download.Content.ReadAsStringAsync())!;
        Assert.Equal("reporter@example.vn", data["Email"]);
    }

    private static Task<HttpResponseMessage> EraseAsync(HttpClient browser) =>
        Forms.SubmitAsync(browser, "/Account/Manage/ErasePersonalData", "erase-personal-data", new Dictionary<string, string>
        {
            ["Input.Password"] = NewsroomAppFactory.Password,
        });

    private async Task<T> UsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>A story by the reporter, bylined "Hoàng Lan", submitted and published by the editor.</summary>
    private async Task<Guid> PublishedStoryByReporterAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var reporter = (await users.FindByEmailAsync("reporter@example.vn"))!;
        var editor = (await users.FindByEmailAsync("editor@example.vn"))!;
        var author = Actor.Create(reporter.Id, reporter.DisplayName, Roles.Reporter);
        var desk = Actor.Create(editor.Id, editor.DisplayName, Roles.Editor);
        var sectionId = await services.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
        var stories = StoryServices.From(services);
        var story = await stories.CreateAsync(author, "vi", sectionId);
        var saved = await stories.SaveAsync(author, story.Id, story.Version, new StoryContent(
            "Tỉnh khánh thành cầu mới qua sông Vàm Cỏ Đông",
            "Sáng nay, cây cầu nối hai huyện chính thức thông xe sau hai năm thi công.",
            StoryBody.FromParagraphs(["Cầu dài 600 mét, rộng 12 mét, với bốn làn xe."]),
            sectionId, ["Giao thông"], "Hoàng Lan", "", ""));
        Assert.True(saved.Saved);
        await services.As(author).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
        await stories.TransitionAsync(author, story.Id, StoryAction.Submit);
        await stories.TransitionAsync(desk, story.Id, StoryAction.Publish);
        return story.Id;
    }
}
