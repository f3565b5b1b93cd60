using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class NotesPanelTests : StoryComponentTest
{
    [Fact]
    public async Task Adding_a_note_shows_it_in_the_thread_with_its_author_and_site_time()
    {
        var story = await LansStoryAsync();
        await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var panel = Render<NotesPanel>(p => p.Add(x => x.StoryId, story));
        panel.WaitForAssertion(() => Assert.Contains("No notes yet.", panel.Markup, StringComparison.Ordinal));

        panel.Find("textarea").Change("Thêm số liệu quí I, nhé.");
        AddNoteButton(panel).Click();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("li.note")));
        var note = panel.Find("li.note");
        Assert.Contains("Nguyễn Thu", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thêm số liệu quí I, nhé.", note.TextContent, StringComparison.Ordinal);
        Assert.Contains(new DateTime(2024, 4, 11, 19, 45, 0).ToString("g", System.Globalization.CultureInfo.CurrentCulture), note.TextContent, StringComparison.Ordinal);
        Assert.Equal("", panel.Find("textarea").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Notes_are_listed_oldest_first()
    {
        var story = await LansStoryAsync();
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        await Host.StoriesAsync(s => s.AddNoteAsync(editor, story, "Ghi chú thứ nhất"));
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Host.StoriesAsync(s => s.AddNoteAsync(editor, story, "Ghi chú thứ hai"));

        var panel = Render<NotesPanel>(p => p.Add(x => x.StoryId, story));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("li.note").Count));
        var notes = panel.FindAll("li.note .note-text").Select(n => n.TextContent).ToList();
        Assert.Equal(["Ghi chú thứ nhất", "Ghi chú thứ hai"], notes);
    }

    [Fact]
    public async Task An_empty_note_is_refused_with_the_domains_message()
    {
        var story = await LansStoryAsync();
        var panel = Render<NotesPanel>(p => p.Add(x => x.StoryId, story));
        panel.WaitForAssertion(() => Assert.Contains("No notes yet.", panel.Markup, StringComparison.Ordinal));

        panel.Find("textarea").Change("   ");
        AddNoteButton(panel).Click();

        panel.WaitForAssertion(() => Assert.Contains("Write a note first.", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("li.note"));
    }

    [Fact]
    public async Task ReloadAsync_shows_a_note_added_elsewhere()
    {
        var story = await LansStoryAsync();
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var panel = Render<NotesPanel>(p => p.Add(x => x.StoryId, story));
        panel.WaitForAssertion(() => Assert.Contains("No notes yet.", panel.Markup, StringComparison.Ordinal));
        await Host.StoriesAsync(s => s.AddNoteAsync(editor, story, "Cần sửa đoạn mở đầu."));

        await panel.Instance.ReloadAsync();

        panel.WaitForAssertion(() => Assert.Contains("Cần sửa đoạn mở đầu.", panel.Find("li.note").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_reporter_is_told_the_notes_are_not_theirs()
    {
        var story = await LansStoryAsync();
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));

        var panel = Render<NotesPanel>(p => p.Add(x => x.StoryId, story));

        panel.WaitForAssertion(() => Assert.Contains("Reporters work on their own stories only.", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("textarea"));
    }

    private async Task<Guid> LansStoryAsync()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        return (await Host.StoriesAsync(s => s.CreateAsync(lan, "vi"))).Id;
    }

    private static AngleSharp.Dom.IElement AddNoteButton(IRenderedComponent<NotesPanel> panel) =>
        panel.FindAll("button").Single(b => b.TextContent.Contains("Add note", StringComparison.Ordinal));
}
