using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// Scheduled publishing through the real <see cref="StoryServices"/> and <see cref="ScheduledPublisher"/>
/// over a real SQLite file, on a clock the tests move (the domain's own rule, PublishIfDue, is
/// StoryWorkflowTests').
/// </summary>
public sealed class ScheduledPublishingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 4, 11, 5, 45, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly CountingPublicSiteCache _cache = new();
    private CoreTestHost _host = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(services: UseClockAndCache(_clock, _cache));
        _editor = await EditorAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_scheduled_story_stays_unpublished_until_its_time_and_is_published_once_it_passes()
    {
        var publishAt = Start.UtcDateTime.AddHours(1);
        var story = await ScheduleAsync(_host, "Giá xăng giảm từ 15 giờ chiều nay", publishAt);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await PublishDueAsync(_host));
        Assert.Equal(StoryState.Scheduled, (await StoredAsync(_host, story)).State);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await PublishDueAsync(_host));

        var stored = await StoredAsync(_host, story);
        Assert.Equal(StoryState.Published, stored.State);
        Assert.Equal(publishAt, stored.PublishedAt);
        Assert.Equal(0, await PublishDueAsync(_host));
    }

    [Fact]
    public async Task A_story_that_fell_due_while_the_app_was_down_is_published_as_the_publisher_starts()
    {
        var story = await ScheduleAsync(_host, "Khai mạc lễ hội hoa", Start.UtcDateTime.AddMinutes(30));
        // The app was down: nobody ran the publisher while its time came and went.
        _clock.Advance(TimeSpan.FromHours(3));
        var publisher = _host.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();

        await publisher.StartAsync(CancellationToken.None);
        try
        {
            // No clock move after start-up: the publisher's first run, at start, must find it.
            await WaitUntilAsync(async () => (await StoredAsync(_host, story)).State == StoryState.Published);
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }
        Assert.Equal(Start.UtcDateTime.AddMinutes(30), (await StoredAsync(_host, story)).PublishedAt);
    }

    [Fact]
    public async Task Two_instances_publishing_at_once_publish_each_story_exactly_once()
    {
        var secondClock = new FakeTimeProvider(Start);
        await using var second = CoreTestHost.Create(services: UseClockAndCache(secondClock, new CountingPublicSiteCache()), dataFolder: _host.DataFolder);
        var stories = new List<Guid>();
        for (var i = 1; i <= 6; i++)
            stories.Add(await ScheduleAsync(_host, $"Tin hẹn giờ số {i}", Start.UtcDateTime.AddMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(10));
        secondClock.Advance(TimeSpan.FromMinutes(10));

        var counts = await Task.WhenAll(
            Task.Run(() => PublishDueAsync(_host)),
            Task.Run(() => PublishDueAsync(second)));

        // Each instance reports only what it actually published: together, every story once.
        Assert.Equal(stories.Count, counts.Sum());
        var publishedEvents = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().WorkflowEvents
            .Where(e => stories.Contains(e.StoryId) && e.To == StoryState.Published)
            .GroupBy(e => e.StoryId)
            .Select(g => g.Count())
            .ToListAsync());
        Assert.Equal(stories.Count, publishedEvents.Count);
        Assert.All(publishedEvents, count => Assert.Equal(1, count));
        foreach (var story in stories)
            Assert.Equal(StoryState.Published, (await StoredAsync(_host, story)).State);
    }

    [Fact]
    public async Task A_run_overtaken_by_another_instance_counts_only_what_it_published()
    {
        var secondClock = new FakeTimeProvider(Start);
        await using var second = CoreTestHost.Create(services: UseClockAndCache(secondClock, new CountingPublicSiteCache()), dataFolder: _host.DataFolder);
        var stories = new List<Guid>();
        for (var i = 1; i <= 4; i++)
            stories.Add(await ScheduleAsync(_host, $"Tin hẹn giờ số {i}", Start.UtcDateTime.AddMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(10));
        secondClock.Advance(TimeSpan.FromMinutes(10));
        // The worst interleaving, made certain: right after this instance saves its first story, the
        // other one runs in full and publishes the rest, which this run still holds as Scheduled.
        var secondCount = 0;
        _cache.OnInvalidate = async () =>
        {
            _cache.OnInvalidate = null;
            secondCount = await PublishDueAsync(second);
            return StoryState.Published;
        };
        var firstCount = await PublishDueAsync(_host);

        Assert.Equal(1, firstCount);
        Assert.Equal(stories.Count - 1, secondCount);
        foreach (var story in stories)
            Assert.Equal(StoryState.Published, (await StoredAsync(_host, story)).State);
    }

    [Fact]
    public async Task Publishing_a_scheduled_story_empties_the_public_site_cache_after_the_story_is_saved()
    {
        var story = await ScheduleAsync(_host, "Đội tuyển vào chung kết", Start.UtcDateTime.AddMinutes(5));
        var before = _cache.Invalidations;
        Assert.Equal(0, await PublishDueAsync(_host));
        Assert.Equal(before, _cache.Invalidations);

        _clock.Advance(TimeSpan.FromMinutes(5));
        _cache.OnInvalidate = () => StoredAsync(_host, story).ContinueWith(t => t.Result.State, TaskScheduler.Default);
        await PublishDueAsync(_host);

        Assert.Equal(before + 1, _cache.Invalidations);
        // Evicted after the save: a reader's next request renders the published story, not the old page.
        Assert.Equal([StoryState.Published], _cache.StatesSeen);
    }

    /// <summary>A story by the editor, checked, approved and scheduled for <paramref name="publishAt"/> (UTC).</summary>
    private async Task<Guid> ScheduleAsync(CoreTestHost host, string headline, DateTime publishAt)
    {
        return await host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var sectionId = await sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
            var story = await stories.CreateAsync(_editor, "vi", sectionId);
            var saved = await stories.SaveAsync(_editor, story.Id, story.Version, StoryFactory.Content(headline) with { SectionId = sectionId });
            Assert.True(saved.Saved);
            await sp.As(_editor).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            await stories.TransitionAsync(_editor, story.Id, StoryAction.Submit);
            await stories.TransitionAsync(_editor, story.Id, StoryAction.Approve);
            var scheduled = await stories.TransitionAsync(_editor, story.Id, StoryAction.Schedule, publishAt: publishAt);
            Assert.Equal(StoryState.Scheduled, scheduled.State);
            return story.Id;
        });
    }

    private static Task<int> PublishDueAsync(CoreTestHost host) =>
        host.InScopeAsync(sp => StoryServices.From(sp).PublishDueAsync());

    private static Task<Story> StoredAsync(CoreTestHost host, Guid id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>
    /// Polls until <paramref name="condition"/> holds. The bound only keeps a broken publisher from
    /// hanging the run; the test asserts what happened, never how fast.
    /// </summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The condition never held.");
            await Task.Delay(20);
        }
    }

    private static Action<IServiceCollection> UseClockAndCache(TimeProvider clock, IPublicSiteCache cache) => services =>
    {
        services.AddSingleton(clock);
        services.AddSingleton(cache);
    };

    private static async Task<Actor> EditorAsync(CoreTestHost host) => await host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "thu@example.vn", Email = "thu@example.vn", EmailConfirmed = true, DisplayName = "Nguyễn Thu" };
        Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Editor);
        return Actor.Create(user.Id, "Nguyễn Thu", Roles.Editor);
    });

    /// <summary>Counts evictions, and can look at the database at the moment of each.</summary>
    private sealed class CountingPublicSiteCache : IPublicSiteCache
    {
        private int _invalidations;

        public int Invalidations => Volatile.Read(ref _invalidations);

        public Func<Task<StoryState>>? OnInvalidate { get; set; }

        public List<StoryState> StatesSeen { get; } = [];

        public async ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _invalidations);
            if (OnInvalidate is { } look)
                StatesSeen.Add(await look());
        }
    }
}
