using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Layout;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Layout;

/// <summary>Workflow moves reach the people they concern as snackbars, and nobody else.</summary>
public sealed class StoryNotificationsTests : NewsroomComponentTest
{
    private static readonly DateTime At = new(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);
    private readonly InProcessEventBus _events = new(NullLogger<InProcessEventBus>.Instance);
    private readonly Actor _lan;
    private readonly Actor _minh;
    private readonly Actor _editor;

    public StoryNotificationsTests()
    {
        Services.AddSingleton<INewsroomEventBus>(_events);
        _lan = Actor.From(SignIn("Hoàng Lan", Roles.Reporter));
        _minh = Actor.From(SignIn("Trần Minh", Roles.Reporter));
        _editor = Actor.From(SignIn("Nguyễn Thu", Roles.Editor));
    }

    [Fact]
    public void The_author_is_told_that_changes_were_requested_with_the_note_and_a_link()
    {
        SignIn("Hoàng Lan", Roles.Reporter);
        var snackbars = Render<MudSnackbarProvider>();
        Render<StoryNotifications>();
        var storyId = Guid.NewGuid();

        _events.Publish(Move(storyId, "Hội nghị Ban Chấp hành", _lan, StoryState.InReview, StoryState.ChangesRequested, _editor, "Thêm số liệu."));

        snackbars.WaitForAssertion(() =>
        {
            var link = snackbars.Find($"a[href='stories/{storyId}']");
            Assert.Equal("Changes requested: Hội nghị Ban Chấp hành", link.TextContent.Trim());
            Assert.Contains("Thêm số liệu.", snackbars.Markup, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Another_reporter_is_told_nothing_about_someone_elses_story()
    {
        SignIn("Trần Minh", Roles.Reporter);
        var snackbars = Render<MudSnackbarProvider>();
        Render<StoryNotifications>();

        _events.Publish(Move(Guid.NewGuid(), "Hội nghị Ban Chấp hành", _lan, StoryState.InReview, StoryState.ChangesRequested, _editor, "Thêm số liệu."));
        // A move that is Minh's news, published after: once it shows, the earlier one has been handled too.
        _events.Publish(Move(Guid.NewGuid(), "Giá xăng giảm", _minh, StoryState.InReview, StoryState.Approved, _editor, null));

        snackbars.WaitForAssertion(() => Assert.Contains("Approved: Giá xăng giảm", snackbars.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("Changes requested", snackbars.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội nghị", snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_editor_who_made_the_move_is_not_told_about_it()
    {
        SignIn("Nguyễn Thu", Roles.Editor);
        var snackbars = Render<MudSnackbarProvider>();
        Render<StoryNotifications>();

        _events.Publish(Move(Guid.NewGuid(), "Hội nghị Ban Chấp hành", _lan, StoryState.InReview, StoryState.ChangesRequested, _editor, "Thêm số liệu."));
        _events.Publish(Move(Guid.NewGuid(), "Giá xăng giảm", _minh, StoryState.Draft, StoryState.InReview, _minh, null));

        snackbars.WaitForAssertion(() => Assert.Contains("New in review: Giá xăng giảm by Trần Minh", snackbars.Markup, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("Changes requested", snackbars.Markup, StringComparison.Ordinal);
    }

    private static StoryStateChanged Move(Guid id, string headline, Actor author, StoryState from, StoryState to, Actor actor, string? note) =>
        new(id, headline, author.UserId, from, to, actor.UserId, actor.DisplayName, note, At);
}
