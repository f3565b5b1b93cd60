using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Core.Publishing;

/// <summary>Publishes scheduled stories when their time comes. Time comes from <see cref="TimeProvider"/>.</summary>
public sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // The clock's scope has nobody signed in: the scheduler acts.
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(Actor.System);
                var published = await scope.ServiceProvider.GetRequiredService<IScheduledPublishing>().PublishDueAsync(stoppingToken);
                if (published > 0)
                    LogPublished(published);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled stories.")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled stories failed; trying again later.")]
    private partial void LogFailed(Exception exception);
}
