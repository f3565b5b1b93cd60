using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Setup;

[Collection(FirstRunCollection.Name)]
public class FirstRunJourneyTests(AppServer server)
{
    private const string Email = "lan@example.vn";
    private const string Password = "một mật khẩu đủ dài";

    [Fact]
    public Task Setup_signs_in_the_admin_who_can_sign_out_and_in_again() => server.RunAsync(async () =>
    {
            var page = await server.NewPageAsync();

            // A fresh install sends the first visitor to setup.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
            await page.GetByLabel("Email").FillAsync(Email);
            await page.GetByLabel("Display name").FillAsync("Hoàng Lan");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

            // Signed in as the admin, on the dashboard.
            await Expect(page).ToHaveURLAsync(new Regex("/newsroom$"));
            await page.WaitForCircuitAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Welcome, Hoàng Lan.")).ToBeVisibleAsync();
            var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Stories" })).ToHaveCountAsync(0);

            // Sign out from the user menu.
            await page.GetByRole(AriaRole.Button, new() { Name = "Hoàng Lan" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

            // Sign in again.
            await page.GetByLabel("Email").FillAsync(Email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/newsroom$"));
            await page.WaitForCircuitAsync();
            await Expect(page.GetByText("Welcome, Hoàng Lan.")).ToBeVisibleAsync();

            // Setup is gone for good.
            var setupAgain = await page.GotoAsync("/setup");
            Assert.Equal(404, setupAgain!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    });
}
