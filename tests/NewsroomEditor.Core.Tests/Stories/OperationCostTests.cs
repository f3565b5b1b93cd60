using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using Xunit.Abstractions;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// What one autosave and one Publish click (with changes still unsaved) cost the database, made of
/// exactly the service calls the story editor page makes for them, in one scope as a circuit has,
/// the delivery of their outbox rows included (the dispatcher delivering the outbox after the
/// commit uses the root factory, which the context count leaves out; its commands are counted).
/// Each operation is one service call and one DbContext: the Publish click hands the unsaved
/// content to the move, which saves it in its own unit of work. The SQL commands are printed with
/// each run, measured on SQLite, which sends every row write as a command of its own. Their
/// history: when the story service opened a context per step and wrote the audit entry apart, an
/// autosave cost 14 commands and a Publish click 23; with one context per service call, 4 and 11
/// (the click then being two calls, the save and the move, in two contexts).
/// </summary>
public sealed class OperationCostTests(ITestOutputHelper output)
{
    private const int PublishCommandsBefore = 23;
    private const int AutosaveCommandsBefore = 14;
    private const int PublishCommandsTarget = 8;
    private const int AutosaveCommandsTarget = 4;

    [Fact]
    public async Task An_autosave_opens_one_context_and_costs_at_most_four_commands()
    {
        var counter = new DatabaseCostCounter();
        await using var host = await StartAsync(counter);
        var (editor, storyId) = await StoryInReviewAsync(host);

        var (calls, contexts, commands) = await MeasureAsync(host, counter, editor, storyId, async (stories, leases, version) =>
        {
            // The page's autosave: the save, which returns the state and checklist the page shows.
            var saved = await stories.SaveAsync(editor, storyId, version, Typed("Bản lưu tự động."));
            Assert.True(saved.Saved);
            Assert.NotNull(saved.Story);
            return 1;
        });

        Report("autosave", calls, contexts, commands, counter);
        Assert.Equal(1, calls);
        Assert.Equal(1, contexts);
        Assert.True(commands <= AutosaveCommandsTarget, $"{commands} SQL commands for an autosave; at most {AutosaveCommandsTarget} (it took {AutosaveCommandsBefore} before).");
    }

    [Fact]
    public async Task A_publish_click_with_a_pending_save_is_one_call_in_one_context_and_costs_at_most_eight_commands()
    {
        var counter = new DatabaseCostCounter();
        await using var host = await StartAsync(counter);
        var (editor, storyId) = await StoryInReviewAsync(host);

        var (calls, contexts, commands) = await MeasureAsync(host, counter, editor, storyId, async (stories, leases, version) =>
        {
            // RunActionAsync(Publish): the move takes the unsaved changes, saves them and publishes,
            // and returns the moved story's checklist for the page to show.
            var moved = await stories.MoveAsync(editor, storyId, StoryAction.Publish, null, null, version, Typed("Bản sửa trước khi đăng."));
            Assert.True(moved.Moved);
            Assert.True(moved.Save!.Saved);
            Assert.Equal(StoryState.Published, moved.Story.State);
            return 1;
        });

        Report("publish click", calls, contexts, commands, counter);
        Assert.Equal(1, calls);
        Assert.Equal(1, contexts);
        Assert.True(commands <= PublishCommandsTarget, $"{commands} SQL commands for a publish click; at most {PublishCommandsTarget} (it took {PublishCommandsBefore} before).");
    }

    /// <summary>What typing in the body changes: the text, not the headline (nor therefore the slug).</summary>
    private static StoryContent Typed(string sentence) =>
        StoryFactory.Content() with { Body = StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", sentence]) };

    private static Task<CoreTestHost> StartAsync(DatabaseCostCounter counter) =>
        CoreTestHost.StartAsync(services: DatabaseCostCounter.Register(counter));

    /// <summary>A reporter's story, written and submitted; the editor who will work on it.</summary>
    private static async Task<(Actor Editor, Guid StoryId)> StoryInReviewAsync(CoreTestHost host)
    {
        var lan = await host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var editor = await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var id = await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.CreateAsync(lan, "vi", 1);
            await stories.SaveAsync(lan, story.Id, story.Version, StoryFactory.Content());
            await stories.TransitionAsync(lan, story.Id, StoryAction.Submit);
            await sp.As(lan).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            return story.Id;
        });
        return (editor, id);
    }

    /// <summary>
    /// Opens the story as the page does (load, lease) in one scope, then counts only what
    /// <paramref name="operation"/> costs; it returns how many service calls it made.
    /// </summary>
    private static Task<(int Calls, int Contexts, int Commands)> MeasureAsync(
        CoreTestHost host, DatabaseCostCounter counter, Actor editor, Guid storyId,
        Func<StoryServices, EditLeaseService, int, Task<int>> operation) =>
        host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var leases = sp.GetRequiredService<EditLeaseService>();
            var opened = await stories.GetAsync(editor, storyId);
            Assert.True((await leases.AcquireAsync(storyId)).HeldByMe);
            counter.Reset();
            var calls = await operation(stories, leases, opened.Version);
            return (calls, counter.Contexts, counter.Commands);
        });

    private void Report(string what, int calls, int contexts, int commands, DatabaseCostCounter counter)
    {
        output.WriteLine($"{what}: {calls} service calls, {contexts} DbContexts, {commands} SQL commands");
        foreach (var sql in counter.Log)
            output.WriteLine("  " + sql);
    }
}
