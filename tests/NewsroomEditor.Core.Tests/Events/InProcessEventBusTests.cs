using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Tests.Events;

public sealed class InProcessEventBusTests
{
    [Fact]
    public async Task Each_subscriber_hears_events_in_the_order_they_were_published_and_a_slow_one_holds_up_no_other()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var slow = new List<int>();
        var fast = new List<int>();
        var fastDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slowSubscription = bus.Subscribe(async e =>
        {
            var n = ((StorySaved)e).Version;
            // Stuck on the first event until let go; after that, later events take less time, so
            // delivered at once and in parallel they would overtake the earlier ones.
            if (n == 1)
                await gate.Task;
            await Task.Delay(n % 5 == 0 ? 5 : 0);
            slow.Add(n);
            if (n == 200)
                slowDone.TrySetResult();
        });
        using var fastSubscription = bus.Subscribe(e =>
        {
            var n = ((StorySaved)e).Version;
            fast.Add(n);
            if (n == 200)
                fastDone.TrySetResult();
            return Task.CompletedTask;
        });

        for (var n = 1; n <= 200; n++)
            bus.Publish(new StorySaved(Guid.Empty, n, "lan", "Hoàng Lan", false, DateTime.UtcNow));

        await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(slow);
        gate.SetResult();
        await slowDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 200), fast);
        Assert.Equal(Enumerable.Range(1, 200), slow);
    }

    [Fact]
    public async Task A_subscriber_hears_in_its_own_culture_whatever_the_publishers()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var heard = new TaskCompletionSource<(string Culture, string UiCulture)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var publisherCulture = CultureInfo.CurrentCulture;
        var publisherUiCulture = CultureInfo.CurrentUICulture;

        // A Vietnamese person's page subscribes…
        IDisposable subscription;
        CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
        CultureInfo.CurrentUICulture = new CultureInfo("vi");
        try
        {
            subscription = bus.Subscribe(async _ =>
            {
                await Task.Yield();
                heard.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = publisherCulture;
            CultureInfo.CurrentUICulture = publisherUiCulture;
        }

        // …and an English-speaking colleague's action publishes.
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            using (subscription)
            {
                bus.Publish(new PublicSiteChanged("test", DateTime.UtcNow));
                var (culture, uiCulture) = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal("vi-VN", culture);
                Assert.Equal("vi", uiCulture);
                // The publisher's own culture is left as it was.
                Assert.Equal("en-US", CultureInfo.CurrentCulture.Name);
                Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = publisherCulture;
            CultureInfo.CurrentUICulture = publisherUiCulture;
        }
    }
}
