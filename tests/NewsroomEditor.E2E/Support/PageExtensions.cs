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
}
