using MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Layout;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Layout;

public class UserMenuTests : NewsroomComponentTest
{
    [Fact]
    public void The_menu_is_labelled_with_the_display_name()
    {
        SignIn("Hoàng Lan", Roles.Reporter);

        var menu = Render<UserMenu>();

        Assert.Contains("Hoàng Lan", menu.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_the_menu_offers_profile_and_a_sign_out_post()
    {
        SignIn("Hoàng Lan", Roles.Editor);
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<UserMenu>();

        menu.Find("button").Click();

        // The popover's content arrives in a render of its own after the click.
        var profile = popovers.WaitForElement("a[href='Account/Manage']");
        Assert.Contains("Profile", profile.TextContent, StringComparison.Ordinal);
        var signOut = popovers.Find("form[action='Account/Logout']");
        Assert.Equal("post", signOut.GetAttribute("method"));
        Assert.Contains("Sign out", signOut.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_signed_in_is_offered_to_log_in()
    {
        var menu = Render<UserMenu>();

        Assert.Equal("Account/Login", menu.Find("a").GetAttribute("href"));
    }
}
