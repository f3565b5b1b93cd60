using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Admin;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>The audit page over the real <see cref="AuditQueries"/>: rows newest first, filters from the URL, the export link.</summary>
public sealed class AuditLogPageTests : NewsroomComponentTest, IAsyncLifetime
{
    private StoryTestHost? _host;
    private Actor _lan = default!;
    private Actor _thu = default!;

    private StoryTestHost Host => _host ?? throw new InvalidOperationException("The host starts before each test.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        _host = await StoryTestHost.StartAsync();
        // The page's queries act as the person this test signs in, as a circuit's do.
        _host.ActorSource.Follow(Authentication);
        var scope = _host.Services.CreateAsyncScope();
        Services.AddSingleton(_ => scope.ServiceProvider.GetRequiredService<IAuditQueries>());
        var admin = SignIn("Quản trị", Roles.Admin);
        await _host.UserAsync(admin);
        _lan = Actor.Create("lan", "Hoàng Lan", Roles.Reporter);
        _thu = Actor.Create("thu", "Nguyễn Thu", Roles.Editor);
        await _host.AddUserAsync(_lan);
        await _host.AddUserAsync(_thu);

        await RecordAsync(AuditActions.StoryTransition, _lan, "story:1", "Draft → In review: \"Hội nghị Ban Chấp hành\"");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(AuditActions.StoryPublished, _thu, "story:1", "In review → Published: \"Hội nghị Ban Chấp hành\"");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync(AuditActions.MediaDeleted, _lan, "media:9", "Deleted \"ảnh.jpg\"");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }

    [Fact]
    public void The_page_lists_entries_newest_first_with_time_person_action_target_details_and_address()
    {
        var page = Render<AuditLogPage>();

        var rows = page.WaitForElements("table tbody tr", 3);
        // The stored action names stay on the rows; people read them translated.
        Assert.Equal(["media.deleted", "story.published", "story.transition"], rows.Select(r => r.QuerySelector("[data-action]")!.GetAttribute("data-action")));
        Assert.Contains("Image deleted", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Story published", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Story moved in the workflow", rows[2].TextContent, StringComparison.Ordinal);
        // 12:55 UTC is 19:55 in the site's time zone, to the second, in the reader's culture ("G").
        Assert.Contains(new DateTime(2024, 4, 11, 19, 55, 0).ToString("G", CultureInfo.CurrentCulture), rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Hoàng Lan", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("media:9", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Deleted \"ảnh.jpg\"", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thu", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_in_the_address_narrow_the_rows_and_go_into_the_export_link()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit?action=story.&actor=lan");

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() =>
        {
            var row = Assert.Single(page.FindAll("table tbody tr"));
            Assert.Equal("story.transition", row.QuerySelector("[data-action]")!.GetAttribute("data-action"));
        });
        var export = page.Find("a[download]");
        Assert.Equal("/admin/audit/export?actor=lan&action=story.", export.GetAttribute("href"));
        Assert.Contains("Export CSV", export.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_that_matches_nothing_says_so()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit?action=settings.");

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("No entry matches these filters.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_date_after_the_end_date_is_explained_not_thrown()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit?from=2024-04-12&to=2024-04-11");

        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("The start date 4/12/2024 is after the end date 4/11/2024.", page.Markup, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Editor)]
    public void The_page_is_not_shown_to_reporters_or_editors(string role)
    {
        SignIn("Hoàng Lan", role);

        // The route's policy stops them before the page (AccessTests over HTTP); the service also refuses.
        var refusal = Assert.Throws<Core.AccessDeniedException>(() => Render<AuditLogPage>());

        Assert.Equal("Only an Admin may read the audit log.", refusal.Message);
    }

    private Task RecordAsync(string action, Actor actor, string target, string details) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(action, actor.UserId, actor.DisplayName, target, details)));
}
