using System.Diagnostics;
using System.Globalization;

namespace NewsroomEditor.ArchiveBench;

/// <summary>Times of one thing, in milliseconds, and their percentiles (nearest rank).</summary>
public sealed class Timings
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(double milliseconds)
    {
        lock (_ms)
            _ms.Add(milliseconds);
    }

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0)
                return double.NaN;
            var sorted = _ms.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Times <paramref name="subject"/> and <paramref name="reference"/> alternately (which goes
    /// first swaps every round), after <paramref name="warmUp"/> untimed rounds: on a shared
    /// machine, a busy moment then lands on both instead of on whichever ran during it.
    /// </summary>
    public static async Task<(Timings Subject, Timings Reference)> PairedAsync(
        Func<Task> subject, Func<Task> reference, int warmUp, int repetitions)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await subject();
            await reference();
        }
        var (ours, theirs) = (new Timings(), new Timings());
        for (var i = 0; i < repetitions; i++)
        {
            if (i % 2 == 0)
            {
                ours.Add(await TimeAsync(subject));
                theirs.Add(await TimeAsync(reference));
            }
            else
            {
                theirs.Add(await TimeAsync(reference));
                ours.Add(await TimeAsync(subject));
            }
        }
        return (ours, theirs);
    }
}

/// <summary>The results table: one markdown row per measurement, printed as it is measured and again at the end.</summary>
public sealed class ResultTable
{
    private readonly List<string> _rows = [];

    public const string Header = """
        | measurement | p50 | p95 | reference p50 | reference p95 | ratio (p95 ÷ ref p95) | target | met? |
        |---|---|---|---|---|---|---|---|
        """;

    public int Missed { get; private set; }

    /// <summary>
    /// A row; the target is met when the p95 is within <paramref name="maxP95"/> ms (if given) and
    /// within <paramref name="maxRatio"/> times the reference's p95 (if given).
    /// </summary>
    public void Add(string measurement, Timings subject, Timings reference, string referenceName, double? maxP95, double? maxRatio, string? note = null)
    {
        var ratio = subject.P95 / reference.P95;
        var met = (maxP95 is null || subject.P95 <= maxP95) && (maxRatio is null || ratio <= maxRatio);
        if (!met)
            Missed++;
        var target = string.Join(", ", new[]
        {
            maxP95 is { } ms ? $"p95 ≤ {F(ms)} ms" : null,
            maxRatio is { } r ? $"≤ {F(r)}× {referenceName}" : null,
        }.Where(t => t is not null));
        var row = $"| {measurement}{(note is null ? "" : $" ({note})")} | {F(subject.P50)} ms | {F(subject.P95)} ms | {F(reference.P50)} ms | {F(reference.P95)} ms | {ratio.ToString("0.00", CultureInfo.InvariantCulture)}× | {target} | {(met ? "yes" : "**no**")} |";
        _rows.Add(row);
        Console.WriteLine(row);
    }

    /// <summary>A failure that is not a timing (errors during a run): printed, and counted as a miss.</summary>
    public void MarkMissed(string what)
    {
        Missed++;
        var row = $"| {what} | | | | | | 0 | **no** |";
        _rows.Add(row);
        Console.WriteLine(row);
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(Header);
        foreach (var row in _rows)
            Console.WriteLine(row);
    }

    private static string F(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
