using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class StoryPreviewAndHistoryTests : StoryComponentTest
{
    [Fact]
    public async Task The_preview_shows_the_article_under_a_not_published_banner_dated_now()
    {
        var (story, _) = await LansStoryAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(15));

        var page = Render<StoryPreview>(p => p.Add(x => x.Id, story));

        page.WaitForAssertion(() => Assert.Contains("Preview — not published", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Hội nghị Ban Chấp hành", Assert.Single(page.FindAll("h1")).TextContent);
        // Not published yet: the date line is the time of the preview, 13:00 UTC.
        Assert.Equal("11/04/2024 - 20:00", page.Find(".article-date").TextContent.Trim());
        Assert.Equal("Hoàng Lan", page.Find(".article-byline").TextContent);
    }

    [Fact]
    public async Task The_preview_shows_the_services_refusal_to_another_reporter()
    {
        var (story, _) = await LansStoryAsync();
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));

        var page = Render<StoryPreview>(p => p.Add(x => x.Id, story));

        page.WaitForAssertion(() => Assert.Contains("Reporters work on their own stories only.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("article"));
    }

    [Fact]
    public async Task The_history_lists_each_workflow_move_with_who_when_from_to_and_note()
    {
        var (story, lan) = await LansStoryAsync();
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        await Host.StoriesAsync(s => s.TransitionAsync(lan, story, StoryAction.Submit));
        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Host.StoriesAsync(s => s.TransitionAsync(editor, story, StoryAction.RequestChanges, "Thêm số liệu quí I."));

        var history = Render<StoryHistory>(p => p.Add(x => x.StoryId, story));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("tr.history-row").Count));
        var rows = history.FindAll("tr.history-row").Select(r => r.TextContent).ToList();
        Assert.Contains("Hoàng Lan", rows[0], StringComparison.Ordinal);
        Assert.Contains("Draft → In review", rows[0], StringComparison.Ordinal);
        Assert.Contains(Shown(new DateTime(2024, 4, 11, 19, 45, 0)), rows[0], StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thu", rows[1], StringComparison.Ordinal);
        Assert.Contains("In review → Changes requested", rows[1], StringComparison.Ordinal);
        Assert.Contains("Thêm số liệu quí I.", rows[1], StringComparison.Ordinal);
        Assert.Contains(Shown(new DateTime(2024, 4, 11, 20, 15, 0)), rows[1], StringComparison.Ordinal);
    }

    /// <summary>A time in the site's zone as the reader's culture writes it (en-US in these tests: 4/11/2024 7:45 PM).</summary>
    private static string Shown(DateTime local) => local.ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    private async Task<(Guid Story, Actor Lan)> LansStoryAsync()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.StoriesAsync(s => s.CreateAsync(lan, "vi"));
        var saved = await Host.StoriesAsync(s => s.SaveAsync(lan, story.Id, story.Version, new StoryContent(
            "Hội nghị Ban Chấp hành", "Chiều 11/4, hội nghị lần thứ 16.", StoryBody.FromParagraphs(["Đến dự có lãnh đạo."]),
            null, [], "Hoàng Lan", "", "")));
        Assert.True(saved.Saved);
        return (story.Id, lan);
    }
}
