using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Web.Components.Public;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>
/// Eviction by tags: only the pages a change touches are forgotten, and a page rendered while one
/// of its tags was evicted is not stored.
/// </summary>
public sealed class PublicSiteEvictionGuardTests
{
    [Fact]
    public async Task A_page_carrying_a_tag_evicted_after_its_request_started_is_not_stored_and_others_are()
    {
        var guard = new PublicSiteEvictionGuard();
        var store = new RecordingStore();
        var started = guard.Evictions;

        await guard.MarkEvictedAsync([PublicSiteTags.Story(Guid.Empty)], CancellationToken.None);
        await guard.SetAsync(store, started, "late", [1], [PublicSiteTags.All, PublicSiteTags.Story(Guid.Empty)], TimeSpan.FromMinutes(1), CancellationToken.None);
        await guard.SetAsync(store, started, "other", [1], [PublicSiteTags.All, PublicSiteTags.Home("vi")], TimeSpan.FromMinutes(1), CancellationToken.None);
        await guard.SetAsync(store, guard.Evictions, "fresh", [1], [PublicSiteTags.All, PublicSiteTags.Story(Guid.Empty)], TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(["other", "fresh"], store.Stored);
    }

    [Fact]
    public async Task Evicting_a_story_evicts_its_tags_only_here_and_on_every_other_instance()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var here = new RecordingStore();
        var there = new RecordingStore();
        using var first = new PublicSiteCache(here, bus, TimeProvider.System);
        using var second = new PublicSiteCache(there, bus, TimeProvider.System);
        var generation = first.Generation;

        await first.EvictAsync([PublicSiteTags.Story(Guid.Empty), PublicSiteTags.Home("vi")]);

        Assert.Equal([PublicSiteTags.Story(Guid.Empty), PublicSiteTags.Home("vi")], here.Evicted);
        await there.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([PublicSiteTags.Story(Guid.Empty), PublicSiteTags.Home("vi")], there.Evicted);
        Assert.DoesNotContain(PublicSiteTags.All, here.Evicted);
        Assert.Equal(generation, first.Generation);
    }

    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<string> Stored { get; } = [];

        public List<string> Evicted { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            lock (Evicted)
            {
                Evicted.Add(tag);
                if (Evicted.Count == 2)
                    Done.TrySetResult();
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Stored.Add(key);
            return ValueTask.CompletedTask;
        }
    }
}
