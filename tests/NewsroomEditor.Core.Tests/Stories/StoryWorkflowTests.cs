using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;
using static NewsroomEditor.Core.Tests.Stories.StoryFactory;

namespace NewsroomEditor.Core.Tests.Stories;

public class StoryWorkflowTests
{
    [Fact]
    public void Every_transition_records_who_when_from_to_and_a_revision()
    {
        var story = InState(StoryState.Draft);
        var revisionsBefore = story.Revisions.Count;

        story.Submit(Lan, Now.AddMinutes(5));

        var recorded = Assert.Single(story.Events);
        Assert.Equal(("lan", "Hoàng Lan", StoryState.Draft, StoryState.InReview), (recorded.ActorId, recorded.ActorName, recorded.From, recorded.To));
        Assert.Equal(Now.AddMinutes(5), recorded.At);
        Assert.Equal(revisionsBefore + 1, story.Revisions.Count);
        Assert.Equal(RevisionKind.Transition, story.Revisions[^1].Kind);
        Assert.Equal(StoryState.InReview, story.Revisions[^1].State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Requesting_changes_needs_a_note(string note)
    {
        var story = InState(StoryState.InReview);

        var error = Assert.Throws<WorkflowException>(() => story.RequestChanges(Editor, note, Now));

        Assert.Contains("note is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoryState.InReview, story.State);
    }

    [Fact]
    public void The_note_of_requested_changes_reaches_the_author_thread()
    {
        var story = InState(StoryState.InReview);

        story.RequestChanges(Editor, "  Bổ sung ý kiến của người dân.  ", Now);

        Assert.Equal("Bổ sung ý kiến của người dân.", Assert.Single(story.Notes).Text);
        Assert.Equal("Bổ sung ý kiến của người dân.", story.Events[^1].Note);
        Assert.True(story.CanReadNotes(Lan));
        Assert.False(story.CanReadNotes(Minh));
    }

    [Fact]
    public void Publishing_is_refused_while_a_check_fails()
    {
        var story = InState(StoryState.Approved);
        IReadOnlyList<ChecklistItem> failing = [new("lead", "Lead", false, "Write the lead (standfirst).")];

        var error = Assert.Throws<WorkflowException>(() => story.Publish(Editor, failing, Now));

        Assert.Contains("Write the lead", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoryState.Approved, story.State);
        Assert.Null(story.PublishedAt);
    }

    [Fact]
    public void Scheduling_needs_a_future_time_and_publishes_when_it_comes()
    {
        var story = InState(StoryState.Approved);
        Assert.Throws<WorkflowException>(() => story.Schedule(Editor, Now.AddMinutes(-1), Passing, Now));

        story.Schedule(Editor, Now.AddHours(1), Passing, Now);

        Assert.False(story.PublishIfDue(Passing, Now.AddMinutes(59)));
        Assert.Equal(StoryState.Scheduled, story.State);
        Assert.True(story.PublishIfDue(Passing, Now.AddHours(1)));
        Assert.Equal(StoryState.Published, story.State);
        Assert.Equal(Now.AddHours(1), story.PublishedAt);
        Assert.Equal(Actor.System.UserId, story.Events[^1].ActorId);
    }

    [Fact]
    public void Editing_a_published_story_is_a_correction()
    {
        var story = InState(StoryState.Published);

        var kind = story.Edit(Editor, Content("Hội nghị Ban Chấp hành (đính chính)"), "hoi-nghi", Now.AddHours(3));

        Assert.Equal(RevisionKind.Correction, kind);
        Assert.Equal(Now.AddHours(3), story.CorrectedAt);
        Assert.Equal(StoryState.Published, story.State);
    }

    [Fact]
    public void Every_edit_moves_the_content_token_and_moves_leave_it()
    {
        var story = InState(StoryState.Draft);
        var version = story.Version;

        story.Edit(Lan, Content("Một"), "mot", Now);
        story.Submit(Lan, Now);
        story.Approve(Editor, Now);

        // An editor open on the story stays current through the moves; only content edits conflict.
        Assert.Equal(version + 1, story.Version);
    }

    [Fact]
    public void Text_is_stored_trimmed_and_in_NFC()
    {
        var story = Story.Create(Lan, "vi", 1, Now);
        var decomposed = "  Hội   nghị  ".Normalize(System.Text.NormalizationForm.FormD);

        story.Edit(Lan, Content(decomposed) with { Lead = "Đường\tmới".Normalize(System.Text.NormalizationForm.FormD) }, "hoi-nghi", Now);

        Assert.Equal("Hội nghị", story.Headline);
        Assert.True(story.Headline.IsNormalized());
        Assert.Equal("Đường mới", story.Lead);
    }

    [Theory]
    [InlineData(201, 0, "Headline")]
    [InlineData(10, 601, "Lead")]
    public void Overlong_fields_are_refused_by_name(int headlineLength, int leadLength, string field)
    {
        var story = InState(StoryState.Draft);
        var version = story.Version;

        var error = Assert.Throws<WorkflowException>(() =>
            story.Edit(Lan, Content(new string('a', headlineLength)) with { Lead = new string('b', leadLength) }, "x", Now));

        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
        Assert.Equal(version, story.Version);
    }

    [Fact]
    public void An_admin_alone_cannot_create_a_story()
    {
        Assert.Throws<AccessDeniedException>(() => Story.Create(Admin, "vi", null, Now));
    }

    [Fact]
    public void Search_text_folds_case_and_diacritics()
    {
        Assert.Equal("hoi nghi ban chap hanh dang bo", SearchText.Fold("Hội nghị  Ban Chấp hành ĐẢNG BỘ"));
        Assert.Equal(["duong", "pho"], SearchText.Terms("  Đường   PHỐ "));
    }
}
