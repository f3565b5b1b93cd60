using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;

namespace NewsroomEditor.Core.Tests.Events;

/// <summary>Each handler of domain events on its own: what it writes for which event, and nothing for the others.</summary>
public sealed class DomainEventHandlerTests
{
    private static readonly DateTime Now = StoryFactory.Now;

    [Fact]
    public void A_workflow_move_records_the_event_on_the_story_with_the_persons_note()
    {
        var story = StoryFactory.InState(StoryState.InReview);
        story.ClearDomainEvents();

        story.RequestChanges(StoryFactory.Editor, "  Thêm số liệu.  ", Now);

        var moved = Assert.IsType<StoryMoved>(Assert.Single(story.DomainEvents));
        Assert.Equal((StoryState.InReview, StoryState.ChangesRequested, "thu", "Thêm số liệu."), (moved.From, moved.To, moved.ActorId, moved.Note));
    }

    [Fact]
    public void Saving_a_published_story_records_a_correction_and_a_save()
    {
        var story = StoryFactory.InState(StoryState.Published);
        story.ClearDomainEvents();

        story.Edit(StoryFactory.Editor, StoryFactory.Content("Tiêu đề đã sửa"), "tieu-de-da-sua", Now);

        Assert.Collection(story.DomainEvents,
            e => Assert.IsType<StoryCorrected>(e),
            e => Assert.True(Assert.IsType<StoryContentSaved>(e).IsCorrection));
    }

    [Fact]
    public void The_clock_publishing_a_scheduled_story_records_a_publication_on_schedule()
    {
        var story = StoryFactory.InState(StoryState.Approved);
        story.Schedule(StoryFactory.Editor, Now.AddHours(1), StoryFactory.Passing, Now);
        story.ClearDomainEvents();

        Assert.True(story.PublishIfDue(StoryFactory.Passing, Now.AddHours(1)));

        var published = Assert.IsType<StoryPublished>(Assert.Single(story.DomainEvents));
        Assert.True(published.OnSchedule);
        Assert.Equal(StoryState.Scheduled, published.From);
    }

    [Fact]
    public void The_audit_handler_writes_a_move_a_correction_a_publication_on_schedule_and_a_media_deletion()
    {
        var story = StoryFactory.InState(StoryState.Published);
        var audit = new AuditEventHandler(() => new SiteOptions());
        var consequences = new DomainEventConsequences(Now);

        audit.Handle(new StoryUnpublished(story, StoryState.Approved, "thu", "Nguyễn Thu", null, Now), consequences);
        audit.Handle(new StoryCorrected(story, "thu", "Nguyễn Thu", Now), consequences);
        audit.Handle(new StoryPublished(story, StoryState.Scheduled, "system", "Lịch đăng / Scheduler", OnSchedule: true, Now), consequences);
        audit.Handle(new StoryContentSaved(story, "thu", "Nguyễn Thu", IsCorrection: true, Now), consequences);

        Assert.Collection(consequences.AuditRecords,
            r => Assert.Equal((AuditActions.StoryUnpublished, "thu", $"story:{story.Id}"), (r.Action, r.ActorId, r.Target)),
            r => Assert.Equal((AuditActions.StoryCorrected, "thu"), (r.Action, r.ActorId)),
            r => Assert.Equal((AuditActions.StoryPublished, (string?)null), (r.Action, r.ActorId)));
        Assert.Empty(consequences.OutboxMessages);
    }

    [Fact]
    public void The_story_bus_handler_writes_a_state_change_and_a_save_to_the_outbox_and_no_audit()
    {
        var story = StoryFactory.InState(StoryState.InReview);
        var consequences = new DomainEventConsequences(Now);
        var bus = new StoryBusEvents();

        bus.Handle(new StoryMoved(story, StoryState.InReview, StoryState.Approved, "thu", "Nguyễn Thu", null, Now), consequences);
        bus.Handle(new StoryContentSaved(story, "lan", "Hoàng Lan", IsCorrection: false, Now), consequences);
        bus.Handle(new StoryCorrected(story, "lan", "Hoàng Lan", Now), consequences);

        Assert.Equal(2, consequences.OutboxMessages.Count);
        Assert.All(consequences.OutboxMessages, m => Assert.Equal(EventBusOutboxHandler.MessageType, m.Type));
        Assert.Empty(consequences.AuditRecords);
    }

