using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Events;

/// <summary>
/// The outbox over a real SQLite file: a publication's consequences are written with it, delivered
/// right after the commit, and, when the process dies between the two, by the next host's
/// background service, exactly once.
/// </summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task A_publication_writes_its_audit_entry_and_outbox_rows_with_it_and_delivers_them_before_returning()
    {
        var cache = new CountingCache();
        await using var host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IPublicSiteCache>(cache));
        var editor = await host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var story = await ApprovedStoryAsync(host, editor);

        await host.InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(editor, story, StoryAction.Publish));

        Assert.Equal(1, cache.Evictions);
        // Delivered before returning; marked done with the next few seconds' deliveries, in one update.
        Assert.True(await host.Services.GetRequiredService<OutboxDispatcher>().MarkDeliveredAsync() > 0);
        var rows = await OutboxAsync(host);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((1, (string?)null), (r.Attempts, r.LastError)));
        Assert.All(rows, r => Assert.NotNull(r.ProcessedAt));
        Assert.Single(await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.StoryPublished).ToListAsync()));
    }

    [Fact]
    public async Task After_a_crash_between_commit_and_delivery_the_next_host_delivers_each_row_exactly_once_and_marks_it_done()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "newsroom-core-tests", Guid.NewGuid().ToString("N"));
        Guid story;
        var dying = new DyingCache();
        var first = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IPublicSiteCache>(dying), dataFolder: dataFolder);
        first.KeepDataFolder = true;
        await using (first)
        {
            var editor = await first.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
            story = await ApprovedStoryAsync(first, editor);
            // The process dies as it starts delivering (the publish never returns): the commit is
            // done, the eviction and the bus event are not.
            _ = first.InScopeAsync(sp => StoryServices.From(sp).TransitionAsync(editor, story, StoryAction.Publish));
            await dying.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var cache = new CountingCache();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        var changes = new List<StoryStateChanged>();
        await using var second = CoreTestHost.Create(services: s =>
        {
            s.AddSingleton<IPublicSiteCache>(cache);
            s.AddSingleton<TimeProvider>(clock);
        }, dataFolder: dataFolder);
        using var subscription = second.Services.GetRequiredService<INewsroomEventBus>().Subscribe(e =>
        {
            if (e is StoryStateChanged changed && changed.To == StoryState.Published)
                lock (changes)
                    changes.Add(changed);
            return Task.CompletedTask;
        });
        // The commit happened: the story is published and audited, its consequences wait in the outbox.
        Assert.Equal(StoryState.Published, (await second.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.SingleAsync(s => s.Id == story))).State);
        Assert.Contains(await OutboxAsync(second), r => r.ProcessedAt is null && r.Type == PublicSiteEvictionOutboxHandler.MessageType);

        var delivery = second.Services.GetServices<IHostedService>().OfType<OutboxDeliveryService>().Single();
        await delivery.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => (await OutboxAsync(second)).TrueForAll(r => r.ProcessedAt is not null));
        }
        finally
        {
            await delivery.StopAsync(CancellationToken.None);
        }
        // Another dispatcher coming by later (another instance, the next tick) finds nothing to do.
        Assert.Equal(0, await second.Services.GetRequiredService<OutboxDispatcher>().DeliverPendingAsync());

        Assert.Equal(1, cache.Evictions);
        // The bus hands the event to each subscriber's own queue: it arrives just after the row is done.
        await WaitUntilAsync(() => { lock (changes) return Task.FromResult(changes.Count > 0); });
        lock (changes)
            Assert.Equal(story, Assert.Single(changes).StoryId);
        var eviction = Assert.Single(await OutboxAsync(second), r => r.Type == PublicSiteEvictionOutboxHandler.MessageType);
        // Claimed by the process that died, taken over once its claim ran out.
        Assert.Equal(2, eviction.Attempts);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_row_claimed_by_one_dispatcher_is_not_delivered_by_another()
    {
        var cache = new CountingCache();
        await using var host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IPublicSiteCache>(cache));
        var id = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            var message = OutboxMessage.Create(PublicSiteEvictionOutboxHandler.MessageType, """{"tags":["home:vi"]}""", DateTime.UtcNow.AddMinutes(-1));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            // Claimed by someone else a moment ago, still delivering.
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, DateTime.UtcNow.AddMinutes(1)));
            return message.Id;
        });
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(0, await dispatcher.DeliverAsync([id]));
        Assert.Equal(0, await dispatcher.DeliverPendingAsync());
        Assert.Equal(0, cache.Evictions);
    }

    private static async Task<Guid> ApprovedStoryAsync(CoreTestHost host, Actor editor) => await host.InScopeAsync(async sp =>
    {
        var stories = StoryServices.From(sp);
        var sectionId = await sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
        var story = await stories.CreateAsync(editor, "vi", sectionId);
        Assert.True((await stories.SaveAsync(editor, story.Id, story.Version, StoryFactory.Content("Khai mạc lễ hội hoa") with { SectionId = sectionId })).Saved);
        await sp.As(editor).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
        await stories.TransitionAsync(editor, story.Id, StoryAction.Submit);
        await stories.TransitionAsync(editor, story.Id, StoryAction.Approve);
        return story.Id;
    });

    private static Task<List<OutboxMessage>> OutboxAsync(CoreTestHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>Polls until <paramref name="condition"/> holds; the bound only keeps a broken dispatcher from hanging the run.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The condition never held.");
            await Task.Delay(20);
        }
    }

    /// <summary>The process dies as the first delivery starts: it never finishes, and nothing after it runs.</summary>
    private sealed class DyingCache : IPublicSiteCache
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            return new ValueTask(new TaskCompletionSource().Task);
        }
    }

    private sealed class CountingCache : IPublicSiteCache
    {
        private int _evictions;

        public int Evictions => Volatile.Read(ref _evictions);

        public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _evictions);
            return ValueTask.CompletedTask;
        }
    }
}
