using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsroomEditor.EditorBench;

public sealed record StoryRow(string Email, Guid Id, int Words);

public sealed record MeasureOptions(
    string EditorUrl, int EditorPid, string CounterUrl, int CounterPid, string StoriesFile,
    IReadOnlyList<int> Counts, int TypingSeconds, int TypingChars, int HoldSeconds)
{
    public static MeasureOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i]] = args[i + 1];
        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
        int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
        return new MeasureOptions(
            Get("--editor"), Int(Get("--editor-pid")), Get("--counter"), Int(Get("--counter-pid")), Get("--stories"),
            (values.GetValueOrDefault("--counts") ?? "25,50,100").Split(',').Select(Int).Order().ToList(),
            Int(values.GetValueOrDefault("--typing-seconds") ?? "60"),
            Int(values.GetValueOrDefault("--typing-chars") ?? "300"),
            Int(values.GetValueOrDefault("--hold-seconds") ?? "0"));
    }
}

/// <summary>One memory figure: the server's memory with <see cref="Circuits"/> pages open, above the baseline.</summary>
public sealed record MemoryPoint(int Circuits, ServerMemory Memory, ServerMemory Baseline)
{
    public double HeapPerCircuit => (Memory.GcHeapBytes - Baseline.GcHeapBytes) / (double)Circuits;
    public double RssPerCircuit => (Memory.RssBytes - Baseline.RssBytes) / (double)Circuits;
}

public static class Measurement
{
    /// <summary>Pages opened at once while filling the server: two cores, one browser, one server.</summary>
    private const int OpenInParallel = 3;
    private const double Kb = 1024, Mb = 1024 * 1024;

