using System.Globalization;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

/// <summary>
/// The stories UI in a Vietnamese newsroom: words from StoriesText.vi.resx, states and actions by
/// their Vietnamese names, dates as Vietnamese write them (day first, 24-hour clock), and the
/// domain's refusals in Vietnamese too.
/// </summary>
public sealed class VietnameseStoriesTests : StoryComponentTest
{
    [Fact]
    public async Task The_history_names_states_in_Vietnamese_and_dates_them_day_first()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        await Host.TransitionAsync(lan, story, StoryAction.Submit);
        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Host.TransitionAsync(editor, story, StoryAction.RequestChanges, "Thêm số liệu quý I.");

        var history = Render<StoryHistory>(p => p.Add(x => x.StoryId, story));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("tr.history-row").Count));
        Assert.Equal("Lịch sử", history.Find("h2").TextContent);
        Assert.Equal(["Lúc", "Người thực hiện", "Từ → sang", "Ghi chú"], history.FindAll("th").Select(th => th.TextContent).ToList());
        var rows = history.FindAll("tr.history-row").Select(r => r.TextContent).ToList();
        Assert.Contains("Bản nháp → Chờ duyệt", rows[0], StringComparison.Ordinal);
        Assert.Contains("11/04/2024 19:45", rows[0], StringComparison.Ordinal);
        Assert.Contains("Chờ duyệt → Cần chỉnh sửa", rows[1], StringComparison.Ordinal);
        Assert.Contains("11/04/2024 20:15", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_is_offered_the_workflow_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var id = await Host.WriteStoryAsync(lan, "Giá xăng giảm");
        var story = await Host.TransitionAsync(lan, id, StoryAction.Submit);

        var actions = Render<WorkflowActions>(p => p.Add(x => x.Story, story).Add(x => x.Actor, editor));

        Assert.Equal(["Duyệt", "Xuất bản", "Yêu cầu sửa", "Rút lại", "Lưu trữ"],
            actions.FindAll("button").Select(b => b.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task The_preview_of_a_story_someone_may_not_see_gives_the_refusal_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));

        var page = Render<StoryPreview>(p => p.Add(x => x.Id, story));

        page.WaitForAssertion(() => Assert.Contains("Phóng viên chỉ làm việc với bài viết của chính mình.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Xem trước", page.Find("h1").TextContent);
    }

    [Fact]
    public void The_toolbar_counts_words_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var toolbar = Render<EditorToolbar>(p => p.Add(x => x.State, new EditorState { Words = 1234, Characters = 5678 }));

        // Vietnamese groups thousands with a dot.
        Assert.Equal("1.234 từ · 5.678 ký tự", toolbar.Find(".editor-count").TextContent.Trim());
        Assert.NotNull(toolbar.Find("button[aria-label='Chèn ảnh']"));
    }
}
