using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class RevisionsPanelTests : StoryComponentTest
{
    private Actor? _lan;

    [Fact]
    public async Task Revisions_are_listed_newest_first_with_author_site_time_state_and_kind()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();

        var panel = Render<RevisionsPanel>(p => p.Add(x => x.StoryId, story).Add(x => x.Version, version));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.revision-row").Count));
        var rows = panel.FindAll("tr.revision-row");
        Assert.Equal(["3", "2", "1"], rows.Select(r => r.GetAttribute("data-revision")));
        var newest = rows[0].TextContent;
        Assert.Contains("Hoàng Lan", newest, StringComparison.Ordinal);
        // 13:07 UTC is 20:07 in Asia/Ho_Chi_Minh, written as the reader's culture (en-US) writes it.
        Assert.Contains(new DateTime(2024, 4, 11, 20, 7, 0).ToString("g", System.Globalization.CultureInfo.CurrentCulture), newest, StringComparison.Ordinal);
        Assert.Contains("Draft", newest, StringComparison.Ordinal);
        Assert.Contains("Edit", newest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_two_are_compared_by_default_and_the_edited_headline_is_marked()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();

        var panel = Render<RevisionsPanel>(p => p.Add(x => x.StoryId, story).Add(x => x.Version, version));

        panel.WaitForAssertion(() => Assert.Contains("Revision 2 compared with revision 3", panel.Markup, StringComparison.Ordinal));
        // The headline changed, and the slug that follows it.
        var changed = panel.FindAll("table.revision-diff td.diff-modified");
        Assert.Equal(4, changed.Count);
        Assert.Contains("Slug: hoi-nghi-ban-chap-hanh-lan-thu-16", changed[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("removed:", changed[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("added:", changed[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(changed[1].QuerySelectorAll("ins"), ins => ins.TextContent.Contains("16", StringComparison.Ordinal));
        Assert.Contains("Hội nghị Ban Chấp hành", changed[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picking_two_other_revisions_shows_their_comparison()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();
        var panel = Render<RevisionsPanel>(p => p.Add(x => x.StoryId, story).Add(x => x.Version, version));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.revision-row").Count));

        panel.Find("input[aria-label='Compare from revision 1']").Change(true);
        panel.Find("input[aria-label='Compare to revision 2']").Change(true);

        panel.WaitForAssertion(() => Assert.Contains("Revision 1 compared with revision 2", panel.Markup, StringComparison.Ordinal));
        var leadRow = panel.FindAll("table.revision-diff tr")
            .Single(tr => tr.TextContent.Contains("Lead:", StringComparison.Ordinal) && tr.TextContent.Contains("Chiều 11/4", StringComparison.Ordinal));
        Assert.NotNull(leadRow.QuerySelector("td.diff-modified"));
    }

    [Fact]
    public async Task Restore_saves_the_old_revision_as_the_newest_and_raises_OnRestored()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();
        SaveResult? restored = null;
        var panel = Render<RevisionsPanel>(p => p
            .Add(x => x.StoryId, story)
            .Add(x => x.Version, version)
            .Add(x => x.CanRestore, true)
            .Add(x => x.OnRestored, (SaveResult r) => restored = r));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.revision-row").Count));

        panel.Find("button[aria-label='Restore revision 2']").Click();

        panel.WaitForAssertion(() => Assert.NotNull(restored));
        Assert.True(restored!.Saved);
        Assert.True(restored.Version > version);
        panel.WaitForAssertion(() => Assert.Equal("4", panel.FindAll("tr.revision-row")[0].GetAttribute("data-revision")));
        Assert.Contains("Restore", panel.FindAll("tr.revision-row")[0].TextContent, StringComparison.Ordinal);
        var stored = await Host.StoriesAsync(s => s.GetAsync(_lan!, story));
        Assert.Equal("Hội nghị Ban Chấp hành", stored.Headline);
    }

    [Fact]
    public async Task A_restore_from_an_old_version_comes_back_as_a_conflict_for_the_parent()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();
        SaveResult? restored = null;
        var panel = Render<RevisionsPanel>(p => p
            .Add(x => x.StoryId, story)
            .Add(x => x.Version, version - 1)
            .Add(x => x.CanRestore, true)
            .Add(x => x.OnRestored, (SaveResult r) => restored = r));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.revision-row").Count));

        panel.Find("button[aria-label='Restore revision 1']").Click();

        panel.WaitForAssertion(() => Assert.NotNull(restored));
        Assert.False(restored!.Saved);
        Assert.Equal(version, restored.Conflict!.Version);
    }

    [Fact]
    public async Task Without_CanRestore_no_restore_is_offered()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();

        var panel = Render<RevisionsPanel>(p => p.Add(x => x.StoryId, story).Add(x => x.Version, version));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.revision-row").Count));
        Assert.Empty(panel.FindAll("button[aria-label^='Restore']"));
    }

    [Fact]
    public async Task A_reporter_cannot_see_the_revisions_of_someone_elses_story()
    {
        var (story, version) = await StoryWithThreeRevisionsAsync();
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));

        var panel = Render<RevisionsPanel>(p => p.Add(x => x.StoryId, story).Add(x => x.Version, version));

        panel.WaitForAssertion(() => Assert.Contains("Reporters work on their own stories only.", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("tr.revision-row"));
    }

    /// <summary>Hoàng Lan's story: revision 1 empty, 2 and 3 with content, each more than the folding window apart.</summary>
    private async Task<(Guid Story, int Version)> StoryWithThreeRevisionsAsync()
    {
        var lan = _lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.StoriesAsync(s => s.CreateAsync(lan, "vi"));
        Host.Clock.Advance(TimeSpan.FromMinutes(11));
        var second = await Host.StoriesAsync(s => s.SaveAsync(lan, story.Id, story.Version, Content("Hội nghị Ban Chấp hành")));
        Host.Clock.Advance(TimeSpan.FromMinutes(11));
        var third = await Host.StoriesAsync(s => s.SaveAsync(lan, story.Id, second.Version, Content("Hội nghị Ban Chấp hành lần thứ 16")));
        Assert.True(third.Saved);
        return (story.Id, third.Version);
    }

    private static StoryContent Content(string headline) => new(
        headline,
        "Chiều 11/4, Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh Long An tổ chức hội nghị.",
        StoryBody.FromParagraphs(["Đến dự có lãnh đạo các Ban xây dựng Đảng."]),
        SectionId: null,
        Tags: ["Hội nghị"],
        Byline: "Hoàng Lan",
        Slug: "",
        MetaDescription: "");
}
