using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsroomEditor.E2E.Support;

public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>
    /// Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now and fails
    /// on any serious or critical violation, listing each with the elements it found.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe on {what} ({page.Url}):\n" + string.Join("\n", blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Impact} {violation.Id}: {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Take(5).Select(node => $"    {node.Target} {Shorten(node.Html)}"));

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
