using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class WorkflowActionsTests : NewsroomComponentTest
{
    private const string NoAction = "No workflow action is open to you in this state.";

    private static readonly DateTime Now = new(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);
    private static readonly Actor Lan = Actor.Create("user-lan", "Hoàng Lan", Roles.Reporter);
    private static readonly Actor Minh = Actor.Create("user-minh", "Trần Minh", Roles.Reporter);
    private static readonly Actor Hung = Actor.Create("user-hung", "Lê Hùng", Roles.Editor);
    private static readonly Actor Admin = Actor.Create("user-admin", "Quản trị", Roles.Admin);

    [Fact]
    public void A_reporter_on_their_own_draft_is_offered_only_Submit_for_review()
    {
        var actions = RenderActions(DraftBy(Lan), Lan);

        Assert.Equal(["Submit for review"], Labels(actions));
        Assert.DoesNotContain(NoAction, actions.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_editor_on_a_story_in_review_is_offered_approve_publish_request_changes_withdraw_and_archive()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);

        var actions = RenderActions(story, Hung);

        Assert.Equal(["Approve", "Publish", "Request changes", "Withdraw", "Archive"], Labels(actions));
    }

    [Fact]
    public void An_admin_alone_is_offered_nothing_and_told_so()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);

        var actions = RenderActions(story, Admin);

        Assert.Empty(actions.FindAll("button"));
        Assert.Contains(NoAction, actions.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reporter_is_offered_nothing_on_someone_elses_draft()
    {
        var actions = RenderActions(DraftBy(Lan), Minh);

        Assert.Empty(actions.FindAll("button"));
        Assert.Contains(NoAction, actions.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reporter_on_their_own_story_in_review_may_only_withdraw_it()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);

        var actions = RenderActions(story, Lan);

        Assert.Equal(["Withdraw"], Labels(actions));
    }

    [Fact]
    public void A_reporter_on_their_story_sent_back_for_changes_may_resubmit_it()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);
        story.RequestChanges(Hung, "Cite the source.", Now);

        var actions = RenderActions(story, Lan);

        Assert.Equal(["Resubmit"], Labels(actions));
    }

    [Fact]
    public void An_editor_on_an_approved_story_may_publish_schedule_or_archive_it()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);
        story.Approve(Hung, Now);

        var actions = RenderActions(story, Hung);

        Assert.Equal(["Publish", "Schedule", "Archive"], Labels(actions));
    }

    [Fact]
    public void An_editor_on_a_published_story_may_only_unpublish_it()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);
        story.Publish(Hung, PublishingChecklist.Evaluate(story, slugUsedElsewhere: false), Now);

        var actions = RenderActions(story, Hung);

        Assert.Equal(["Unpublish"], Labels(actions));
    }

    [Fact]
    public void An_editor_on_an_archived_story_may_only_restore_it()
    {
        var story = DraftBy(Lan);
        story.Archive(Hung, Now);

        var actions = RenderActions(story, Hung);

        Assert.Equal(["Restore"], Labels(actions));
    }

    [Theory]
    [InlineData("Approve", StoryAction.Approve)]
    [InlineData("Publish", StoryAction.Publish)]
    [InlineData("Request changes", StoryAction.RequestChanges)]
    [InlineData("Withdraw", StoryAction.Withdraw)]
    [InlineData("Archive", StoryAction.Archive)]
    public void Clicking_an_action_raises_OnAction_with_it(string label, StoryAction expected)
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);
        var received = new List<StoryAction>();
        var actions = Render<WorkflowActions>(p => p
            .Add(x => x.Story, story)
            .Add(x => x.Actor, Hung)
            .Add(x => x.OnAction, (StoryAction a) => received.Add(a)));

        Assert.Single(actions.FindAll("button"), b => b.TextContent.Trim() == label).Click();

        Assert.Equal([expected], received);
    }

    [Fact]
    public void While_busy_every_action_is_disabled()
    {
        var story = DraftBy(Lan);
        story.Submit(Lan, Now);

        var actions = Render<WorkflowActions>(p => p.Add(x => x.Story, story).Add(x => x.Actor, Hung).Add(x => x.Busy, true));

        var buttons = actions.FindAll("button");
        Assert.Equal(5, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("disabled")));
    }

    private IRenderedComponent<WorkflowActions> RenderActions(Story story, Actor actor) =>
        Render<WorkflowActions>(p => p.Add(x => x.Story, story).Add(x => x.Actor, actor));

    private static List<string> Labels(IRenderedComponent<WorkflowActions> actions) =>
        actions.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    /// <summary>A draft that passes the publishing checklist, so that every move is open to it.</summary>
    private static Story DraftBy(Actor author)
    {
        var story = Story.Create(author, "vi", sectionId: 1, Now);
        story.Edit(author, new StoryContent(
            "Hội nghị Ban Chấp hành",
            "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.",
            StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]),
            SectionId: 1,
            Tags: ["Hội nghị"],
            Byline: author.DisplayName,
            Slug: "",
            MetaDescription: ""), "hoi-nghi-ban-chap-hanh", Now);
        return story;
    }
}
