using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Web.Components.Public;

namespace NewsroomEditor.Web.Tests.PublicSite;

/// <summary>Each app instance caches on its own; an invalidation on one reaches the others through the event bus.</summary>
public sealed class PublicSiteCacheTests
{
    [Fact]
    public async Task Invalidating_on_one_instance_makes_every_other_instance_forget_its_pages()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var here = new CountingStore();
        var there = new CountingStore();
        using var first = new PublicSiteCache(here, bus, TimeProvider.System);
        using var second = new PublicSiteCache(there, bus, TimeProvider.System);
        var secondGeneration = second.Generation;

        await first.InvalidateAsync();

        Assert.Equal(PublicSiteCache.Tag, await there.Evicted.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, here.Evictions);
        Assert.NotEqual(secondGeneration, second.Generation);
    }

    private sealed class CountingStore : IOutputCacheStore
    {
        public TaskCompletionSource<string> Evicted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Evictions { get; private set; }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evictions++;
            Evicted.TrySetResult(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
