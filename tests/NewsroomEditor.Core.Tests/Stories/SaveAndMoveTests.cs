using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// A move given the content still unsaved on the page saves it in its own unit of work: it leaves
/// what a save and then the move left (revisions, history, bus events), a conflict is the save's,
/// and a move refused after the content is saved keeps the content saved.
/// </summary>
public sealed class SaveAndMoveTests
{
    [Fact]
    public async Task Saving_and_publishing_in_one_call_leaves_the_revisions_and_history_a_save_then_a_publish_left()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (editor, twoCalls) = await StoryInReviewAsync(host, "lan@example.vn");
        var oneCall = (await StoryInReviewAsync(host, "minh@example.vn", editor)).StoryId;

        await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.GetAsync(editor, twoCalls);
            var saved = await stories.SaveAsync(editor, twoCalls, story.Version, Typed("Bản sửa trước khi đăng."));
            await stories.MoveAsync(editor, twoCalls, StoryAction.Publish, expectedVersion: saved.Version);
            return 0;
        });
        var moved = await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.GetAsync(editor, oneCall);
            return await stories.MoveAsync(editor, oneCall, StoryAction.Publish, expectedVersion: story.Version, unsavedContent: Typed("Bản sửa trước khi đăng."));
        });

        Assert.True(moved.Moved);
        Assert.True(moved.Save!.Saved);
        Assert.Equal(StoryState.Published, moved.Story.State);
        var (revisionsOfTwo, historyOfTwo, storyOfTwo) = await StoredAsync(host, editor, twoCalls);
        var (revisionsOfOne, historyOfOne, storyOfOne) = await StoredAsync(host, editor, oneCall);
        Assert.Equal(
            revisionsOfTwo.Select(r => (r.Number, r.AuthorName, r.State, r.Kind, r.Headline)),
            revisionsOfOne.Select(r => (r.Number, r.AuthorName, r.State, r.Kind, r.Headline)));
        Assert.Equal(historyOfTwo.Select(e => (e.From, e.To, e.Action, e.ActorName)), historyOfOne.Select(e => (e.From, e.To, e.Action, e.ActorName)));
        Assert.Equal((storyOfTwo.Version, storyOfTwo.BodyText, storyOfTwo.State), (storyOfOne.Version, storyOfOne.BodyText, storyOfOne.State));
        Assert.Equal(storyOfOne.Version, moved.Save.Version);
    }

    [Fact]
    public async Task Open_screens_hear_of_the_save_and_then_of_the_move()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (editor, storyId) = await StoryInReviewAsync(host, "lan@example.vn");
        var heard = new List<NewsroomEvent>();
        using var subscription = host.Services.GetRequiredService<INewsroomEventBus>().Subscribe(e =>
        {
            if (e is StorySaved or StoryStateChanged)
                lock (heard)
                    heard.Add(e);
            return Task.CompletedTask;
        });

        await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.GetAsync(editor, storyId);
            return await stories.MoveAsync(editor, storyId, StoryAction.Publish, expectedVersion: story.Version, unsavedContent: Typed("Bản sửa."));
        });

        await WaitUntilAsync(() => { lock (heard) return heard.Count >= 2; });
        lock (heard)
            Assert.Collection(heard,
                e => Assert.Equal(storyId, Assert.IsType<StorySaved>(e).StoryId),
                e => Assert.Equal(StoryState.Published, Assert.IsType<StoryStateChanged>(e).To));
    }

    [Fact]
    public async Task A_move_whose_content_meets_a_conflict_returns_the_saves_conflict_and_changes_nothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (editor, storyId) = await StoryInReviewAsync(host, "lan@example.vn");
        var other = await host.CreateActorAsync("hoa@example.vn", "Lê Hoa", Roles.Editor);
        var openedAt = await host.InScopeAsync(async sp => (await StoryServices.From(sp).GetAsync(editor, storyId)).Version);
        await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            Assert.True((await stories.SaveAsync(other, storyId, openedAt, Typed("Bản của Hoa."))).Saved);
            await sp.As(other).GetRequiredService<EditLeaseService>().ReleaseAsync(storyId);
            return 0;
        });

        var moved = await host.InScopeAsync(sp =>
            StoryServices.From(sp).MoveAsync(editor, storyId, StoryAction.Publish, expectedVersion: openedAt, unsavedContent: Typed("Bản của Thu.")));

        Assert.False(moved.Moved);
        var conflict = moved.Save!.Conflict!;
        Assert.Equal("Lê Hoa", conflict.UpdatedByName);
        Assert.Equal(openedAt + 1, conflict.Version);
        var (_, _, stored) = await StoredAsync(host, editor, storyId);
        Assert.Equal(StoryState.InReview, stored.State);
        Assert.Contains("Bản của Hoa.", stored.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_refused_after_its_content_is_saved_keeps_the_content_saved_and_says_why()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (editor, storyId) = await StoryInReviewAsync(host, "lan@example.vn");
        var openedAt = await host.InScopeAsync(async sp => (await StoryServices.From(sp).GetAsync(editor, storyId)).Version);

        // Without its lead, the checklist refuses the publication; the text typed is saved all the same.
        var moved = await host.InScopeAsync(sp => StoryServices.From(sp).MoveAsync(
            editor, storyId, StoryAction.Publish, expectedVersion: openedAt, unsavedContent: Typed("Bản sửa.") with { Lead = "" }));

        Assert.False(moved.Moved);
        Assert.IsType<WorkflowException>(moved.Refused);
        Assert.True(moved.Save!.Saved);
        var (_, _, stored) = await StoredAsync(host, editor, storyId);
        Assert.Equal(StoryState.InReview, stored.State);
        Assert.Equal(openedAt + 1, stored.Version);
        Assert.Equal("", stored.Lead);
    }

    private static StoryContent Typed(string sentence) =>
        StoryFactory.Content() with { Body = StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", sentence]) };

    /// <summary>A reporter's story, written and submitted, and the editor who will work on it.</summary>
    private static async Task<(Actor Editor, Guid StoryId)> StoryInReviewAsync(CoreTestHost host, string reporterEmail, Actor? editor = null)
    {
        var reporter = await host.CreateActorAsync(reporterEmail, "Hoàng Lan", Roles.Reporter);
        editor ??= await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var id = await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.CreateAsync(reporter, "vi", 1);
            await stories.SaveAsync(reporter, story.Id, story.Version, StoryFactory.Content());
            await stories.TransitionAsync(reporter, story.Id, StoryAction.Submit);
            await sp.As(reporter).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            return story.Id;
        });
        return (editor, id);
    }

    private static Task<(IReadOnlyList<RevisionSummary> Revisions, IReadOnlyList<WorkflowEvent> History, Story Story)> StoredAsync(
        CoreTestHost host, Actor actor, Guid id) =>
        host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            return (await stories.RevisionsAsync(actor, id), await stories.HistoryAsync(actor, id), await stories.GetAsync(actor, id));
        });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
            await Task.Delay(20);
    }
}
