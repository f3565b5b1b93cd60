using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>The story use cases through the real service over a real SQLite file.</summary>
public sealed class StoryServiceTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _minh = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _minh = await UserAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        _editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_saves_from_the_same_version_give_one_save_and_one_conflict()
    {
        var story = await CreateAsync(_lan);
        await Service(s => s.SaveAsync(_editor, story.Id, story.Version, StoryFactory.Content("Bản của biên tập")));
        // The editor released nothing: Lan's save comes while the editor holds the lease, so the
        // lease check refuses it; drop the lease to reach the version check itself.
        await _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id));

        var second = await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Bản của phóng viên")));

        Assert.False(second.Saved);
        Assert.Equal("Bản của biên tập", second.Conflict!.Theirs.Headline);
        Assert.Equal("Nguyễn Thu", second.Conflict.UpdatedByName);
        var stored = await Service(s => s.GetAsync(_lan, story.Id));
        Assert.Equal("Bản của biên tập", stored.Headline);
    }

    [Fact]
    public async Task Concurrent_saves_never_lose_an_update_silently()
    {
        var story = await CreateAsync(_lan);
        await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Bản đầu")));
        var loaded = await Service(s => s.GetAsync(_lan, story.Id));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Service(s => s.SaveAsync(_lan, story.Id, loaded.Version, StoryFactory.Content($"Bản thứ {i}"))))));

        var saved = Assert.Single(attempts, a => a.Saved);
        Assert.Equal(5, attempts.Count(a => !a.Saved));
        var stored = await Service(s => s.GetAsync(_lan, story.Id));
        Assert.Equal(saved.Version, stored.Version);
        Assert.StartsWith("Bản thứ", stored.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeping_mine_after_a_conflict_keeps_both_versions_as_revisions()
    {
        var story = await CreateAsync(_lan);
        var theirs = await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Của họ")));
        var conflict = await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Của tôi")));
        Assert.False(conflict.Saved);

        var mine = await Service(s => s.SaveAsync(_lan, story.Id, conflict.Conflict!.Version, StoryFactory.Content("Của tôi"), SaveReason.KeepMineAfterConflict));

        Assert.True(mine.Saved);
        var revisions = await Service(s => s.RevisionsAsync(_lan, story.Id));
        Assert.Contains(revisions, r => r.Headline == "Của họ");
        Assert.Contains(revisions, r => r.Headline == "Của tôi" && r.Kind == RevisionKind.ConflictCopy);
    }

    [Fact]
    public async Task Reloading_theirs_keeps_mine_as_a_revision_without_making_it_current()
    {
        var story = await CreateAsync(_lan);
        await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Của họ")));

        await _host.InScopeAsync(sp => StoryServices.From(sp).KeepAsRevisionAsync(_lan, story.Id, StoryFactory.Content("Của tôi")));

        Assert.Equal("Của họ", (await Service(s => s.GetAsync(_lan, story.Id))).Headline);
        var revisions = await Service(s => s.RevisionsAsync(_lan, story.Id));
        Assert.Contains(revisions, r => r.Headline == "Của tôi" && r.Kind == RevisionKind.ConflictCopy);
    }

    [Fact]
    public async Task Two_people_taking_a_lapsed_lease_at_once_get_one_holder()
    {
        var story = await CreateAsync(_lan);
        var clock = _host.Services.GetRequiredService<TimeProvider>();
        await _host.InScopeAsync(sp => sp.As(_minh).GetRequiredService<EditLeaseService>().AcquireAsync(story.Id));
        await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().EditLeases
            .Where(l => l.StoryId == story.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, clock.GetUtcNow().UtcDateTime.AddMinutes(-1))));

        var attempts = await Task.WhenAll(new[] { _lan, _editor }.Select(actor => Task.Run(() =>
            _host.InScopeAsync(sp => sp.As(actor).GetRequiredService<EditLeaseService>().AcquireAsync(story.Id)))));

        Assert.Single(attempts, a => a.HeldByMe);
    }

    [Fact]
    public async Task Autosaves_fold_into_one_revision_and_transitions_add_one()
    {
        var story = await CreateAsync(_lan);
        var version = story.Version;
        foreach (var headline in new[] { "Một", "Một hai", "Một hai ba" })
            version = (await Service(s => s.SaveAsync(_lan, story.Id, version, StoryFactory.Content(headline)))).Version;
        await Service(s => s.TransitionAsync(_lan, story.Id, StoryAction.Submit));

        var revisions = await Service(s => s.RevisionsAsync(_lan, story.Id));

        Assert.Equal(2, revisions.Count); // the draft (creation and autosaves folded), the submission
        Assert.Equal("Một hai ba", revisions[1].Headline);
        Assert.Equal(RevisionKind.Edit, revisions[1].Kind);
        Assert.Equal(RevisionKind.Transition, revisions[0].Kind);
    }

    [Fact]
    public async Task A_restored_revision_becomes_a_new_revision()
    {
        var story = await CreateAsync(_lan);
        var first = await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Bản gốc")));
        await Service(s => s.TransitionAsync(_lan, story.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, story.Id, StoryAction.Withdraw));
        var current = await Service(s => s.GetAsync(_lan, story.Id));
        var changed = await Service(s => s.SaveAsync(_lan, story.Id, current.Version, StoryFactory.Content("Bản sửa")));
        var original = (await Service(s => s.RevisionsAsync(_lan, story.Id))).Single(r => r.Headline == "Bản gốc" && r.Kind == RevisionKind.Edit);

        var restored = await Service(s => s.RestoreRevisionAsync(_lan, story.Id, original.Number, changed.Version));

        Assert.True(restored.Saved);
        Assert.Equal("Bản gốc", (await Service(s => s.GetAsync(_lan, story.Id))).Headline);
        var revisions = await Service(s => s.RevisionsAsync(_lan, story.Id));
        Assert.Equal(RevisionKind.Restore, revisions[0].Kind);
        Assert.Contains(revisions, r => r.Headline == "Bản sửa");
    }

    [Fact]
    public async Task Slugs_follow_the_headline_and_stay_unique_per_language()
    {
        var first = await CreateAsync(_lan);
        var second = await CreateAsync(_minh);
        await Service(s => s.SaveAsync(_lan, first.Id, first.Version, StoryFactory.Content("Hội nghị Ban Chấp hành Đảng bộ")));

        await Service(s => s.SaveAsync(_minh, second.Id, second.Version, StoryFactory.Content("Hội nghị Ban Chấp hành Đảng bộ")));

        Assert.Equal("hoi-nghi-ban-chap-hanh-dang-bo", (await Service(s => s.GetAsync(_lan, first.Id))).Slug);
        Assert.Equal("hoi-nghi-ban-chap-hanh-dang-bo-2", (await Service(s => s.GetAsync(_minh, second.Id))).Slug);
    }

    [Fact]
    public async Task A_custom_slug_used_elsewhere_fails_the_checklist_and_blocks_publishing()
    {
        var first = await CreateAsync(_lan);
        var second = await CreateAsync(_lan);
        await Service(s => s.SaveAsync(_lan, first.Id, first.Version, StoryFactory.Content("Bài một") with { Slug = "trung-ten" }));
        var saved = await Service(s => s.SaveAsync(_lan, second.Id, second.Version, StoryFactory.Content("Bài hai") with { Slug = "Trùng tên" }));
        Assert.True(saved.Saved);
        await Service(s => s.TransitionAsync(_lan, second.Id, StoryAction.Submit));

        var error = await Assert.ThrowsAsync<WorkflowException>(() => Service(s => s.TransitionAsync(_editor, second.Id, StoryAction.Publish)));

        Assert.Contains("trung-ten", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoryState.InReview, (await Service(s => s.GetAsync(_editor, second.Id))).State);
    }

    [Fact]
    public async Task Search_is_case_and_diacritic_insensitive_and_scoped_to_what_one_may_see()
    {
        var lans = await CreateAsync(_lan);
        await Service(s => s.SaveAsync(_lan, lans.Id, lans.Version, StoryFactory.Content("Hội nghị Ban Chấp hành")));
        var minhs = await CreateAsync(_minh);
        await Service(s => s.SaveAsync(_minh, minhs.Id, minhs.Version, StoryFactory.Content("Mở rộng đường Lê Lợi") with
        {
            Lead = "Công trình khởi công sáng nay.",
            Body = NewsroomEditor.Core.Stories.RichText.StoryBody.FromParagraphs(["Dự án dài 2 km, thống nhất cao."]),
            Tags = ["Giao thông"],
        }));

        var hoiNghi = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "hoi nghi")));
        var duong = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "DUONG le loi")));
        var byBodyText = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "thong nhat cao")));
        var lanSeesOnlyHers = await Service(s => s.ListAsync(_lan, new StoryQuery(Search: "duong")));

        Assert.Equal(lans.Id, Assert.Single(hoiNghi.Items).Id);
        Assert.Equal(minhs.Id, Assert.Single(duong.Items).Id);
        Assert.Equal(2, byBodyText.TotalCount);
        Assert.Empty(lanSeesOnlyHers.Items);
    }

    [Fact]
    public async Task A_reporter_cannot_open_or_save_someone_elses_story()
    {
        var story = await CreateAsync(_lan);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.GetAsync(_minh, story.Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.SaveAsync(_minh, story.Id, story.Version, StoryFactory.Content())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.TransitionAsync(_minh, story.Id, StoryAction.Submit)));
    }

    [Fact]
    public async Task A_save_while_someone_else_holds_the_lease_is_refused_and_changes_nothing()
    {
        var story = await CreateAsync(_lan);
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().AcquireAsync(story.Id));
        await _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<EditLeaseService>().TakeOverAsync(story.Id));

        var error = await Assert.ThrowsAsync<LeaseLostException>(() => Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content("Muộn"))));

        Assert.Equal("Nguyễn Thu", error.HolderName);
        Assert.Equal("", (await Service(s => s.GetAsync(_lan, story.Id))).Headline);
    }

    [Fact]
    public async Task The_review_queue_lists_submitted_stories_oldest_first()
    {
        var older = await CreateAsync(_lan);
        var newer = await CreateAsync(_minh);
        await Service(s => s.TransitionAsync(_lan, older.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_minh, newer.Id, StoryAction.Submit));

        var queue = await Service(s => s.ReviewQueueAsync(_editor));

        Assert.Equal([older.Id, newer.Id], queue.Items.Select(q => q.Id));
        Assert.Equal(2, queue.TotalCount);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.ReviewQueueAsync(_lan)));
    }

    [Fact]
    public async Task The_review_queue_is_read_a_page_at_a_time_with_the_count_of_all_waiting()
    {
        var submitted = await SubmitStoriesAsync(5);

        var pages = new List<StoryPage>();
        for (var page = 0; page < 3; page++)
            pages.Add(await Service(s => s.ReviewQueueAsync(_editor, page, pageSize: 2)));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        // Oldest first across the pages, each story once.
        Assert.Equal(submitted, pages.SelectMany(p => p.Items).Select(q => q.Id));
        Assert.Empty((await Service(s => s.ReviewQueueAsync(_editor, page: 3, pageSize: 2))).Items);
    }

    [Fact]
    public async Task The_dashboard_names_the_five_oldest_waiting_and_counts_them_all()
    {
        var submitted = await SubmitStoriesAsync(7);

        var dashboard = await Service(s => s.DashboardAsync(_editor));

        Assert.Equal(7, dashboard.ReviewQueue.TotalCount);
        Assert.Equal(submitted.Take(StoryQueries.DashboardQueueSize), dashboard.ReviewQueue.Items.Select(q => q.Id));
    }

    /// <summary>Lan writes and submits <paramref name="count"/> stories, one after another; their ids in that order.</summary>
    private async Task<List<Guid>> SubmitStoriesAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var story = await CreateAsync(_lan);
            await Service(s => s.TransitionAsync(_lan, story.Id, StoryAction.Submit));
            ids.Add(story.Id);
        }
        return ids;
    }

    [Fact]
    public async Task Notes_are_for_the_author_and_editors()
    {
        var story = await CreateAsync(_lan);
        await Service(s => s.AddNoteAsync(_editor, story.Id, "Nhớ kiểm tra tên riêng."));

        var lanReads = await Service(s => s.NotesAsync(_lan, story.Id));

        Assert.Equal("Nhớ kiểm tra tên riêng.", Assert.Single(lanReads).Text);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.NotesAsync(_minh, story.Id)));
    }

    private async Task<Story> CreateAsync(Actor author)
    {
        var sectionId = await FirstSectionAsync();
        return await Service(s => s.CreateAsync(author, "vi", sectionId));
    }

    private Task<int> FirstSectionAsync() =>
        _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync());

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private Task<Actor> UserAsync(string email, string name, string role) => _host.CreateActorAsync(email, name, role);
}