    public static async Task<int> RunAsync(MeasureOptions options)
    {
        var stories = (await File.ReadAllLinesAsync(options.StoriesFile))
            .Select(line => line.Split('\t'))
            .Select(f => new StoryRow(f[0], Guid.Parse(f[1]), int.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
        var editorStories = stories.Where(s => s.Words == Seeding.EditorWords).ToList();
        if (editorStories.Count < options.Counts.Max())
            throw new ArgumentException($"{editorStories.Count} stories seeded for {options.Counts.Max()} editors.");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        var rows = new List<string>();
        Log($"Counter: {options.CounterUrl} (pid {options.CounterPid})");
        var counter = await MemoryRunAsync(browser, options.CounterPid, options.Counts, i => OpenCounterAsync(browser, options.CounterUrl));
        Log($"Editor: {options.EditorUrl} (pid {options.EditorPid})");
        var editor = await MemoryRunAsync(browser, options.EditorPid, options.Counts, i => OpenEditorAsync(browser, options.EditorUrl, editorStories[i]), options.HoldSeconds);

        rows.Add($"| figure | value | reference | ratio | target | met? |");
        rows.Add("|---|---|---|---|---|---|");
        rows.Add($"| server after a full GC, no page open (GC heap / RSS) | {Mib(editor.Baseline.GcHeapBytes)} / {Mib(editor.Baseline.RssBytes)} | Counter: {Mib(counter.Baseline.GcHeapBytes)} / {Mib(counter.Baseline.RssBytes)} | {Ratio(editor.Baseline.RssBytes, counter.Baseline.RssBytes)} (RSS) | — | — |");
        foreach (var (e, c) in editor.Points.Zip(counter.Points))
        {
            rows.Add($"| GC heap per open editor, N = {e.Circuits} | {Kib(e.HeapPerCircuit)} | Counter: {Kib(c.HeapPerCircuit)} | {Ratio(e.HeapPerCircuit, c.HeapPerCircuit)} | ≤ 4× | {Met(e.HeapPerCircuit <= 4 * c.HeapPerCircuit)} |");
            rows.Add($"| RSS per open editor, N = {e.Circuits} | {Kib(e.RssPerCircuit)} | Counter: {Kib(c.RssPerCircuit)} | {Ratio(e.RssPerCircuit, c.RssPerCircuit)} | ≤ 4× | {Met(e.RssPerCircuit <= 4 * c.RssPerCircuit)} |");
        }
        var last = editor.Points[^1];
        var lastCounter = counter.Points[^1];
        // The slope between the smallest and the largest N: what one more page costs, without the
        // fixed costs the first pages pay (pools, caches, buffers that grow once).
        var (heapSlope, rssSlope) = Slope(editor.Points);
        var (heapSlopeCounter, rssSlopeCounter) = Slope(counter.Points);
        var span = $"N = {editor.Points[0].Circuits} → {last.Circuits}";
        rows.Add($"| GC heap per open editor, slope {span} | {Kib(heapSlope)} | Counter: {Kib(heapSlopeCounter)} | {Ratio(heapSlope, heapSlopeCounter)} | ≤ 4× | {Met(heapSlope <= 4 * heapSlopeCounter)} |");
        rows.Add($"| RSS per open editor, slope {span} | {Kib(rssSlope)} | Counter: {Kib(rssSlopeCounter)} | {Ratio(rssSlope, rssSlopeCounter)} | ≤ 4× | {Met(rssSlope <= 4 * rssSlopeCounter)} |");
        double Thousand(MemoryPoint point, double slope) => point.Memory.RssBytes + (1000 - point.Circuits) * slope;
        var thousand = Thousand(last, rssSlope);
        var thousandCounter = Thousand(lastCounter, rssSlopeCounter);
        rows.Add($"| 1,000 editors, RSS (at N = {last.Circuits}, + the slope for each more) | {Mib(thousand)} | Counter: {Mib(thousandCounter)} | {Ratio(thousand, thousandCounter)} | ≤ 2,048 MB | {Met(thousand <= 2048 * Mb)} |");
        var thousandHeap = last.Memory.GcHeapBytes + (1000 - last.Circuits) * heapSlope;
        rows.Add($"| 1,000 editors, GC heap (the same way) | {Mib(thousandHeap)} | Counter: {Mib(lastCounter.Memory.GcHeapBytes + (1000 - lastCounter.Circuits) * heapSlopeCounter)} | — | — | — |");

        // Typing: one signed-in typist, nothing else open.
        var shortStory = stories.Single(s => s.Words == Seeding.ShortWords);
        var longStory = stories.Single(s => s.Words == Seeding.LongWords);
        var shortTyping = await TypingLatencyAsync(browser, options.EditorUrl, shortStory, options.TypingChars);
        var longTyping = await TypingLatencyAsync(browser, options.EditorUrl, longStory, options.TypingChars);
        rows.Add($"| keystroke → next paint, median, {Seeding.LongWords:N0} words | {Ms(longTyping.Median)} | {Seeding.ShortWords} words: {Ms(shortTyping.Median)} | {Ratio(longTyping.Median, shortTyping.Median)} | ≤ 1.5× | {Met(longTyping.Median <= 1.5 * shortTyping.Median)} |");
        rows.Add($"| keystroke → next paint, p95, {Seeding.LongWords:N0} words ({longTyping.Count} keys) | {Ms(longTyping.P95)} | {Seeding.ShortWords} words: {Ms(shortTyping.P95)} | {Ratio(longTyping.P95, shortTyping.P95)} | ≤ 1.5× and ≤ 16 ms | {Met(longTyping.P95 <= 1.5 * shortTyping.P95 && longTyping.P95 <= 16)} |");
        rows.Add($"| keystroke → next paint, max, {Seeding.LongWords:N0} words | {Ms(longTyping.Max)} | {Seeding.ShortWords} words: {Ms(shortTyping.Max)} | {Ratio(longTyping.Max, shortTyping.Max)} | — | — |");
        rows.Add($"| keystrokes whose Event Timing duration ≥ 16 ms, {Seeding.LongWords:N0} words | {longTyping.SlowEvents} of {longTyping.Count} | {Seeding.ShortWords} words: {shortTyping.SlowEvents} of {shortTyping.Count} | — | — | — |");

        var traffic = await TypingTrafficAsync(browser, options.EditorUrl, longStory, options.TypingSeconds);
        var perMinute = 60.0 / traffic.Seconds;
        rows.Add($"| WebSocket frames while typing, {Seeding.LongWords:N0} words ({traffic.Seconds:0} s) | {traffic.Frames * perMinute:0}/min | {traffic.Keystrokes * perMinute:0} keystrokes/min | {traffic.Frames / (double)traffic.Keystrokes:0.00} a keystroke | no message per keystroke | {Met(traffic.PerKeystrokeKinds.Count == 0)} |");
        foreach (var (kind, count) in traffic.ByKind.OrderByDescending(k => k.Value))
            rows.Add($"| · {kind} | {count * perMinute:0}/min | | {count / (double)traffic.Keystrokes:0.00} a keystroke | | |");

        Console.WriteLine($"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; editors of {Seeding.EditorWords:N0}-word stories vs the Blazor template's Counter page");
        foreach (var row in rows)
            Console.WriteLine(row);
        if (traffic.PerKeystrokeKinds.Count > 0)
            Console.WriteLine($"\nmessages at least every other keystroke: {string.Join(", ", traffic.PerKeystrokeKinds)}");
        return 0;
    }

    private sealed record MemoryRun(ServerMemory Baseline, List<MemoryPoint> Points);

    /// <summary>
    /// Warms the server with two pages (JIT, caches), closes them, takes the baseline, then opens
    /// pages up to each count in turn (the earlier ones stay open) and measures with them all open.
    /// </summary>
    private static async Task<MemoryRun> MemoryRunAsync(IBrowser browser, int pid, IReadOnlyList<int> counts, Func<int, Task<IBrowserContext>> open, int holdSeconds = 0)
    {
        var warm = new[] { await open(0), await open(1) };
        foreach (var context in warm)
            await CloseAsync(context);
        // A closed tab says goodbye to its circuit, which is disposed at once; a little time for it.
        await Task.Delay(3000);
        var baseline = await ServerMemory.MeasureAsync(pid);
        Log($"  baseline: GC heap {Mib(baseline.GcHeapBytes)}, RSS {Mib(baseline.RssBytes)}");
        var contexts = new List<IBrowserContext>();
        var points = new List<MemoryPoint>();
        try
        {
            foreach (var count in counts)
            {
                var started = DateTime.UtcNow;
                while (contexts.Count < count)
                {
                    var batch = Enumerable.Range(contexts.Count, Math.Min(OpenInParallel, count - contexts.Count)).Select(open).ToList();
                    contexts.AddRange(await Task.WhenAll(batch));
                }
                // Let the circuits' first renders, timers and JS calls settle.
                await Task.Delay(5000);
                var memory = await ServerMemory.MeasureAsync(pid);
                var point = new MemoryPoint(count, memory, baseline);
                points.Add(point);
                Log($"  {count} pages (opened in {(DateTime.UtcNow - started).TotalSeconds:0} s): GC heap {Mib(memory.GcHeapBytes)} ({Kib(point.HeapPerCircuit)} a page), RSS {Mib(memory.RssBytes)} ({Kib(point.RssPerCircuit)} a page)");
            }
            if (holdSeconds > 0)
            {
                // Time to look inside the server with every page open (dotnet-gcdump, dotnet-counters).
                Log($"  holding {contexts.Count} pages open for {holdSeconds} s (server pid {pid})");
                await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
            }
        }
        finally
        {
            foreach (var context in contexts)
                await CloseAsync(context);
        }
        return new MemoryRun(baseline, points);
    }

    private static (double Heap, double Rss) Slope(List<MemoryPoint> points)
    {
        if (points.Count < 2)
            return (points[0].HeapPerCircuit, points[0].RssPerCircuit);
        var (first, last) = (points[0], points[^1]);
        var pages = (double)(last.Circuits - first.Circuits);
        return ((last.Memory.GcHeapBytes - first.Memory.GcHeapBytes) / pages, (last.Memory.RssBytes - first.Memory.RssBytes) / pages);
    }

    private static async Task CloseAsync(IBrowserContext context)
    {
        foreach (var page in context.Pages.ToList())
            await page.CloseAsync(new() { RunBeforeUnload = true });
        await context.CloseAsync();
    }

    private static async Task<IBrowserContext> OpenCounterAsync(IBrowser browser, string baseUrl)
    {
        var context = await NewContextAsync(browser, baseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/counter");
        // The circuit is up once a click counts: before that the template's button does nothing.
        var status = page.GetByRole(AriaRole.Status);
        for (var attempt = 0; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Click me" }).ClickAsync();
            try
            {
                await Assertions.Expect(status).Not.ToHaveTextAsync("Current count: 0", new() { Timeout = 1000 });
                return context;
            }
            catch (PlaywrightException) when (attempt < 60)
            {
            }
        }
    }

    /// <summary>Signs in as the story's author and opens its editor; done when the body editor has reported its first state.</summary>
    private static async Task<IBrowserContext> OpenEditorAsync(IBrowser browser, string baseUrl, StoryRow story)
    {
        // On a machine shared with other work a sign-in has taken over a minute: such a page is
        // tried again in a fresh context (its server-side circuit, if any, ends with it).
        for (var attempt = 1; ; attempt++)
        {
            var context = await NewContextAsync(browser, baseUrl);
            try
            {
                var page = await context.NewPageAsync();
                await OpenEditorPageAsync(page, story);
                return context;
            }
            catch (TimeoutException e) when (attempt < 3)
            {
                Log($"  {story.Email}: {e.Message.Split('\n')[0]}; trying again");
                await CloseAsync(context);
            }
        }
    }

    private static async Task OpenEditorPageAsync(IPage page, StoryRow story)
    {
        var path = $"/stories/{story.Id}";
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.GetByLabel("Email").FillAsync(story.Email);
        await page.GetByLabel("Password").FillAsync(Seeding.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-circuit=on]").WaitForAsync();
        // The module has mounted (it sets data-unsaved) and its first state has made the round trip
        // through the circuit (the toolbar's count).
        await page.Locator(".story-editor[data-unsaved]").WaitForAsync();
        await Assertions.Expect(page.Locator(".editor-count")).ToHaveTextAsync(new Regex("[1-9]"));
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public sealed record Latency(int Count, double Median, double P95, double Max, int SlowEvents);

    /// <summary>
    /// In the page: for each keydown, from the event's own time stamp (when the browser received the
    /// key) to the first task after the next animation frame, that is, after the frame that shows the
    /// letter has been painted. The Event Timing API's duration (to the next paint, in 8 ms steps,
    /// reported only from 16 ms) counts the slow ones as a cross-check.
    /// </summary>
    private const string LatencyProbe = """
        () => {
          window.__keyLatencies = [];
          window.__slowKeys = 0;
          document.addEventListener('keydown', (e) => {
            const start = e.timeStamp;
            requestAnimationFrame(() => setTimeout(() => window.__keyLatencies.push(performance.now() - start), 0));
          }, true);
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (entry.name === 'keydown' && entry.duration >= 16) window.__slowKeys++;
          }).observe({ type: 'event', durationThreshold: 16 });
          // Where long frames (over 50 ms) spent their time: scripts by what started them, and style and layout.
          window.__longFrames = { count: 0, total: 0, styleAndLayout: 0, scripts: {} };
          new PerformanceObserver((list) => {
            for (const frame of list.getEntries()) {
              const summary = window.__longFrames;
              summary.count++;
              summary.total += frame.duration;
              if (frame.styleAndLayoutStart) summary.styleAndLayout += frame.startTime + frame.duration - frame.styleAndLayoutStart;
              for (const script of frame.scripts) {
                const key = `${script.invokerType} ${script.invoker} ${script.sourceFunctionName || ''}`.trim();
                summary.scripts[key] = (summary.scripts[key] || 0) + script.duration;
              }
            }
          }).observe({ type: 'long-animation-frame' });
        }
        """;

    /// <summary>English words: every character is a key with its own keydown (Playwright inserts others without one).</summary>
    private const string Words = "the council met this morning to vote on the new budget for roads schools and hospitals across the province and the members agreed ";

    private static async Task<Latency> TypingLatencyAsync(IBrowser browser, string baseUrl, StoryRow story, int chars)
    {
        var context = await NewContextAsync(browser, baseUrl);
        try
        {
            var page = await context.NewPageAsync();
            await OpenEditorPageAsync(page, story);
            await PlaceCursorMidBodyAsync(page);
            await page.EvaluateAsync(LatencyProbe);
            var text = Repeat(chars);
            // A key every 100 ms: each letter's frame is measured on its own, not queued behind the last.
            await page.Keyboard.TypeAsync(text, new() { Delay = 100 });
            await Task.Delay(1000);
            var latencies = (await page.EvaluateAsync<double[]>("() => window.__keyLatencies")).Order().ToArray();
            var slow = await page.EvaluateAsync<int>("() => window.__slowKeys");
            Log($"  long animation frames, {story.Words} words: " + await page.EvaluateAsync<string>("() => JSON.stringify(window.__longFrames)"));
            var result = new Latency(latencies.Length, Percentile(latencies, 0.5), Percentile(latencies, 0.95), latencies[^1], slow);
            Log($"typing, {story.Words} words: {result.Count} keys, median {Ms(result.Median)}, p95 {Ms(result.P95)}, max {Ms(result.Max)}, Event Timing ≥ 16 ms: {slow}");
            return result;
        }
        finally
        {
            await CloseAsync(context);
        }
    }

    /// <summary>The cursor at the end of the body's middle paragraph: typing there, the editor has half the story after it.</summary>
    private static async Task PlaceCursorMidBodyAsync(IPage page)
    {
        var paragraphs = page.Locator("[data-editor-surface] .ProseMirror > p");
        var count = await paragraphs.CountAsync();
        await paragraphs.Nth(count / 2).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
    }

    private static string Repeat(int chars)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length < chars)
            text.Append(Words);
        return text.ToString(0, chars);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public sealed record Traffic(double Seconds, int Keystrokes, int Frames, Dictionary<string, int> ByKind, List<string> PerKeystrokeKinds);

    /// <summary>
    /// Steady typing for <paramref name="seconds"/> (a key every 150 ms, about 80 words a minute, a
    /// fast typist), counting the circuit's WebSocket frames both ways meanwhile, by what they carry.
    /// </summary>
    private static async Task<Traffic> TypingTrafficAsync(IBrowser browser, string baseUrl, StoryRow story, int seconds)
    {
        var context = await NewContextAsync(browser, baseUrl);
        try
        {
            var page = await context.NewPageAsync();
            var counting = false;
            var kinds = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            page.WebSocket += (_, socket) =>
            {
                socket.FrameSent += (_, frame) => { if (counting) kinds.AddOrUpdate(Kind(frame, sent: true), 1, (_, n) => n + 1); };
                socket.FrameReceived += (_, frame) => { if (counting) kinds.AddOrUpdate(Kind(frame, sent: false), 1, (_, n) => n + 1); };
            };
            await OpenEditorPageAsync(page, story);
            await PlaceCursorMidBodyAsync(page);
            await Task.Delay(3000);
            var keys = 0;
            var started = DateTime.UtcNow;
            counting = true;
            while ((DateTime.UtcNow - started).TotalSeconds < seconds)
            {
                await page.Keyboard.TypeAsync(Words, new() { Delay = 150 });
                keys += Words.Length;
            }
            counting = false;
            var elapsed = (DateTime.UtcNow - started).TotalSeconds;
            var byKind = new Dictionary<string, int>(kinds);
            var frames = byKind.Values.Sum();
            var perKeystroke = byKind.Where(k => k.Value * 2 >= keys).Select(k => k.Key).ToList();
            Log($"traffic, {story.Words} words: {keys} keys in {elapsed:0} s, {frames} frames: {string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}"))}");
            return new Traffic(elapsed, keys, frames, byKind, perKeystroke);
        }
        finally
        {
            await CloseAsync(context);
        }
    }

    /// <summary>
    /// What a Blazor Server frame carries, from the SignalR hub method and the interop identifiers in
    /// it (the "blazorpack" MessagePack protocol keeps them as plain strings).
    /// </summary>
    private static string Kind(IWebSocketFrame frame, bool sent)
    {
        var bytes = frame.Binary ?? System.Text.Encoding.UTF8.GetBytes(frame.Text ?? "");
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        bool Has(string s) => text.Contains(s, StringComparison.Ordinal);
        if (bytes.Length <= 8 && !Has("JS."))
            return sent ? "browser → server: ping" : "server → browser: ping";
        if (sent)
        {
            if (Has("OnEditorStateChanged")) return "browser → server: toolbar state (OnEditorStateChanged)";
            if (Has("OnBodyChanged")) return "browser → server: body-changed ping (OnBodyChanged)";
            if (Has("OnRenderCompleted")) return "browser → server: render acknowledged";
            if (Has("EndInvokeJSFromDotNet")) return "browser → server: answer to a .NET call";
            if (Has("ReceiveJSDataChunk")) return "browser → server: body stream (save)";
            if (Has("BeginInvokeDotNetFromJS")) return "browser → server: other JS → .NET call";
            return "browser → server: other";
        }
        if (Has("JS.RenderBatch")) return "server → browser: render batch";
        if (Has("JS.BeginInvokeJS")) return "server → browser: .NET → JS call";
        if (Has("JS.EndInvokeDotNet")) return "server → browser: answer to a JS call";
        return "server → browser: other";
    }

    private static void Log(string message) => Console.Error.WriteLine(message);

    private static string Mib(double bytes) => $"{bytes / Mb:0.0} MB";

    private static string Kib(double bytes) => $"{bytes / Kb:N0} KB";

    private static string Ms(double ms) => $"{ms:0.0} ms";

    private static string Ratio(double value, double reference) => reference == 0 ? "—" : $"{value / reference:0.00}×";

    private static string Met(bool met) => met ? "yes" : "**no**";
}
