using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Accounts;

/// <summary>A newsroom that allows two open tabs per person (Security:MaxCircuitsPerUser = 2).</summary>
public sealed class TwoTabNewsroom() : AppServer(new Dictionary<string, string> { ["Security:MaxCircuitsPerUser"] = "2" })
{
    public static readonly Person Reporter = new("lan@baothunghiem.vn", "Hoàng Lan");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync(Reporter, NewsroomServer.Password, Roles.Reporter);
    }
}

/// <summary>
/// The tab opened beyond the limit shows a message instead of the page (no error, no crash), and
/// once a tab is closed, reloading it brings the page.
/// </summary>
public sealed class CircuitLimitJourneyTests(TwoTabNewsroom server) : IClassFixture<TwoTabNewsroom>
{
    [Fact]
    public Task The_third_tab_is_told_to_close_one_and_gets_the_page_once_one_is_closed() => server.RunAsync(async () =>
    {
        var first = await server.NewPageAsync();
        await first.GotoAsync("/Account/Login");
        await first.GetByLabel("Email").FillAsync(TwoTabNewsroom.Reporter.Email);
        await first.GetByLabel("Password").FillAsync(NewsroomServer.Password);
        await first.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom", AfterEnhancedNavigation.Options);
        await first.WaitForCircuitAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/newsroom");
        await second.WaitForCircuitAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        var third = await first.Context.NewPageAsync();
        var errors = new List<string>();
        third.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
        await third.GotoAsync("/newsroom");

        await Expect(third.GetByRole(AriaRole.Heading, new() { Name = "Too many open tabs" })).ToBeVisibleAsync();
        await Expect(third.GetByRole(AriaRole.Alert)).ToContainTextAsync("You already have 2 tabs of the newsroom open");
        await Expect(third.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
        Assert.Empty(errors);

        // Closed as a person closes a tab: the page says goodbye to its circuit, which ends at once.
        await second.CloseAsync(new() { RunBeforeUnload = true });
        await third.BringToFrontAsync();
        var admitted = false;
        for (var attempt = 0; attempt < 10 && !admitted; attempt++)
        {
            await third.ReloadAsync();
            // Either the app's layout comes up interactively, or the message again (the goodbye may still be on its way).
            await third.Locator("[data-circuit=on], [data-circuit-limit]").First.WaitForAsync();
            admitted = await third.Locator("[data-circuit=on]").CountAsync() == 1;
        }
        Assert.True(admitted, "The tab was still refused after another tab was closed.");
        await Expect(third.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    });
}
