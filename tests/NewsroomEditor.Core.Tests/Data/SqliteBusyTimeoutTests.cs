using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>
/// SQLite waits for a busy database itself, on every connection the app opens, for as long as a
/// command may take (30 s): Microsoft.Data.Sqlite's own retries sleep 150 ms at a time, which made
/// racing autosaves slow and could let "database is locked" reach a writer (NothingLostTests).
/// </summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_a_busy_database_for_the_command_timeout()
    {
        await using var host = await CoreTestHost.StartAsync();

        var timeouts = await host.InScopeAsync(async sp =>
        {
            var found = new List<long>();
            var contexts = sp.GetRequiredService<IDbContextFactory<NewsroomDbContext>>();
            for (var i = 0; i < 2; i++)
            {
                // A pooled connection is opened again for each context: the setting must come with each opening.
                await using var db = await contexts.CreateDbContextAsync();
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout";
                found.Add((long)(await command.ExecuteScalarAsync())!);
                await db.Database.CloseConnectionAsync();
            }
            return found;
        });

        Assert.Equal([30_000L, 30_000L], timeouts);
    }
}
