using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// Keeps every query EF Core sends (text and parameters) while <see cref="Recording"/> is on, and
/// asks SQLite how it runs each one (EXPLAIN QUERY PLAN), for tests of how a query reads the
/// database: the plan, unlike a time, is the same on every machine.
/// </summary>
public sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly List<(string Text, List<(string Name, object? Value)> Parameters)> _queries = [];

    public bool Recording { get; set; }

    public static Action<IServiceCollection> Register(QueryPlanRecorder recorder) =>
        services => services.ConfigureDbContext<NewsroomDbContext>(options => options.AddInterceptors(recorder));

    /// <summary>The plans of the queries recorded, each as its command text and the plan's lines (SQLite's detail column).</summary>
    public IReadOnlyList<(string Sql, IReadOnlyList<string> Plan)> Plans(string dataFolder)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "newsroom.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        var plans = new List<(string, IReadOnlyList<string>)>();
        lock (_queries)
            foreach (var (text, parameters) in _queries)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + text;
                foreach (var (name, value) in parameters)
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                using var reader = command.ExecuteReader();
                var lines = new List<string>();
                while (reader.Read())
                    lines.Add(reader.GetString(3));
                plans.Add((text, lines));
            }
        return plans;
    }

    /// <summary>
    /// The plan lines that read a table of the database in full: a SCAN of anything but a
    /// subquery the plan itself materializes or runs as a co-routine (those hold the rows already found).
    /// </summary>
    public static IEnumerable<string> FullTableReads(IReadOnlyList<string> plan)
    {
        var derived = plan
            .Select(line => line.Split(' '))
            .Where(words => words.Length >= 2 && words[0] is "MATERIALIZE" or "CO-ROUTINE")
            .Select(words => words[1])
            .ToHashSet(StringComparer.Ordinal);
        return plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal)
            && !derived.Contains(line.Split(' ')[1])
            && !line.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal));
    }

    private void Record(DbCommand command)
    {
        if (!Recording || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value)).ToList();
        lock (_queries)
            _queries.Add((command.CommandText, parameters));
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
}
