using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace NewsroomEditor.EditorBench;

/// <summary>A server process's memory after a full, blocking garbage collection.</summary>
/// <param name="GcHeapBytes">What the GC heap holds after the collection: live managed objects (all generations, LOH, POH).</param>
/// <param name="RssBytes">The process's resident set (VmRSS) right after it: managed, native, code, and what the GC keeps committed.</param>
public sealed record ServerMemory(long GcHeapBytes, long RssBytes)
{
    /// <summary>
    /// Forces a full GC in <paramref name="pid"/> the way dotnet-gcdump does, with no switch in the
    /// app: an EventPipe session over the diagnostics socket every .NET process opens, asking for the
    /// runtime's GCHeapCollect keyword, which makes the runtime run an induced, blocking gen-2
    /// collection. The heap's size is read from that collection's GCHeapStats event.
    /// </summary>
    public static async Task<ServerMemory> MeasureAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var fullGcStarted = false;
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += (GCStartTraceData e) =>
        {
            if (e.Depth == 2)
                fullGcStarted = true;
        };
        source.Clr.GCHeapStats += (GCHeapStatsTraceData e) =>
        {
            if (fullGcStarted)
                heap.TrySetResult(e.TotalHeapSize);
        };
        var processing = Task.Run(source.Process);
        var finished = await Task.WhenAny(heap.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        var rss = ReadRss(pid);
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
        }
        await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(10)));
        if (finished != heap.Task)
            throw new TimeoutException($"Process {pid} ran no full GC within a minute of being asked.");
        return new ServerMemory(await heap.Task, rss);
    }

    /// <summary>VmRSS from /proc/PID/status, in bytes.</summary>
    public static long ReadRss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }
}
