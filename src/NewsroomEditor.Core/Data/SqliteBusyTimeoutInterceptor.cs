using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsroomEditor.Core.Data;

/// <summary>
/// Lets SQLite itself wait for a busy database (<c>PRAGMA busy_timeout</c>) on every connection.
/// Without it only Microsoft.Data.Sqlite retries, sleeping 150 ms between attempts: two autosaves
/// meeting on the write lock cost one of them 150 ms or more, twenty writers at once pushed the
/// slowest saves to seconds, and a writer unlucky at every retry could reach the command timeout
/// and see "database is locked". SQLite's own handler retries within a few milliseconds.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = BusyTimeout(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The connection string's Default Timeout (30 s here), which is also the commands' own limit.
    private static string BusyTimeout(SqliteConnection connection) =>
        $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000};";
}
