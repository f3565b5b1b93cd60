using Microsoft.Playwright;
using NewsroomEditor.E2E.Support;

namespace NewsroomEditor.E2E.Accessibility;

/// <summary>axe-core finds no serious or critical violation on the pages each kind of user sees.</summary>
[Collection(NewsroomCollection.Name)]
public class AccessibilityTests(NewsroomServer server)
{
    [Fact]
    public Task The_editing_UI_and_the_sign_in_page_have_no_serious_violations() => server.RunAsync(async () =>
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

        var anonymous = await server.NewPageAsync();
        await anonymous.GotoAsync("/Account/Login");
        await Check(anonymous, "the sign-in page");

        var reporter = await server.SignInAsync(NewsroomServer.Reporter);
        await Check(reporter, "the reporter's dashboard");
        await reporter.GotoAsync("/stories");
        await reporter.WaitForCircuitAsync();
        await Check(reporter, "the story list");
        await reporter.CreateStoryAsync();
        await Check(reporter, "the story editor");
        await reporter.GotoAsync("/media");
        await reporter.WaitForCircuitAsync();
        await Check(reporter, "the media library");
        await reporter.GotoAsync("/Account/Manage");
        await Check(reporter, "the profile page");

        var editor = await server.SignInAsync(NewsroomServer.Editor);
        await editor.GotoAsync("/review");
        await editor.WaitForCircuitAsync();
        await Check(editor, "the review queue");

        var admin = await server.SignInAsync(NewsroomServer.Admin);
        foreach (var (path, what) in new[] { ("/admin", "the admin home"), ("/admin/users", "the users page"), ("/admin/sections", "the sections page"), ("/admin/settings", "the settings page"), ("/admin/audit", "the audit log") })
        {
            await admin.GotoAsync(path);
            await admin.WaitForCircuitAsync();
            await Check(admin, what);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    });
}
