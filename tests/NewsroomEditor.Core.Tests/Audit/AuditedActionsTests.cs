using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Media;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Audit;

/// <summary>
/// Each audited story and media action writes exactly one entry, after it is saved, naming who,
/// what, the details, the time from the clock and the client's address; draft autosaves write none.
/// </summary>
public sealed class AuditedActionsTests : IAsyncLifetime
{
    private AuditTestNewsroom _newsroom = default!;

    public async Task InitializeAsync() => _newsroom = await AuditTestNewsroom.StartAsync();

    public async Task DisposeAsync() => await _newsroom.DisposeAsync();

    [Fact]
    public async Task Publishing_writes_one_published_entry_with_the_editor_the_story_the_move_the_time_and_the_address()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        await Move(_newsroom.Reporter, story, StoryAction.Submit);
        await Move(_newsroom.Editor, story, StoryAction.Approve);
        _newsroom.Clock.Advance(TimeSpan.FromMinutes(7));

        var entries = await _newsroom.NewEntriesAsync(() => Move(_newsroom.Editor, story, StoryAction.Publish));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.StoryPublished, entry.Action);
        Assert.Equal(_newsroom.Editor.UserId, entry.ActorId);
        Assert.Equal("Nguyễn Thu", entry.ActorName);
        Assert.Equal($"story:{story.Id}", entry.Target);
        Assert.Equal("Approved → Published: \"Hội nghị Ban Chấp hành Đảng bộ tỉnh\"", entry.Details);
        Assert.Equal(AuditTestNewsroom.Start.UtcDateTime.AddMinutes(7), entry.At);
        Assert.Equal("203.0.113.7", entry.IpAddress);
    }

    [Fact]
    public async Task Unpublishing_writes_one_unpublished_entry()
    {
        var story = await PublishedAsync("Giá xăng giảm từ 15 giờ chiều nay");

        var entries = await _newsroom.NewEntriesAsync(() => Move(_newsroom.Editor, story, StoryAction.Unpublish));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.StoryUnpublished, entry.Action);
        Assert.Equal(_newsroom.Editor.UserId, entry.ActorId);
        Assert.Equal($"story:{story.Id}", entry.Target);
        Assert.Equal("Published → Unpublished: \"Giá xăng giảm từ 15 giờ chiều nay\"", entry.Details);
    }

    [Fact]
    public async Task Requesting_changes_writes_one_transition_entry_with_the_note()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Khai mạc lễ hội hoa");
        await Move(_newsroom.Reporter, story, StoryAction.Submit);

        var entries = await _newsroom.NewEntriesAsync(() => Move(_newsroom.Editor, story, StoryAction.RequestChanges, "Thêm số liệu, kiểm tra tên đại biểu."));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.StoryTransition, entry.Action);
        Assert.Equal(_newsroom.Editor.UserId, entry.ActorId);
        Assert.Equal($"story:{story.Id}", entry.Target);
        Assert.Equal("In review → Changes requested: \"Khai mạc lễ hội hoa\"; note: Thêm số liệu, kiểm tra tên đại biểu.", entry.Details);
    }

    [Fact]
    public async Task Submitting_writes_one_transition_entry_by_the_reporter()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Khai mạc lễ hội hoa");

        var entry = Assert.Single(await _newsroom.NewEntriesAsync(() => Move(_newsroom.Reporter, story, StoryAction.Submit)));

        Assert.Equal(AuditActions.StoryTransition, entry.Action);
        Assert.Equal(_newsroom.Reporter.UserId, entry.ActorId);
        Assert.Equal("Hoàng Lan", entry.ActorName);
        Assert.StartsWith("Draft → In review", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_move_writes_nothing()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Khai mạc lễ hội hoa");

        var entries = await _newsroom.NewEntriesAsync(() =>
            Assert.ThrowsAnyAsync<DomainException>(() => Move(_newsroom.Reporter, story, StoryAction.Publish)));

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Saving_a_published_story_writes_one_correction_entry()
    {
        var story = await PublishedAsync("Giá xăng giảm");

        var entries = await _newsroom.NewEntriesAsync(() => SaveAsync(_newsroom.Editor, story.Id, "Giá xăng giảm mạnh"));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.StoryCorrected, entry.Action);
        Assert.Equal(_newsroom.Editor.UserId, entry.ActorId);
        Assert.Equal($"story:{story.Id}", entry.Target);
        Assert.Contains("Correction of \"Giá xăng giảm mạnh\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosaves_of_a_draft_write_no_entry()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Bản nháp");

        var entries = await _newsroom.NewEntriesAsync(async () =>
        {
            for (var i = 1; i <= 3; i++)
            {
                _newsroom.Clock.Advance(TimeSpan.FromSeconds(5));
                await SaveAsync(_newsroom.Reporter, story.Id, $"Bản nháp {i}");
            }
        });

        Assert.Empty(entries);
    }

    [Fact]
    public async Task A_scheduled_story_published_by_the_clock_is_recorded_as_the_system_without_an_address()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Editor, "Đội tuyển vào chung kết");
        await Move(_newsroom.Editor, story, StoryAction.Submit);
        await Move(_newsroom.Editor, story, StoryAction.Approve);
        var publishAt = AuditTestNewsroom.Start.UtcDateTime.AddHours(1);
        var scheduling = Assert.Single(await _newsroom.NewEntriesAsync(() =>
            _newsroom.StoriesAsync(s => s.TransitionAsync(_newsroom.Editor, story.Id, StoryAction.Schedule, publishAt: publishAt))));
        Assert.Equal(AuditActions.StoryTransition, scheduling.Action);
        Assert.Contains("Approved → Scheduled", scheduling.Details, StringComparison.Ordinal);
        Assert.Contains("for 11/04/2024 20:45 +07:00", scheduling.Details, StringComparison.Ordinal);

        // The scheduler runs outside any request: no client address.
        _newsroom.Client.IpAddress = null;
        _newsroom.Clock.Advance(TimeSpan.FromHours(1));
        var entries = await _newsroom.NewEntriesAsync(() => _newsroom.StoriesAsync(s => s.PublishDueAsync()));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.StoryPublished, entry.Action);
        Assert.Null(entry.ActorId);
        Assert.Equal(Actor.System.DisplayName, entry.ActorName);
        Assert.Equal($"story:{story.Id}", entry.Target);
        Assert.Contains("Scheduled → Published", entry.Details, StringComparison.Ordinal);
        Assert.Null(entry.IpAddress);
        Assert.Equal(publishAt, entry.At);
    }

    [Fact]
    public async Task Deleting_a_photo_writes_one_entry_with_its_file_name()
    {
        var uploaded = await _newsroom.InScopeAsync(sp => sp.As(_newsroom.Reporter).GetRequiredService<IMediaService>()
            .UploadAsync("ảnh hội nghị.jpg", new MemoryStream(TestImages.Jpeg(400, 300))));
        var item = Assert.IsType<MediaItem>(uploaded.Stored);

        var entries = await _newsroom.NewEntriesAsync(() => _newsroom.InScopeAsync(async sp =>
        {
            await sp.As(_newsroom.Reporter).GetRequiredService<IMediaService>().DeleteAsync(item.Id);
            return 0;
        }));

        var entry = Assert.Single(entries);
        Assert.Equal(AuditActions.MediaDeleted, entry.Action);
        Assert.Equal(_newsroom.Reporter.UserId, entry.ActorId);
        Assert.Equal($"media:{item.Id}", entry.Target);
        Assert.Contains("\"ảnh hội nghị.jpg\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_is_append_only_a_changed_or_deleted_entry_is_refused_on_save()
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, "Khai mạc lễ hội hoa");
        await Move(_newsroom.Reporter, story, StoryAction.Submit);

        await _newsroom.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var entry = await db.AuditEntries.SingleAsync();
            db.Entry(entry).Property(e => e.Details).CurrentValue = "Nothing happened";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });

        var stored = Assert.Single(await _newsroom.EntriesAsync());
        Assert.StartsWith("Draft → In review", stored.Details, StringComparison.Ordinal);
    }

    private async Task<Story> PublishedAsync(string headline)
    {
        var story = await _newsroom.WriteAsync(_newsroom.Reporter, headline);
        await Move(_newsroom.Reporter, story, StoryAction.Submit);
        await Move(_newsroom.Editor, story, StoryAction.Publish);
        return story;
    }

    private Task Move(Actor actor, Story story, StoryAction action, string? note = null) =>
        _newsroom.StoriesAsync(s => s.TransitionAsync(actor, story.Id, action, note));

    private Task SaveAsync(Actor actor, Guid id, string headline) => _newsroom.InScopeAsync(async sp =>
    {
        var stories = StoryServices.From(sp);
        var current = await stories.GetAsync(actor, id);
        var saved = await stories.SaveAsync(actor, id, current.Version, StoryFactory.Content(headline) with { SectionId = _newsroom.SectionId });
        Assert.True(saved.Saved);
        await sp.As(actor).GetRequiredService<EditLeaseService>().ReleaseAsync(id);
        return saved;
    });
}
