using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsroomEditor.ArchiveBench;

/// <summary>A SQL command as EF Core sent it: its text and its parameters' names, types and values.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, SqliteType Type, object? Value)> Parameters)
{
    /// <summary>How long the command took as EF Core measured it (until its reader was open, or its rows written).</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The same command on a raw connection, with the same parameters.</summary>
    public SqliteCommand On(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Text;
        foreach (var (name, type, value) in Parameters)
            command.Parameters.Add(new SqliteParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}

/// <summary>
/// Records the commands EF Core sends while <see cref="Capture"/> is on in the calling flow (an
/// AsyncLocal, so other flows' commands stay out), for the raw references to run the very SQL.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private readonly AsyncLocal<List<CapturedCommand>?> _current = new();

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent, in order.</summary>
    public async Task<IReadOnlyList<CapturedCommand>> Capture(Func<Task> action)
    {
        var commands = new List<CapturedCommand>();
        _current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            _current.Value = null;
        }
        return commands;
    }

    private readonly AsyncLocal<CapturedCommand?> _last = new();

    private void Record(DbCommand command)
    {
        if (_current.Value is not { } commands)
            return;
        var parameters = command.Parameters.Cast<SqliteParameter>()
            .Select(p => (p.ParameterName, p.SqliteType, p.Value is DBNull ? null : p.Value))
            .ToList();
        var captured = new CapturedCommand(command.CommandText, parameters);
        _last.Value = captured;
        lock (commands)
            commands.Add(captured);
    }

    private void Executed(CommandExecutedEventData eventData)
    {
        if (_current.Value is not null && _last.Value is { } last)
            last.Duration = eventData.Duration;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Executed(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(eventData);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
