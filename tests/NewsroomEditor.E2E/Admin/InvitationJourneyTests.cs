using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Admin;

/// <summary>
/// People administration needs a newsroom whose list of people no other test changes: a server of
/// its own with only its admin.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminServer>
{
    public const string Name = "Admin";
}

public sealed class AdminServer : AppServer
{
    public const string Password = "một mật khẩu đủ dài";
    public static readonly Person Admin = new("admin@baothunghiem.vn", "Quản trị");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync(Admin, Password, Roles.Admin);
    }
}

[Collection(AdminCollection.Name)]
public class InvitationJourneyTests(AdminServer server)
{
    [Fact]
    public Task The_admin_invites_a_reporter_and_an_editor_who_each_set_a_password_and_are_signed_in() => server.RunAsync(async () =>
    {
            var admin = await server.NewPageAsync();
            await admin.GotoAsync("/Account/Login");
            await admin.GetByLabel("Email").FillAsync(AdminServer.Admin.Email);
            await admin.GetByLabel("Password").FillAsync(AdminServer.Password);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom");

            await admin.GotoAsync("/admin/users");
            await admin.WaitForCircuitAsync();
            var reporterLink = await InviteAsync(admin, "Hoàng Lan", "lan@baothunghiem.vn", Roles.Reporter);
            var editorLink = await InviteAsync(admin, "Nguyễn Thu", "thu@baothunghiem.vn", Roles.Editor);

            // Both appear as invited in the grid.
            await Expect(admin.Locator("[data-actions-for='lan@baothunghiem.vn']")).ToBeVisibleAsync();
            var invited = admin.Locator("tr", new() { Has = admin.Locator("[data-actions-for='thu@baothunghiem.vn']") });
            await Expect(invited.Locator("[data-status]")).ToHaveTextAsync("Invited");

            await AcceptAsync(reporterLink, "Hoàng Lan", "mật khẩu của phóng viên Lan");
            await AcceptAsync(editorLink, "Nguyễn Thu", "mật khẩu của biên tập viên Thu");

            // The admin sees them active now, and the links are spent.
            await admin.ReloadAsync();
            await admin.WaitForCircuitAsync();
            await Expect(invited.Locator("[data-status]")).ToHaveTextAsync("Active");
            var again = await server.NewPageAsync();
            await again.GotoAsync(reporterLink);
            await Expect(again.Locator("[data-invitation-invalid]")).ToContainTextAsync("already been used or has expired");
    });

    /// <summary>Invites through the dialog and returns the link it shows once.</summary>
    private static async Task<string> InviteAsync(IPage admin, string name, string email, string role)
    {
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite person" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Display name").FillAsync(name);
        await dialog.GetByLabel("Email").FillAsync(email);
        // Reporter is ticked to begin with.
        if (role != Roles.Reporter)
        {
            await dialog.GetByLabel(Roles.Reporter).UncheckAsync();
            await dialog.GetByLabel(role).CheckAsync();
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();

        var linkField = admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox, new() { Name = "Invitation link" });
        await Expect(linkField).ToHaveValueAsync(new Regex("/Account/AcceptInvitation\\?userId="));
        await Expect(admin.Locator("[data-link-emailed]")).ToContainTextAsync("not e-mailed");
        var link = await linkField.InputValueAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("copied|select the link"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(linkField).ToHaveCountAsync(0);
        return link;
    }

    /// <summary>The invited person, at their own computer, follows the link.</summary>
    private async Task AcceptAsync(string link, string name, string password)
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("[data-invitee]")).ToHaveTextAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/newsroom$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByText($"Welcome, {name}.")).ToBeVisibleAsync();
    }
}
