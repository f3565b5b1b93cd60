using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Data;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>The body editor and the edit lease, in Chromium.</summary>
[Collection(NewsroomCollection.Name)]
public class StoryEditorTests(NewsroomServer server)
{
    [Fact]
    public Task Pasting_from_Google_Docs_keeps_structure_and_drops_the_rest() => server.RunAsync(async () =>
    {
            var page = await server.SignInAsync(NewsroomServer.Reporter);
            var storyId = await page.CreateStoryAsync();
            await page.GetByLabel("Headline").FillAsync("Dán từ Google Docs");
            await page.Body().ClickAsync();

            // What Google Docs puts on the clipboard: a bold wrapper that must not make everything bold,
            // styles as spans, a heading, a list and a link, with classes and styles to drop.
            const string clipboard =
                "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1234\">" +
                "<h2 style=\"font-size:16pt\"><span style=\"font-size:16pt\">Hội nghị tổng kết</span></h2>" +
                "<p dir=\"ltr\" class=\"c1\"><span style=\"font-weight:700\">Đảng ủy khối</span><span> tổ chức </span>" +
                "<span style=\"font-style:italic\">hội nghị</span> tại <a href=\"https://longan.gov.vn\" style=\"color:red\">Long An</a>.</p>" +
                "<ul><li><p>Thảo luận dự thảo</p></li><li><p>Biểu quyết</p></li></ul></b>";
            await page.Body().EvaluateAsync(@"(surface, html) => {
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', 'Hội nghị tổng kết');
                surface.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }", clipboard);
            await page.WaitUntilSavedAsync();

            await Expect(page.Body().Locator("h2")).ToHaveTextAsync("Hội nghị tổng kết");
            await Expect(page.Body().Locator("strong")).ToHaveTextAsync("Đảng ủy khối");
            await Expect(page.Body().Locator("em")).ToHaveTextAsync("hội nghị");
            await Expect(page.Body().Locator("li")).ToHaveCountAsync(2);
            await Expect(page.Body().Locator("[style], [class*=c1]")).ToHaveCountAsync(0);
            await using var scope = server.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
            Assert.Contains("\"type\":\"heading\"", stored.BodyJson, StringComparison.Ordinal);
            Assert.Contains("\"href\":\"https://longan.gov.vn\"", stored.BodyJson, StringComparison.Ordinal);
            Assert.DoesNotContain("style", stored.BodyJson, StringComparison.Ordinal);
            // Only the bold run is bold: the Docs wrapper did not leak into the text.
            Assert.Equal(1, Regex.Count(stored.BodyJson, "\"bold\""));
    });

    [Fact]
    public Task The_toolbar_formats_and_refuses_unsafe_links() => server.RunAsync(async () =>
    {
            var page = await server.SignInAsync(NewsroomServer.Reporter);
            await page.CreateStoryAsync();
            await page.Body().ClickAsync();
            var bold = page.GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true });

            await bold.ClickAsync();
            await Expect(bold).ToHaveAttributeAsync("aria-pressed", "true");
            await page.Keyboard.TypeAsync("Tin nóng");
            await Expect(page.Body().Locator("strong")).ToHaveTextAsync("Tin nóng");
            await Expect(page.Locator(".editor-count")).ToContainTextAsync("2 words");

            await page.Keyboard.PressAsync("Shift+Home");
            await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
            await page.GetByLabel("Link address").FillAsync("javascript:alert(1)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.GetByText("Links must be full http://, https:// or mailto: addresses.")).ToBeVisibleAsync();
            await Expect(page.Body().Locator("a")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task An_editor_takes_over_and_the_reporter_is_told_and_keeps_their_text() => server.RunAsync(async () =>
    {
            var reporter = await server.SignInAsync(NewsroomServer.Reporter);
            var storyId = await reporter.CreateStoryAsync();
            await reporter.GetByLabel("Headline").FillAsync("Bài đang viết dở");
            await reporter.Body().ClickAsync();
            await reporter.Keyboard.TypeAsync("Đoạn đã lưu.");
            await reporter.WaitUntilSavedAsync();

            var editor = await server.SignInAsync(NewsroomServer.SecondEditor);
            await editor.GotoAsync($"/stories/{storyId}");
            await editor.WaitForCircuitAsync();
            await Expect(editor.GetByText("Being edited by Hoàng Lan")).ToBeVisibleAsync();
            await Expect(editor.GetByLabel("Headline")).ToHaveAttributeAsync("readonly", new Regex(".*"));

            // The reporter types on; the editor takes over before the next autosave.
            await reporter.Keyboard.TypeAsync(" Câu chưa kịp lưu.");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();

            await Expect(reporter.GetByText("Trần Minh took over this story.")).ToBeVisibleAsync();
            await Expect(reporter.Body()).ToContainTextAsync("Câu chưa kịp lưu.");
            await Expect(reporter.Body()).ToHaveAttributeAsync("contenteditable", "false");
            await Expect(editor.GetByText("Being edited by")).ToHaveCountAsync(0);
            await editor.Body().ClickAsync();
            await editor.Keyboard.PressAsync("Control+End");
            await editor.Keyboard.TypeAsync(" Biên tập viên bổ sung.");
            await editor.WaitUntilSavedAsync();

            // The reporter's unsaved sentence is still in their browser's copy after a reload.
            await Expect(reporter.Body()).ToContainTextAsync("Câu chưa kịp lưu.");
            await reporter.ReloadAsync();
            await reporter.WaitForCircuitAsync();
            await Expect(reporter.GetByText("This browser kept a newer copy")).ToBeVisibleAsync();
            await Expect(reporter.GetByText("It stays here until you can edit this story again.")).ToBeVisibleAsync();
    });
}
