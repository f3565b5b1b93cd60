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
}
