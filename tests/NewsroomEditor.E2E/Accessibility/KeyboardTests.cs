using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Accessibility;

/// <summary>
/// The editor toolbar, its dialogs and the review actions work with the keyboard alone: every step
/// below reaches its control with Tab or Shift+Tab and uses it with Enter, Space or Escape.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class KeyboardTests(NewsroomServer server)
{
    [Fact]
    public Task A_story_is_written_formatted_linked_submitted_and_reviewed_without_a_mouse() => server.RunAsync(async () =>
    {
        const string headline = "Tin viết không cần chuột";
        var reporter = await server.SignInAsync(NewsroomServer.Reporter);
        await reporter.GotoAsync("/stories");
        await reporter.WaitForCircuitAsync();
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "New story", Exact = true }));
        await reporter.Keyboard.PressAsync("Enter");
        await reporter.WaitForURLAsync(new Regex("/stories/[0-9a-f-]{36}$"), AfterEnhancedNavigation.Options);
        await reporter.WaitForCircuitAsync();

        // Headline and body, reached with Tab.
        await reporter.TabToAsync(reporter.GetByLabel("Headline"));
        await reporter.Keyboard.TypeAsync(headline);
        await reporter.TabToAsync(reporter.Body());
        await reporter.Keyboard.TypeAsync("Đoạn mở đầu in đậm.");

        // Bold from the toolbar: select the line, go back to the toolbar, press Enter.
        await reporter.Keyboard.PressAsync("Shift+Home");
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true }), backwards: true);
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(reporter.Body().Locator("strong")).ToHaveTextAsync("Đoạn mở đầu in đậm.");
        await Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // A heading level from the toolbar, with Space.
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Heading 2" }), backwards: true);
        await reporter.Keyboard.PressAsync(" ");
        await Expect(reporter.Body().Locator("h2")).ToHaveTextAsync("Đoạn mở đầu in đậm.");

        // The link dialog: opened from the toolbar, filled and applied by keyboard.
        await reporter.TabToAsync(reporter.Body());
        await reporter.Keyboard.PressAsync("End");
        await reporter.Keyboard.PressAsync("Enter");
        await reporter.Keyboard.TypeAsync("Nguồn");
        await reporter.Keyboard.PressAsync("Shift+Home");
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }), backwards: true);
        await reporter.Keyboard.PressAsync("Enter");
        var dialog = reporter.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await reporter.TabToAsync(dialog.GetByRole(AriaRole.Textbox));
        await reporter.Keyboard.TypeAsync("https://longan.gov.vn");
        await reporter.TabToAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }));
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(reporter.Body().Locator("a[href^='https://longan.gov.vn']")).ToHaveTextAsync("Nguồn");

        // Ctrl+K in the body opens the same dialog (no browser prompt), with the link under the cursor to change.
        var prompts = 0;
        reporter.Dialog += (_, browserDialog) =>
        {
            prompts++;
            _ = browserDialog.DismissAsync();
        };
        await reporter.TabToAsync(reporter.Body());
        await reporter.Keyboard.PressAsync("End");
        await reporter.Keyboard.PressAsync("Shift+Home");
        await reporter.Keyboard.PressAsync("Control+k");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Textbox)).ToHaveValueAsync(new Regex("^https://longan\\.gov\\.vn"));
        await reporter.TabToAsync(dialog.GetByRole(AriaRole.Textbox));
        await reporter.Keyboard.PressAsync("Control+a");
        await reporter.Keyboard.TypeAsync("https://longan.gov.vn/tin-tuc");
        await reporter.TabToAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Apply" }));
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(reporter.Body().Locator("a[href='https://longan.gov.vn/tin-tuc']")).ToHaveTextAsync("Nguồn");
        Assert.Equal(0, prompts);

        // The image picker opens from the toolbar and Escape closes it, back to writing.
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Insert image" }), backwards: true);
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        // The dialog takes the focus as it opens (Escape is heard inside it), as a keyboard user waits for.
        await reporter.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null");
        await reporter.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await reporter.WaitUntilSavedAsync();

        // Submit for review.
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }));
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(reporter.StateChip()).ToHaveTextAsync("In review");

        // The editor opens it from the review queue and sends it back with a note, by keyboard.
        var editor = await server.SignInAsync(NewsroomServer.Editor);
        await editor.GotoAsync("/review");
        await editor.WaitForCircuitAsync();
        await editor.TabToAsync(editor.GetByRole(AriaRole.Link, new() { Name = headline, Exact = true }));
        await editor.Keyboard.PressAsync("Enter");
        await editor.WaitForURLAsync(new Regex("/stories/[0-9a-f-]{36}$"), AfterEnhancedNavigation.Options);
        await editor.WaitForCircuitAsync();
        await editor.TabToAsync(editor.GetByRole(AriaRole.Button, new() { Name = "Request changes" }));
        await editor.Keyboard.PressAsync("Enter");
        var request = editor.GetByRole(AriaRole.Dialog);
        await editor.TabToAsync(request.GetByLabel("Note to the author"));
        await editor.Keyboard.TypeAsync("Thêm nguồn chính thức.");
        await editor.TabToAsync(request.GetByRole(AriaRole.Button, new() { Name = "Request changes" }));
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.StateChip()).ToHaveTextAsync("Changes requested");

        // The reporter resubmits; the editor approves, both by keyboard.
        await Expect(reporter.StateChip()).ToHaveTextAsync("Changes requested");
        await reporter.TabToAsync(reporter.GetByRole(AriaRole.Button, new() { Name = "Resubmit" }));
        await reporter.Keyboard.PressAsync("Enter");
        await Expect(editor.StateChip()).ToHaveTextAsync("In review");
        await editor.TabToAsync(editor.GetByRole(AriaRole.Button, new() { Name = "Approve" }));
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.StateChip()).ToHaveTextAsync("Approved");
    });
}
