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
}
