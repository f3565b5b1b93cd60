using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// Counts what the services cost the database: every DbContext the factory hands out and every SQL
/// command sent. <see cref="Register"/> wires it into a <see cref="CoreTestHost"/>'s services.
/// </summary>
public sealed class DatabaseCostCounter : DbCommandInterceptor
{
    private int _contexts;
    private int _commands;
    private readonly List<string> _log = [];

    public int Contexts => Volatile.Read(ref _contexts);

    public int Commands => Volatile.Read(ref _commands);

    /// <summary>The SQL sent since the last <see cref="Reset"/>, first line of each, for the test's output.</summary>
    public IReadOnlyList<string> Log
    {
        get { lock (_log) return [.. _log]; }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _contexts, 0);
        Interlocked.Exchange(ref _commands, 0);
        lock (_log)
            _log.Clear();
    }

    /// <summary>Counts every context made by the app's factory (Identity's scoped one comes from it too) and every command.</summary>
    public static Action<IServiceCollection> Register(DatabaseCostCounter counter) => services =>
    {
        services.ConfigureDbContext<NewsroomDbContext>(options => options.AddInterceptors(counter));
        var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<NewsroomDbContext>));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(IDbContextFactory<NewsroomDbContext>), sp =>
        {
            var inner = original.ImplementationFactory is { } factory
                ? (IDbContextFactory<NewsroomDbContext>)factory(sp)
                : (IDbContextFactory<NewsroomDbContext>)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return new CountingFactory(inner, counter);
        }, original.Lifetime));
    };

    private void Counted(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        var text = command.CommandText.ReplaceLineEndings(" ");
        lock (_log)
            _log.Add(text.Length > 160 ? text[..160] + "…" : text);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Counted(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Counted(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted(command);
        return ValueTask.FromResult(result);
    }

    private sealed class CountingFactory(IDbContextFactory<NewsroomDbContext> inner, DatabaseCostCounter counter) : IDbContextFactory<NewsroomDbContext>
    {
        public NewsroomDbContext CreateDbContext()
        {
            Interlocked.Increment(ref counter._contexts);
            return inner.CreateDbContext();
        }

        public async Task<NewsroomDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref counter._contexts);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
