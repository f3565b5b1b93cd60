using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>People and stories in any state, made through the domain's own moves.</summary>
internal static class StoryFactory
{
    public static readonly DateTime Now = new(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);

    public static readonly Actor Lan = Actor.Create("lan", "Hoàng Lan", Roles.Reporter);
    public static readonly Actor Minh = Actor.Create("minh", "Trần Minh", Roles.Reporter);
    public static readonly Actor Editor = Actor.Create("thu", "Nguyễn Thu", Roles.Editor);
    public static readonly Actor Admin = Actor.Create("admin", "Quản trị", Roles.Admin);

    public static readonly IReadOnlyList<ChecklistItem> Passing = [new("all", "All", true)];

    public static StoryContent Content(string headline = "Hội nghị Ban Chấp hành Đảng bộ tỉnh") => new(
        headline,
        "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
        StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", "Hội nghị đã thảo luận và thống nhất cao."]),
        SectionId: 1,
        Tags: ["Hội nghị", "Tỉnh ủy"],
        Byline: "Hoàng Lan",
        Slug: "",
        MetaDescription: "");

    /// <summary>A story by <see cref="Lan"/>, moved into <paramref name="state"/>.</summary>
    public static Story InState(StoryState state)
    {
        var story = Story.Create(Lan, "vi", 1, Now);
        story.Edit(Lan, Content(), "hoi-nghi", Now);
        switch (state)
        {
            case StoryState.Draft:
                break;
            case StoryState.InReview:
                story.Submit(Lan, Now);
                break;
            case StoryState.ChangesRequested:
                story.Submit(Lan, Now);
                story.RequestChanges(Editor, "Thêm số liệu.", Now);
                break;
            case StoryState.Approved:
                story.Submit(Lan, Now);
                story.Approve(Editor, Now);
                break;
            case StoryState.Scheduled:
                story.Submit(Lan, Now);
                story.Approve(Editor, Now);
                story.Schedule(Editor, Now.AddHours(2), Passing, Now);
                break;
            case StoryState.Published:
                story.Submit(Lan, Now);
                story.Publish(Editor, Passing, Now);
                break;
            case StoryState.Unpublished:
                story.Submit(Lan, Now);
                story.Publish(Editor, Passing, Now);
                story.Unpublish(Editor, Now);
                break;
            case StoryState.Archived:
                story.Archive(Editor, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
        Assert.Equal(state, story.State);
        return story;
    }

    /// <summary>Performs any action the way the service does.</summary>
    public static void Perform(Story story, Actor actor, StoryAction action)
    {
        switch (action)
        {
            case StoryAction.Edit: story.Edit(actor, Content("Tiêu đề đã sửa"), "tieu-de-da-sua", Now); break;
            case StoryAction.Submit: story.Submit(actor, Now); break;
            case StoryAction.Withdraw: story.Withdraw(actor, Now); break;
            case StoryAction.Resubmit: story.Resubmit(actor, Now); break;
            case StoryAction.RequestChanges: story.RequestChanges(actor, "Cần sửa đoạn mở đầu.", Now); break;
            case StoryAction.Approve: story.Approve(actor, Now); break;
            case StoryAction.Publish: story.Publish(actor, Passing, Now); break;
            case StoryAction.Schedule: story.Schedule(actor, Now.AddDays(1), Passing, Now); break;
            case StoryAction.Unpublish: story.Unpublish(actor, Now); break;
            case StoryAction.Archive: story.Archive(actor, Now); break;
            case StoryAction.Restore: story.Restore(actor, Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
