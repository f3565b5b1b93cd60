using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Layout;
using NewsroomEditor.Web.Components.Pages;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Layout;

/// <summary>The frame of the editing UI (navigation, dashboard cards, refusals) in Vietnamese.</summary>
public sealed class FrameInVietnameseTests : NewsroomComponentTest
{
    /// <summary>Runs <paramref name="test"/> in Vietnamese, then gives the thread its culture back.</summary>
    private static void InVietnamese(Action test)
    {
        using var vietnamese = CultureScope.Vietnamese();
        test();
    }

    [Fact]
    public void The_navigation_speaks_Vietnamese() => InVietnamese(() =>
    {
        SignIn("Hoàng Lan", Roles.Editor, Roles.Admin);

        var menu = Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(["Tổng quan", "Bài viết", "Bài chờ duyệt", "Thư viện ảnh", "Quản trị"], links);
        Assert.Equal("Chính", menu.Find("nav").GetAttribute("aria-label"));
    });

    [Fact]
    public void A_dashboard_card_offers_to_open_its_area_in_Vietnamese() => InVietnamese(() =>
    {
        var card = Render<DashboardCard>(parameters => parameters
            .Add(c => c.Title, "Bài viết")
            .Add(c => c.Href, "stories")
            .Add(c => c.Icon, MudBlazor.Icons.Material.Filled.Article)
            .Add(c => c.Text, "Viết và theo dõi bài của bạn."));

        Assert.Equal("Mở bài viết", card.Find("a").TextContent.Trim());
    });

    [Fact]
    public void The_user_menu_and_the_refusal_speak_Vietnamese() => InVietnamese(() =>
    {
        var signedOut = Render<UserMenu>();
        var refusal = Render<AccessDeniedMessage>();

        Assert.Equal("Đăng nhập", signedOut.Find("a").TextContent.Trim());
        Assert.Contains("Không có quyền truy cập", refusal.Markup, StringComparison.Ordinal);
        Assert.Contains("Vai trò của bạn không được mở trang này.", refusal.Markup, StringComparison.Ordinal);
    });
}
