using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Audit;

/// <summary>Where the current request comes from, as far as the audit log is concerned.</summary>
public interface IAuditClient
{
    /// <summary>The client's IP address, or null when no person's request is being served (the scheduler, a tool).</summary>
    string? IpAddress { get; }
}

/// <summary>Hosts without HTTP (tests of the Core, tools): no client address.</summary>
internal sealed class NoAuditClient : IAuditClient
{
    public string? IpAddress => null;
}

/// <summary>
/// The audit log in the database: each record becomes one <see cref="AuditEntry"/>, stamped with
/// the time from <see cref="TimeProvider"/> and the address from <see cref="IAuditClient"/>.
/// </summary>
public sealed partial class AuditLog(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    IAuditClient client,
    ILogger<AuditLog> logger) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var entry = AuditEntry.Create(record, clock.GetUtcNow().UtcDateTime, client.IpAddress);
        // Callers record after their change is saved, so the caller's cancellation (a closed tab)
        // must not lose the record of what already happened; and a failing write must not turn
        // the saved change into an error for the person who made it. The operator's log keeps it.
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            LogNotRecorded(logger, e, entry.Action, entry.ActorId, entry.ActorName, entry.Target, entry.Details, entry.IpAddress);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Audit entry NOT recorded: {Action} by {ActorId} ({ActorName}) on {Target}: {Details} from {IpAddress}")]
    private static partial void LogNotRecorded(
        ILogger logger, Exception exception, string action, string? actorId, string? actorName, string? target, string details, string? ipAddress);
}

/// <summary>
/// Keeps the audit log append-only for the whole app: a save that would change or delete an
/// <see cref="AuditEntry"/> is refused before it reaches the database.
/// </summary>
internal sealed class AuditAppendOnlyInterceptor : SaveChangesInterceptor
{
    public static AuditAppendOnlyInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        EnsureAppendOnly(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        EnsureAppendOnly(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void EnsureAppendOnly(DbContext? context)
    {
        if (context is null)
            return;
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: an entry is never changed or deleted.");
    }
}
