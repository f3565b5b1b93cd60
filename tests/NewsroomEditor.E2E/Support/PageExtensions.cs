using Microsoft.Playwright;

namespace NewsroomEditor.E2E.Support;

public static class PageExtensions
{
    /// <summary>
    /// Waits until the page's Blazor circuit is up: before that, clicks on interactive controls are
    /// lost. MainLayout marks itself with data-circuit="on" once it renders interactively.
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-circuit=on]").WaitForAsync();

    /// <summary>
    /// Waits for the circuit and then until the page shows no loading indicator (MudBlazor's
    /// progress bars and circles, a data grid's loading row): its data is on screen.
    /// </summary>
    public static async Task WaitUntilLoadedAsync(this IPage page)
    {
        await page.WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-progress-linear, .mud-progress-circular, .mud-table-loading"))
            .ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }
}

public static class StoryEditorPage
{
    /// <summary>The body editor's editable surface (Tiptap's ProseMirror element).</summary>
    public static ILocator Body(this IPage page) => page.Locator("[data-editor-surface] .ProseMirror");

    public static ILocator SaveStatus(this IPage page) => page.Locator("[data-save-status]");

    /// <summary>
    /// Waits until everything typed so far is on the server: the browser module holds nothing
    /// unconfirmed (data-unsaved="false", set before any save status could lag) and the page says
    /// "Saved 7:45 PM" (the short time of the browser's culture, en-US here).
    /// </summary>
    public static async Task WaitUntilSavedAsync(this IPage page)
    {
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".story-editor[data-unsaved=false]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Microsoft.Playwright.Assertions.Expect(page.SaveStatus()).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Saved \d{1,2}:\d\d(\s?[AP]M)?$"), new() { Timeout = 30_000 });
    }

    public static ILocator StateChip(this IPage page) => page.GetByLabel("State");

    /// <summary>Opens a new story from the story list and waits for its editor.</summary>
    public static async Task<Guid> CreateStoryAsync(this IPage page)
    {
        // Waiting for the circuit is what matters; the document's load event has twice failed to come
        // within 30 s on a heavily loaded machine while the page itself was up.
        await page.GotoAsync("/stories", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New story", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/stories/[0-9a-f-]{36}$"), AfterEnhancedNavigation.Options);
        await page.WaitForCircuitAsync();
        await page.Body().WaitForAsync();
        return Guid.Parse(new Uri(page.Url).Segments[^1]);
    }
}

public static class KeyboardNavigation
{
    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> has the keyboard focus, as a
    /// person without a mouse would; fails when it is not reached within <paramref name="maxPresses"/>.
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, bool backwards = false, int maxPresses = 80)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        await target.WaitForAsync();
        for (var i = 0; i <= maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{target} was not reached with {(backwards ? "Shift+Tab" : "Tab")} in {maxPresses} presses; the focus is on {focused}");
    }
}

/// <summary>
/// Waiting for an editing page's address. Blazor's enhanced navigation and form posts change the
/// address without a new document, and under heavy load Playwright has then waited in vain for a
/// "load" event (30 s, twice); the address committing is enough, because the callers go on to wait
/// for the page's circuit or content.
/// </summary>
public static class AfterEnhancedNavigation
{
    public static PageWaitForURLOptions Options => new() { WaitUntil = WaitUntilState.Commit };
}
