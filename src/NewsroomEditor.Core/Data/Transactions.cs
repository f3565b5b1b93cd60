using Microsoft.EntityFrameworkCore;

namespace NewsroomEditor.Core.Data;

/// <summary>
/// The one way the app opens a transaction of its own (several saves, or Identity calls, that must
/// stand or fall together): inside the provider's execution strategy. SQL Server and PostgreSQL
/// retry transient failures, and a retrying strategy refuses a transaction begun outside it,
/// since it could not replay it; so the strategy runs the whole unit, transaction included, and a
/// retry starts it again from its first statement. SQLite's strategy just runs it once.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when <paramref name="commit"/>
    /// says so of its result (by default always) and rolled back otherwise or when it throws.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, Func<T, bool>? commit = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (commit is null || commit(result))
                await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);
}
