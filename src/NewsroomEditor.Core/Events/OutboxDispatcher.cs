using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Events;

/// <summary>Delivers the outbox messages of one <see cref="Type"/> (the bus, the public site's cache…).</summary>
public interface IOutboxHandler
{
    string Type { get; }

    /// <summary>Delivers <paramref name="payload"/>; throwing leaves the message for a later retry.</summary>
    Task DeliverAsync(string payload, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers outbox rows: claims a row with one conditional update (so that of several dispatchers,
/// on one instance or several, exactly one delivers it), hands it to its <see cref="IOutboxHandler"/>,
/// and marks it done; a failure is noted on the row and retried later, with a growing delay.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceProvider services, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>How long a claim keeps others off a row: a dispatcher that died while delivering is taken over after it.</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The background looks only at rows at least this old: younger ones are being delivered by the
    /// save that wrote them, which waits for its delivery and must not find it taken.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    // Resolved at first use, not in the constructor: the contexts' options hold the interceptor that
    // holds this dispatcher, and the handlers reach services (the public site's cache) built later.
    private IDbContextFactory<NewsroomDbContext>? _contexts;
    private IOutboxHandler[]? _handlers;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Guid> _delivered = new();

    private IDbContextFactory<NewsroomDbContext> Contexts =>
        _contexts ??= services.GetRequiredKeyedService<IDbContextFactory<NewsroomDbContext>>(DomainEventsHostingExtensions.RootContexts);

    private IOutboxHandler[] Handlers => _handlers ??= services.GetServices<IOutboxHandler>().ToArray();

    /// <summary>After the failure of attempt <paramref name="attempts"/>: 5 s, 10 s, 20 s… at most 5 minutes.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10))));

    /// <summary>Delivers the rows <paramref name="ids"/> in order; returns how many this call delivered.</summary>
    public async Task<int> DeliverAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var delivered = 0;
        foreach (var id in ids)
        {
            if (await DeliverOneAsync(id, cancellationToken))
                delivered++;
        }
        return delivered;
    }

    /// <summary>
    /// Delivers, in order, the rows a save just committed, claimed for it when written
    /// (<see cref="OutboxMessage.ClaimForItsSave"/>), from the rows in memory. The delivered ones are
    /// marked done by <see cref="MarkDeliveredAsync"/>, in one update for all the saves of a few
    /// seconds, so a save's delivery costs the database nothing; a failed one is noted on its row and
    /// left for the background after its retry delay.
    /// </summary>
    /// <remarks>
    /// If the process dies between a delivery and its mark, the row's claim runs out and it is
    /// delivered again: delivery is at least once, and every handler is idempotent (an eviction
    /// evicts what is already gone; a live update re-reads the story it names).
    /// </remarks>
    public async Task<int> DeliverClaimedAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var delivered = 0;
        List<(OutboxMessage Message, Exception Error)>? failed = null;
        foreach (var message in messages)
        {
            try
            {
                await HandlerOf(message.Type).DeliverAsync(message.Payload, cancellationToken);
                _delivered.Enqueue(message.Id);
                delivered++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (failed ??= []).Add((message, e));
            }
        }
        if (failed is not null)
        {
            await using var db = await Contexts.CreateDbContextAsync(CancellationToken.None);
            foreach (var (message, error) in failed)
                await RecordFailureAsync(db, message.Id, message.Type, message.Attempts, error);
        }
        return delivered;
    }

    /// <summary>Marks done, in one update, the rows <see cref="DeliverClaimedAsync"/> delivered since the last call.</summary>
    public async Task<int> MarkDeliveredAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<Guid>();
        while (_delivered.TryDequeue(out var id))
            ids.Add(id);
        if (ids.Count == 0)
            return 0;
        try
        {
            await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
            var doneAt = Now;
            return await db.OutboxMessages.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, doneAt).SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        }
        catch
        {
            // Not marked: kept for the next call (until then their claims keep others off them).
            foreach (var id in ids)
                _delivered.Enqueue(id);
            throw;
        }
    }

    /// <summary>
    /// Delivers rows nobody delivered (a crash between commit and delivery, a failed delivery whose
    /// retry time came), oldest first, at most <paramref name="max"/>; returns how many it delivered.
    /// </summary>
    public async Task<int> DeliverPendingAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var bornBefore = now - Grace;
        List<Guid> due;
        await using (var db = await Contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.CreatedAt <= bornBefore && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(max)
                .ToListAsync(cancellationToken);
        }
        return await DeliverAsync(due, cancellationToken);
    }

    private async Task<bool> DeliverOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var claimedUntil = now + ClaimTime;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.ProcessedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return false;
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await HandlerOf(message.Type).DeliverAsync(message.Payload, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await RecordFailureAsync(db, id, message.Type, message.Attempts, e);
            return false;
        }
        var doneAt = Now;
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, doneAt).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }

    private IOutboxHandler HandlerOf(string type) => Array.Find(Handlers, h => h.Type == type)
        ?? throw new InvalidOperationException($"No outbox handler delivers messages of type '{type}'.");

    /// <summary>Notes the failure on the row and keeps others off it until its retry time.</summary>
    private async Task RecordFailureAsync(NewsroomDbContext db, Guid id, string type, int attempts, Exception e)
    {
        var retryAt = Now + RetryDelay(attempts);
        var error = OutboxMessage.Shorten($"{e.GetType().Name}: {e.Message}");
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, retryAt).SetProperty(m => m.LastError, error), CancellationToken.None);
        LogDeliveryFailed(e, type, id, attempts, retryAt);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {Type} {Id} was not delivered (attempt {Attempts}); retrying after {RetryAt:o}.")]
    private partial void LogDeliveryFailed(Exception exception, string type, Guid id, int attempts, DateTime retryAt);
}

/// <summary>
/// Delivers what a save committed but did not deliver (the process died in between, a delivery
/// failed): at start-up and every <see cref="Interval"/>. A crash delays a consequence, never loses it.
/// </summary>
public sealed partial class OutboxDeliveryService(OutboxDispatcher dispatcher, TimeProvider clock, ILogger<OutboxDeliveryService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await dispatcher.MarkDeliveredAsync(stoppingToken);
                await dispatcher.DeliverPendingAsync(cancellationToken: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>What was delivered is marked done before the process ends, so that nothing is delivered twice.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await dispatcher.MarkDeliveredAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering the outbox failed; trying again later.")]
    private partial void LogFailed(Exception exception);
}
