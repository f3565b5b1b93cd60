using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>A first start (migrations, seed, data fix-ups) runs no query Entity Framework warns about.</summary>
public class StartupQueryWarningTests
{
    [Fact]
    public async Task A_first_start_runs_no_row_limited_query_without_an_order()
    {
        var warnings = new WarningRecorder();

        await using var host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(warnings));

        Assert.DoesNotContain(warnings.Entries, w => w.EventId.Id == CoreEventId.RowLimitingOperationWithoutOrderByWarning.Id);
        Assert.Empty(warnings.Entries.Where(w => w.Category.StartsWith("Microsoft.EntityFrameworkCore.Query", StringComparison.Ordinal)).Select(w => w.Message));
    }

    private sealed record Warning(string Category, EventId EventId, string Message);

    private sealed class WarningRecorder : ILoggerProvider
    {
        private readonly ConcurrentQueue<Warning> _entries = new();

        public IReadOnlyCollection<Warning> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

        public void Dispose() { }

        private sealed class Recorder(string category, ConcurrentQueue<Warning> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    entries.Enqueue(new Warning(category, eventId, formatter(state, exception)));
            }
        }
    }
}
