using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Events;

/// <summary>
/// What a save must do because of its domain events, gathered by the <see cref="IDomainEventHandler"/>s:
/// audit records and outbox messages, all written in the save's own transaction.
/// </summary>
public sealed class DomainEventConsequences
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<AuditRecord> _audit = [];
    private readonly List<OutboxMessage> _outbox = [];

    public DomainEventConsequences(DateTime now) => Now = now;

    /// <summary>The save's time (UTC), from <see cref="TimeProvider"/>.</summary>
    public DateTime Now { get; }

    public IReadOnlyList<AuditRecord> AuditRecords => _audit;

    public IReadOnlyList<OutboxMessage> OutboxMessages => _outbox;

    /// <summary>Writes <paramref name="record"/> to the audit log with the change.</summary>
    public void Audit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _audit.Add(record);
    }

    /// <summary>
    /// Writes an outbox row of <paramref name="type"/> with the change; the <see cref="IOutboxHandler"/>
    /// of that type delivers <paramref name="payload"/> after the commit. The same message twice in one
    /// save (two events asking for the same consequence) is written once.
    /// </summary>
    public void Outbox<T>(string type, T payload)
    {
        var json = JsonSerializer.Serialize(payload, Json);
        if (_outbox.Exists(m => m.Type == type && m.Payload == json))
            return;
        _outbox.Add(OutboxMessage.Create(type, json, Now));
    }
}

/// <summary>
/// Turns domain events into consequences inside the save's transaction. Each feature has its own
/// (audit, stories, publishing); a handler ignores the events that are not its business. Handlers
/// must not touch the database: what they return is written by the save.
/// </summary>
public interface IDomainEventHandler
{
    void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences);
}

/// <summary>
/// For the events of the entities a save stores: before the save, writes their audit entries and
/// outbox rows in the same transaction and clears the events; after the commit, hands the new
/// outbox rows to the <see cref="OutboxDispatcher"/> and waits for it, so that a service returns
/// after the consequences happened (the next request sees a fresh public site).
/// </summary>
internal sealed class DomainEventsInterceptor(
    IEnumerable<IDomainEventHandler> handlers, TimeProvider clock, OutboxDispatcher dispatcher) : SaveChangesInterceptor
{
    private readonly IDomainEventHandler[] _handlers = handlers.ToArray();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A synchronous save leaves delivery to the background service: blocking on it here could
    // dead-lock a caller's synchronization context. Nothing in the app saves synchronously.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) => result;

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsroomDbContext db && db.Database.CurrentTransaction is null)
            await DeliverAsync(db);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Delivers what <paramref name="db"/> committed; the caller's cancellation does not stop it (the change happened).</summary>
    internal async Task DeliverAsync(NewsroomDbContext db)
    {
        if (db.UndeliveredOutbox.Count == 0)
            return;
        var messages = db.UndeliveredOutbox.ToArray();
        db.UndeliveredOutbox.Clear();
        await dispatcher.DeliverClaimedAsync(messages, CancellationToken.None);
    }

    private static void Forget(DbContext? context)
    {
        // Not saved: the rows stay tracked (a retried save stores them, the background service delivers them).
        if (context is NewsroomDbContext db)
            db.UndeliveredOutbox.Clear();
    }

    private void Collect(DbContext? context)
    {
        if (context is not NewsroomDbContext db)
            return;
        var sources = db.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(e => e.Entity)
            .Where(e => e.DomainEvents.Count > 0)
            .ToList();
        if (sources.Count == 0)
            return;
        var consequences = new DomainEventConsequences(clock.GetUtcNow().UtcDateTime);
        foreach (var source in sources)
        {
            var recorded = source.DomainEvents.ToList();
            // Cleared now, not after the commit: a failed save is thrown away with its tracked
            // consequences (ChangeTracker.Clear), and a retried one must not write them twice.
            source.ClearDomainEvents();
            foreach (var domainEvent in recorded)
                foreach (var handler in _handlers)
                    handler.Handle(domainEvent, consequences);
        }
        // The address of the person whose request (or circuit) made the change, as the audit log
        // always had it; none for the scheduler and tools.
        var address = db.Scope?.GetService<IAuditClient>()?.IpAddress;
        foreach (var record in consequences.AuditRecords)
            db.AuditEntries.Add(AuditEntry.Create(record, consequences.Now, address));
        foreach (var message in EventBusOutboxHandler.OneRowPerSave(consequences.OutboxMessages, consequences.Now))
        {
            message.ClaimForItsSave(consequences.Now + OutboxDispatcher.ClaimTime);
            db.OutboxMessages.Add(message);
            db.UndeliveredOutbox.Add(message);
        }
    }
}

/// <summary>A save inside an explicit transaction delivers its outbox rows when the transaction commits.</summary>
internal sealed class OutboxAfterCommitInterceptor(DomainEventsInterceptor saves) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsroomDbContext db)
            await saves.DeliverAsync(db);
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is NewsroomDbContext db)
            db.UndeliveredOutbox.Clear();
    }

    public override Task TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The contexts of a DI scope: each knows its scope, so its saves audit with that scope's client
/// address. Singletons use the root factory (<see cref="DomainEventsHostingExtensions.RootContexts"/>).
/// </summary>
internal sealed class ScopedNewsroomContexts(IDbContextFactory<NewsroomDbContext> root, IServiceProvider scope)
    : IDbContextFactory<NewsroomDbContext>
{
    public NewsroomDbContext CreateDbContext()
    {
        var db = root.CreateDbContext();
        db.Scope = scope;
        return db;
    }

    public async Task<NewsroomDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var db = await root.CreateDbContextAsync(cancellationToken);
        db.Scope = scope;
        return db;
    }
}
