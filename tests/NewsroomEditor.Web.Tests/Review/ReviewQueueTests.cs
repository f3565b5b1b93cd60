using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Review;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Review;

/// <summary>The review queue over the real story service; it follows the event bus by itself.</summary>
public sealed class ReviewQueueTests : NewsroomComponentTest, IAsyncLifetime
{
    private StoryTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _host = await StoryTestHost.StartAsync();
        _lan = Actor.From(SignIn("Hoàng Lan", Roles.Reporter));
        _editor = Actor.From(SignIn("Nguyễn Thu", Roles.Editor)); // the viewer: signed in last
        await _host.AddUserAsync(_lan);
        await _host.AddUserAsync(_editor);
        _host.AddTo(Services);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_newly_submitted_story_appears_in_an_open_queue_without_a_reload()
    {
        var queue = Render<ReviewQueue>();
        queue.WaitForAssertion(() => Assert.Contains("Nothing is waiting for review.", queue.Markup, StringComparison.Ordinal));

        var id = await _host.WriteStoryAsync(_lan, "Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        await _host.TransitionAsync(_lan, id, StoryAction.Submit);

        queue.WaitForAssertion(() =>
        {
            var link = queue.Find($"a[href='stories/{id}']");
            Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ tỉnh", link.TextContent.Trim());
        }, TimeSpan.FromSeconds(5));
        Assert.Contains("Hoàng Lan", queue.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing is waiting for review.", queue.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_sent_back_leaves_an_open_queue()
    {
        var id = await _host.WriteStoryAsync(_lan, "Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        await _host.TransitionAsync(_lan, id, StoryAction.Submit);
        var queue = Render<ReviewQueue>();
        queue.WaitForElement($"a[href='stories/{id}']");

        await _host.TransitionAsync(_editor, id, StoryAction.RequestChanges, "Thêm số liệu.");

        queue.WaitForAssertion(() => Assert.Contains("Nothing is waiting for review.", queue.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_queue_shows_the_submitted_time_in_the_site_time_zone()
    {
        var id = await _host.WriteStoryAsync(_lan, "Giá xăng giảm");
        var submitted = await _host.TransitionAsync(_lan, id, StoryAction.Submit);

        var queue = Render<ReviewQueue>();

        var expected = TimeZoneInfo.ConvertTimeFromUtc(
            DateTime.SpecifyKind(submitted.SubmittedAt!.Value, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
        queue.WaitForAssertion(() => Assert.Contains(expected, queue.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_queue_shows_its_oldest_page_and_the_count_of_all_waiting()
    {
        var waiting = await SubmitAsync(StoryQueries.ReviewQueuePageSize + 2);

        var queue = Render<ReviewQueue>();

        queue.WaitForAssertion(() => Assert.Equal(
            waiting.Take(StoryQueries.ReviewQueuePageSize).Select(id => $"stories/{id}"),
            queue.FindAll(".review-queue a").Select(a => a.GetAttribute("href"))));
        Assert.Contains("27 stories are waiting, oldest first.", queue.Markup, StringComparison.Ordinal);
        Assert.Contains("1–25 of 27", queue.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(queue.FindAll(".mud-pagination"));
    }

    [Fact]
    public async Task The_second_page_shows_the_newest_and_follows_decisions_on_the_first()
    {
        var waiting = await SubmitAsync(StoryQueries.ReviewQueuePageSize + 2);
        Services.GetRequiredService<NavigationManager>().NavigateTo("review?page=2");

        var queue = Render<ReviewQueue>();
        queue.WaitForAssertion(() => Assert.Equal(
            waiting.Skip(StoryQueries.ReviewQueuePageSize).Select(id => $"stories/{id}"),
            queue.FindAll(".review-queue a").Select(a => a.GetAttribute("href"))));
        Assert.Contains("26–27 of 27", queue.Markup, StringComparison.Ordinal);

        // The oldest is sent back: the rest move up, and page 2 keeps only the newest.
        await _host.TransitionAsync(_editor, waiting[0], StoryAction.RequestChanges, "Thêm số liệu.");

        queue.WaitForAssertion(() => Assert.Equal(
            [$"stories/{waiting[^1]}"],
            queue.FindAll(".review-queue a").Select(a => a.GetAttribute("href"))), TimeSpan.FromSeconds(5));
        Assert.Contains("26–26 of 26", queue.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_names_the_five_oldest_waiting_and_counts_them_all()
    {
        var waiting = await SubmitAsync(7);

        var dashboard = Render<NewsroomEditor.Web.Components.Pages.Home>();

        dashboard.WaitForAssertion(() => Assert.Equal(
            waiting.Take(StoryQueries.DashboardQueueSize).Select(id => $"stories/{id}"),
            dashboard.FindAll(".dashboard-queue a[href^='stories/']").Select(a => a.GetAttribute("href"))));
        Assert.Equal("Review queue (7)", dashboard.Find(".dashboard-queue h2").TextContent.Trim());
    }

    /// <summary>Lan writes and submits <paramref name="count"/> stories, a minute apart; their ids in that order.</summary>
    private async Task<List<Guid>> SubmitAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
            var id = await _host.WriteStoryAsync(_lan, $"Bài số {i + 1}");
            await _host.TransitionAsync(_lan, id, StoryAction.Submit);
            ids.Add(id);
        }
        return ids;
    }
}