    [Fact]
    public async Task A_bus_event_written_to_the_outbox_is_published_as_it_was_by_its_delivery()
    {
        var consequences = new DomainEventConsequences(Now);
        var sent = new StoryStateChanged(Guid.NewGuid(), "Khai mạc", "lan", StoryState.InReview, StoryState.Published, "thu", "Nguyễn Thu", "ghi chú", Now);
        EventBusOutboxHandler.Publish(consequences, sent);
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var received = new TaskCompletionSource<NewsroomEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = bus.Subscribe(e => { received.TrySetResult(e); return Task.CompletedTask; });

        await new EventBusOutboxHandler(bus).DeliverAsync(Assert.Single(consequences.OutboxMessages).Payload, CancellationToken.None);

        Assert.Equal(sent, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_publication_evicts_the_story_its_translations_and_the_lists_it_joins_and_nothing_else()
    {
        var story = StoryFactory.InState(StoryState.Published);
        var consequences = new DomainEventConsequences(Now);

        new PublicSiteEvictions().Handle(new StoryPublished(story, StoryState.Approved, "thu", "Nguyễn Thu", OnSchedule: false, Now), consequences);

        var message = Assert.Single(consequences.OutboxMessages);
        Assert.Equal(PublicSiteEvictionOutboxHandler.MessageType, message.Type);
        var tags = JsonSerializer.Deserialize<PublicSiteEviction>(message.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Tags;
        Assert.Equal(
            new[]
            {
                PublicSiteTags.Story(story.Id), PublicSiteTags.StoryGroup(story.TranslationGroupId), "home:vi", "feed:vi", "sitemap", "section:1",
                "tag:vi:hoi-nghi", "tag:vi:tinh-uy",
            }.Order(),
            tags.Order());
    }

    [Fact]
    public void Moves_that_readers_do_not_see_evict_nothing_and_a_section_change_evicts_everything()
    {
        var story = StoryFactory.InState(StoryState.InReview);
        var consequences = new DomainEventConsequences(Now);
        var evictions = new PublicSiteEvictions();

        evictions.Handle(new StoryMoved(story, StoryState.InReview, StoryState.Approved, "thu", "Nguyễn Thu", null, Now), consequences);
        evictions.Handle(new StoryContentSaved(story, "lan", "Hoàng Lan", IsCorrection: false, Now), consequences);
        Assert.Empty(consequences.OutboxMessages);

        var section = new Section("Thời sự", "News", 1);
        evictions.Handle(new SectionChanged(section, "admin", "Quản trị", "Renamed"), consequences);
        evictions.Handle(new SectionChanged(section, "admin", "Quản trị", "Moved"), consequences);

        var message = Assert.Single(consequences.OutboxMessages);
        Assert.Contains(PublicSiteTags.All, message.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eviction_of_everything_forgets_the_whole_site_and_one_of_tags_evicts_those_tags()
    {
        var cache = new RecordingCache();
        var handler = new PublicSiteEvictionOutboxHandler(cache, new SectionMenu());

        await handler.DeliverAsync("""{"tags":["public-site"]}""", CancellationToken.None);
        await handler.DeliverAsync("""{"tags":["story:1","home:vi"]}""", CancellationToken.None);

        Assert.Equal(1, cache.Invalidations);
        Assert.Equal(["story:1", "home:vi"], Assert.Single(cache.Evicted));
    }

    private sealed class RecordingCache : IPublicSiteCache
    {
        public int Invalidations { get; private set; }

        public List<IReadOnlyCollection<string>> Evicted { get; } = [];

        public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            Invalidations++;
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
        {
            Evicted.Add(tags);
            return ValueTask.CompletedTask;
        }
    }
}
