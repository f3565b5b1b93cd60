using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Web.Components.Admin;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>The settings form: the values in force, each field's rule shown beside it, and a save that takes effect.</summary>
public sealed class SettingsPageTests : AdminComponentTest
{
    [Fact]
    public async Task A_bad_time_zone_is_shown_beside_the_field_and_nothing_is_saved()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        Render<MudPopoverProvider>();
        var page = Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.Equal("Asia/Ho_Chi_Minh", Field(page, "Time zone").GetAttribute("value")));

        await Field(page, "Time zone").ChangeAsync(new() { Value = "Mars/Olympus" });
        await Field(page, "Site name (English)").ChangeAsync(new() { Value = "Changed but not saved" });
        await Button(page, "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "\"Mars/Olympus\" is not an IANA time zone this server knows",
            string.Join(" ", page.FindAll(".mud-input-error").Select(e => e.TextContent)), StringComparison.Ordinal));
        Assert.DoesNotContain("Settings saved.", page.Markup, StringComparison.Ordinal);
        Assert.Null(Host.Services.GetRequiredService<SiteSettings>().SavedAt);
        Assert.NotEqual("Changed but not saved", Host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue.NameFor("en"));
    }

    [Fact]
    public async Task A_valid_save_takes_effect_at_once()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        Render<MudPopoverProvider>();
        var page = Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.Equal("Asia/Ho_Chi_Minh", Field(page, "Time zone").GetAttribute("value")));

        await Field(page, "Site name (Vietnamese)").ChangeAsync(new() { Value = "Báo Đồng Nai" });
        await Field(page, "Time zone").ChangeAsync(new() { Value = "Asia/Bangkok" });
        await Button(page, "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Settings saved.", page.Markup, StringComparison.Ordinal));
        var site = Host.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        Assert.Equal("Báo Đồng Nai", site.NameFor("vi"));
        Assert.Equal("Asia/Bangkok", site.TimeZone);
    }

    [Fact]
    public void An_editor_sees_the_refusal_not_the_form()
    {
        SignIn("Nguyễn Thu", Roles.Editor);

        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Only an Admin may change the site settings.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("input"));
    }
}
