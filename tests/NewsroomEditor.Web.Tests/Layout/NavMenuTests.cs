using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Layout;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Layout;

/// <summary>The drawer shows each person only what their roles allow.</summary>
public class NavMenuTests : NewsroomComponentTest
{
    public static TheoryData<string[], string[]> ExpectedLinks => new()
    {
        { [Roles.Reporter], ["Dashboard", "Stories", "Media"] },
        { [Roles.Editor], ["Dashboard", "Stories", "Review queue", "Media"] },
        { [Roles.Admin], ["Dashboard", "Admin"] },
        { [Roles.Reporter, Roles.Admin], ["Dashboard", "Stories", "Media", "Admin"] },
        { [Roles.Editor, Roles.Admin], ["Dashboard", "Stories", "Review queue", "Media", "Admin"] },
        { [], ["Dashboard"] },
    };

    [Theory]
    [MemberData(nameof(ExpectedLinks))]
    public void Navigation_shows_what_the_roles_allow(string[] roles, string[] expected)
    {
        SignIn("Hoàng Lan", roles);

        var menu = Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(expected, links);
    }

    [Fact]
    public void Nobody_signed_in_sees_no_navigation()
    {
        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("a"));
    }
}
