using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.E2E.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>No lost keystroke: what the browser holds survives the server going away, and long bodies save.</summary>
[Collection(NewsroomCollection.Name)]
public class NoLostWorkTests(NewsroomServer server, ITestOutputHelper output)
{
    [Fact]
    public Task Ten_seconds_offline_while_typing_loses_no_character() =>
        server.RunAsync(() => TypeThroughANetworkLossAsync(TimeSpan.FromSeconds(10)));

    /// <summary>
    /// Longer than the 30 s after which both ends give the connection up (the circuit is then
    /// rejoined, or a new one made): 45 s in CI, two minutes with NEWSROOM_SOAK=1.
    /// </summary>
    [Fact]
    public Task A_long_network_loss_while_typing_loses_no_character_and_saves_without_Restore() =>
        server.RunAsync(() => TypeThroughANetworkLossAsync(SoakSwitch.Pick(TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(2))));

    /// <summary>
    /// Types into the body before, during and after the network is dropped for <paramref name="offline"/>;
    /// back online, the server must hold every character without anyone clicking Restore.
    /// </summary>
    private async Task TypeThroughANetworkLossAsync(TimeSpan offline)
    {
        var page = await server.SignInAsync(NewsroomServer.Reporter);
        var storyId = await page.CreateStoryAsync();
        await page.GetByLabel("Headline").PressSequentiallyAsync("Mất mạng giữa chừng");
        await page.Body().ClickAsync();
        var typed = new System.Text.StringBuilder("Trước khi mất mạng, mọi chữ đã lưu.");
        await page.Keyboard.TypeAsync(typed.ToString());
        await page.WaitUntilSavedAsync();

        await page.Context.SetOfflineAsync(true);
        var backAt = DateTime.UtcNow + offline;
        for (var sentence = 1; DateTime.UtcNow < backAt; sentence++)
        {
            var text = $" Câu {sentence} gõ khi không có mạng, đủ dấu: ắ ằ ẳ ẵ ặ.";
            await page.Keyboard.TypeAsync(text);
            typed.Append(text);
            await page.WaitForTimeoutAsync(1_000);
        }
        await page.Context.SetOfflineAsync(false);
        const string after = " Có mạng lại.";
        await page.Keyboard.TypeAsync(after);
        typed.Append(after);

        // Rejoining may wait for the reconnect's next attempt; a limit, not a measure.
        await Expect(page.Locator(".story-editor[data-unsaved=false]")).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await page.WaitUntilSavedAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Restore it" }).CountAsync());

        await using var scope = server.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
        var lost = CharactersMissing(typed.ToString(), stored.BodyText);
        output.WriteLine($"Offline {offline.TotalSeconds:0} s: {typed.Length} characters typed, {lost} lost.");
        Assert.True(lost == 0, $"{lost} of {typed.Length} characters typed are not on the server. Stored: {stored.BodyText}");
        Assert.Equal("Mất mạng giữa chừng", stored.Headline);
    }

    /// <summary>The characters of <paramref name="typed"/> that <paramref name="stored"/> lacks, matched in order.</summary>
    internal static int CharactersMissing(string typed, string stored)
    {
        var at = 0;
        var missing = 0;
        foreach (var c in typed)
        {
            var found = stored.IndexOf(c, at);
            if (found < 0)
                missing++;
            else
                at = found + 1;
        }
        return missing;
    }

    [Fact]
    public Task Killing_the_server_mid_typing_loses_nothing_and_saves_the_browser_copy_without_Restore() => server.RunAsync(async () =>
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
            // The copy was made on top of what the server holds: it comes back and is saved by itself.
            await Expect(page.Body()).ToContainTextAsync(unsaved.Trim());
            await Expect(page.GetByLabel("Headline")).ToHaveValueAsync("Mưa lớn gây ngập nhiều tuyến đường (cập nhật)");
            await page.WaitUntilSavedAsync();
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Restore it" }).CountAsync());

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
