using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Tests.Events;

public sealed class InProcessEventBusTests
{
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
