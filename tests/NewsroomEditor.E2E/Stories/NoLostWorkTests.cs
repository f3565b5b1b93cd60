using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>No lost keystroke: what the browser holds survives the server going away, and long bodies save.</summary>
[Collection(NewsroomCollection.Name)]
public class NoLostWorkTests(NewsroomServer server)
{
    [Fact]
    public Task Killing_the_server_mid_typing_loses_nothing_the_browser_holds() => server.RunAsync(async () =>
    {
            await using var app = await AppProcess.PrepareAsync([(NewsroomServer.Reporter, NewsroomServer.Password, Roles.Reporter)]);
            await app.StartAsync();
            var context = await server.NewContextAsync(app.BaseUrl);
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Email").FillAsync(NewsroomServer.Reporter.Email);
            await page.GetByLabel("Password").FillAsync(NewsroomServer.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom", AfterEnhancedNavigation.Options);
            var storyId = await page.CreateStoryAsync();

            await page.GetByLabel("Headline").PressSequentiallyAsync("Mưa lớn gây ngập nhiều tuyến đường");
            await page.Body().ClickAsync();
            await page.Keyboard.TypeAsync("Chiều 11/4, mưa lớn kéo dài hơn hai giờ.");
            await page.WaitUntilSavedAsync();

            // Typing goes on; the server is killed before the next autosave.
            const string unsaved = " Nước ngập sâu ở đường Hùng Vương, không mất chữ nào.";
            await page.Keyboard.TypeAsync(unsaved);
            await page.GetByLabel("Headline").FocusAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.TypeAsync(" (cập nhật)");
            await page.WaitForTimeoutAsync(700); // the browser's own copy is written within ~300 ms of a keystroke
            await app.KillAsync();
            await Expect(page.Locator("[data-offline-status]")).ToHaveTextAsync("Offline — kept in this browser");

            // The server comes back on the same address over the same data; the writer reopens the story.
            await app.StartAsync();
            await page.GotoAsync($"/stories/{storyId}");
            await page.WaitForCircuitAsync();
            var restore = page.GetByRole(AriaRole.Button, new() { Name = "Restore it" });
            await Expect(restore).ToBeVisibleAsync();
            await restore.ClickAsync();
            await Expect(page.Body()).ToContainTextAsync(unsaved.Trim());
            await Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Mưa lớn gây ngập nhiều tuyến đường (cập nhật)");
            await page.WaitUntilSavedAsync();

            // The server has all of it now, and the browser's copy is gone.
            await page.ReloadAsync();
            await page.WaitForCircuitAsync();
            await Expect(page.Body()).ToContainTextAsync("không mất chữ nào.");
            await Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Mưa lớn gây ngập nhiều tuyến đường (cập nhật)");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restore it" })).ToHaveCountAsync(0);
            await context.DisposeAsync();
    });

    [Fact]
    public Task A_200_KB_body_saves_without_raising_the_message_limit() => server.RunAsync(async () =>
    {
            var page = await server.SignInAsync(NewsroomServer.Reporter);
            var storyId = await page.CreateStoryAsync();
            var paragraph = string.Concat(Enumerable.Repeat("Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh Long An tổ chức hội nghị. ", 40));
            await page.GetByLabel("Headline").FillAsync("Một bài rất dài");
            await page.Body().ClickAsync();
            var typed = 0;
            while (typed < 200 * 1024)
            {
                await page.Keyboard.InsertTextAsync(paragraph);
                await page.Keyboard.PressAsync("Enter");
                typed += System.Text.Encoding.UTF8.GetByteCount(paragraph);
            }
            await page.WaitUntilSavedAsync();

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var stored = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored.BodyJson) > 200 * 1024, $"Stored {stored.BodyJson.Length} characters.");
            Assert.Equal(typed / System.Text.Encoding.UTF8.GetByteCount(paragraph), Regex.Count(stored.BodyText, "Long An tổ chức hội nghị. Đảng ủy") / 39);
    });
}
