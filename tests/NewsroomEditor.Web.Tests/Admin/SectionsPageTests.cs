using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Admin;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>The sections page lists, adds, reorders and refuses with the service's own messages.</summary>
public sealed class SectionsPageTests : AdminComponentTest
{
    [Fact]
    public async Task The_page_lists_the_sections_in_menu_order_with_their_story_counts()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));

        var page = Render<SectionsPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Thời sự", "Kinh tế", "Văn hóa", "Thể thao"],
            page.FindAll("tbody tr td[data-label='Vietnamese']").Select(td => td.TextContent.Trim())));
        Assert.All(page.FindAll("tbody tr td[data-label='Stories']"), td => Assert.Equal("0", td.TextContent.Trim()));
    }

    [Fact]
    public async Task An_admin_adds_a_section_and_moves_it_up()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        var page = Render<SectionsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        await Field(page, "Vietnamese name").ChangeAsync(new() { Value = "Giáo dục" });
        await Field(page, "English name").ChangeAsync(new() { Value = "Education" });
        await Button(page, "Add section").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Added Giáo dục / Education.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("giao-duc, education", page.FindAll("tbody tr td[data-label='Slugs']")[^1].TextContent.Trim());

        await page.Find("button[aria-label='Move Giáo dục up']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            ["Thời sự", "Kinh tế", "Văn hóa", "Giáo dục", "Thể thao"],
            page.FindAll("tbody tr td[data-label='Vietnamese']").Select(td => td.TextContent.Trim())));
    }

    [Fact]
    public async Task After_a_section_is_added_the_form_is_empty_without_validation_errors()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        var page = Render<SectionsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        await Field(page, "Vietnamese name").ChangeAsync(new() { Value = "Giáo dục" });
        await Field(page, "English name").ChangeAsync(new() { Value = "Education" });
        await Button(page, "Add section").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Added Giáo dục / Education.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("", Field(page, "Vietnamese name").GetAttribute("value") ?? "");
        Assert.Equal("", Field(page, "English name").GetAttribute("value") ?? "");
        Assert.Empty(page.FindAll(".mud-input-error"));
        Assert.DoesNotContain("name is required", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reserved_slug_is_shown_as_a_validation_message_and_nothing_is_added()
    {
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        var page = Render<SectionsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        await Field(page, "Vietnamese name").ChangeAsync(new() { Value = "Quản trị" });
        await Field(page, "English name").ChangeAsync(new() { Value = "Administration" });
        await Field(page, "English slug").ChangeAsync(new() { Value = "Admin" });
        await Button(page, "Add section").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(
            "The English slug \"admin\" is taken by the app itself", page.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(4, page.FindAll("tbody tr").Count);
    }

    [Fact]
    public async Task Deleting_a_section_with_stories_shows_why_it_is_refused()
    {
        var author = Actor.Create("lan", "Hoàng Lan", Roles.Reporter);
        await Host.AddUserAsync(author);
        await Host.WriteStoryAsync(author, "Hội nghị Ban Chấp hành");
        await Host.UserAsync(SignIn("Quản trị", Roles.Admin));
        var page = Render<SectionsPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("tbody tr").Count));

        await page.Find("button[aria-label='Delete Thời sự']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1 story uses this section; hide it instead.", page.Find("[data-testid=section-error]").TextContent.Trim()));
        Assert.Equal(4, page.FindAll("tbody tr").Count);
    }

    [Fact]
    public void A_reporter_sees_the_refusal_not_the_sections()
    {
        SignIn("Hoàng Lan", Roles.Reporter);

        var page = Render<SectionsPage>();

        page.WaitForAssertion(() => Assert.Contains("Only an Admin may manage sections.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("tbody tr td[data-label='Vietnamese']"));
    }
}
