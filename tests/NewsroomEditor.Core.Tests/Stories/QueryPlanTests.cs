using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// How the operations that run all day read an archive, asserted on SQLite's own query plans: they
/// find their rows by index, so their cost does not grow with the number of stories. Measured at
/// 100,000 stories in bench/archive, where each of these once read most of the database: an autosave
/// every revision of every story, the dashboard every published story, a search every hit's row.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly QueryPlanRecorder _recorder = new();
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(services: QueryPlanRecorder.Register(_recorder));
        _lan = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        // A few stories with revisions, published and in review, so that every table has rows to read.
        for (var i = 0; i < 3; i++)
        {
            var story = await Stories(s => s.CreateAsync(_lan, "vi", 1));
            var saved = await Stories(s => s.SaveAsync(_lan, story.Id, story.Version, Content($"Hội nghị lần {i}")));
            await Stories(s => s.TransitionAsync(_lan, story.Id, StoryAction.Submit));
            if (i > 0)
                await Stories(s => s.TransitionAsync(_editor, story.Id, StoryAction.Publish));
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_autosave_reads_only_its_own_story_revision_and_lease()
    {
        var story = await Stories(s => s.CreateAsync(_lan, "vi", 1));
        await _host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp.As(_lan));
            var leases = sp.GetRequiredService<EditLeaseService>();
            Assert.True((await leases.AcquireAsync(story.Id)).HeldByMe);
            var first = await stories.SaveAsync(_lan, story.Id, story.Version, Content("Bản nháp"));
            _recorder.Recording = true;
            var second = await stories.SaveAsync(_lan, story.Id, first.Version, Content("Bản nháp, lưu tự động"));
            _recorder.Recording = false;
            Assert.True(second.Saved);
        });

        AssertNoFullTableRead();
    }

    [Fact]
    public async Task The_dashboard_finds_its_lists_by_index_and_sorts_none_of_them()
    {
        _recorder.Recording = true;
        var dashboard = await Stories(s => s.DashboardAsync(_editor));
        _recorder.Recording = false;

        Assert.Equal(2, dashboard.RecentlyPublished.Count);
        AssertNoFullTableRead();
        var plans = _recorder.Plans(_host.DataFolder);
        Assert.All(plans, p => Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", p.Plan));
    }

    [Fact]
    public async Task A_search_ranks_its_hits_without_reading_their_stories_rows()
    {
        _recorder.Recording = true;
        var page = await Stories(s => s.ListAsync(_editor, new StoryQuery(Search: "hội nghị", PageSize: 2)));
        _recorder.Recording = false;

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.Items.Count);
        var ranking = Assert.Single(_recorder.Plans(_host.DataFolder), p => p.Sql.Contains("MATCH", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        // The stories are read for their key and UpdatedAt (the tie-break) only, from indexes.
        var stories = ranking.Plan.Where(line => line.Contains(" USING ", StringComparison.Ordinal) && line.Contains("Stories", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stories);
        Assert.All(stories, line => Assert.Contains("COVERING INDEX", line));
    }

    private void AssertNoFullTableRead()
    {
        var plans = _recorder.Plans(_host.DataFolder);
        Assert.NotEmpty(plans);
        foreach (var (sql, plan) in plans)
            Assert.True(!QueryPlanRecorder.FullTableReads(plan).Any(), $"Reads a table in full:\n{string.Join("\n", plan)}\n{sql}");
    }

    private Task<T> Stories<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private Task Stories(Func<StoryServices, Task> action) =>
        _host.InScopeAsync(async sp => await action(StoryServices.From(sp)));

    private static StoryContent Content(string headline) => StoryFactory.Content(headline);
}
