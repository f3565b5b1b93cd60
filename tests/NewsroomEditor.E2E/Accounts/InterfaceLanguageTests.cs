using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Accounts;

/// <summary>
/// A reporter whose browser speaks Vietnamese gets the whole editing UI in Vietnamese, from the
/// sign-in page to the workflow; choosing English in the profile switches it on the next page.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class InterfaceLanguageTests(NewsroomServer server)
{
    [Fact]
    public Task A_Vietnamese_browser_gets_a_Vietnamese_newsroom_until_the_profile_chooses_English() => server.RunAsync(async () =>
    {
        // A person of their own: the profile choice must not reach the other tests' people.
        var person = new Person("an@baothunghiem.vn", "Phạm An");
        await server.CreateUserAsync(person, NewsroomServer.Password, Roles.Reporter);

        var page = await server.NewPageAsync(locale: "vi-VN");
        await page.GotoAsync("/Account/Login");
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Mật khẩu").FillAsync(NewsroomServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/newsroom$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Xin chào, Phạm An.")).ToBeVisibleAsync();

        // Writing and the workflow speak Vietnamese too, saved times in the Vietnamese form.
        await page.GotoAsync("/stories");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Viết bài mới", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/stories/[0-9a-f-]{36}$"), AfterEnhancedNavigation.Options);
        await page.WaitForCircuitAsync();
        await page.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Tin viết bằng giao diện tiếng Việt");
        await page.Body().ClickAsync();
        await page.Keyboard.TypeAsync("Một đoạn văn ngắn.");
        await Expect(page.SaveStatus()).ToHaveTextAsync(new Regex(@"^Đã lưu lúc \d\d:\d\d$"), new() { Timeout = 30_000 });
        await Expect(page.GetByLabel("Trạng thái")).ToHaveTextAsync("Bản nháp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Expect(page.GetByLabel("Trạng thái")).ToHaveTextAsync("Chờ duyệt");
        await page.AssertNoSeriousViolationsAsync("the story editor in Vietnamese");

        // The profile chooses English: the confirmation and every page after it are in English.
        await page.GotoAsync("/Account/Manage");
        await page.GetByLabel("Ngôn ngữ giao diện").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.GetByText("Your profile has been updated")).ToBeVisibleAsync();
        await page.GotoAsync("/newsroom");
        await page.WaitForCircuitAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Welcome, Phạm An.")).ToBeVisibleAsync();
    });
}
