using Microsoft.Playwright;
using NewsroomEditor.E2E.Support;

namespace NewsroomEditor.E2E.Accessibility;

/// <summary>axe-core finds no serious or critical violation on the editing pages outside the journey.</summary>
[Collection(NewsroomCollection.Name)]
public class AccessibilityTests(NewsroomServer server)
{
    [Fact]
    public Task The_pages_the_journey_does_not_visit_have_no_serious_violations() => server.RunAsync(async () =>
    {
        var failures = new List<string>();
        async Task Check(IPage page, string what)
        {
            // axe looks at the page with its data, not at a loading state.
            if (!page.Url.Contains("/Account/", StringComparison.Ordinal))
                await page.WaitUntilLoadedAsync();
            try
            {
                await page.AssertNoSeriousViolationsAsync(what);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        // The journey (NewsroomDayJourneyTests) checks the pages it passes through: setup, sign-in,
        // invitations, users, media library, editor, review queue, dashboard and the public site.
        // These are the others.
        var reporter = await server.SignInAsync(NewsroomServer.Reporter);
        await reporter.GotoAsync("/stories");
        await Check(reporter, "the story list");
        await reporter.GotoAsync("/Account/Manage");
        await Check(reporter, "the profile page");

        var admin = await server.SignInAsync(NewsroomServer.Admin);
        foreach (var (path, what) in new[] { ("/admin", "the admin home"), ("/admin/sections", "the sections page"), ("/admin/settings", "the settings page"), ("/admin/audit", "the audit log") })
        {
            await admin.GotoAsync(path);
            await Check(admin, what);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    });
}
