using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NewsroomEditor.ArchiveBench;

/// <summary>
/// The real app, started from its Release build in Production on a data folder, as
/// bench/public/run.sh starts it. Only prerendered HTML is fetched, so the static web assets a
/// build-output Production start lacks do not matter.
/// </summary>
public sealed partial class App : IAsyncDisposable
{
    private readonly Process _process;

    private App(Process process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
    }

    public Uri Address { get; }

    public string DataFolder { get; }

    /// <summary>
    /// Starts the app on <paramref name="databaseFile"/> (its keys and media in
    /// <paramref name="dataFolder"/>) and returns when <c>/</c>, the public home, first answers 200,
    /// with how long that took from the process start.
    /// </summary>
    public static async Task<(App App, double StartupMs)> StartAsync(string webFolder, string databaseFile, string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(webFolder, "NewsroomEditor.Web.dll"), "--urls", address.ToString().TrimEnd('/'), "--contentRoot", webFolder },
            WorkingDirectory = webFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Storage__DataFolder"] = dataFolder,
                ["ConnectionStrings__Newsroom"] = Archive.ConnectionString(databaseFile),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var log = new System.Text.StringBuilder();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new App(process, address, dataFolder);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                break;
            try
            {
                using var response = await client.GetAsync(address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await response.Content.ReadAsByteArrayAsync();
                    return (app, watch.Elapsed.TotalMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(20);
        }
        await app.DisposeAsync();
        lock (log)
            throw new InvalidOperationException($"The app did not serve / within 120 s:\n{log}");
    }

    /// <summary>A browser signed in through the real sign-in form: its antiforgery token and cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await client.GetStringAsync("/Account/Login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>GETs a page's whole HTML; anything but 200 (a redirect to sign-in, an error) ends the run.</summary>
    public static async Task<int> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var html = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} ({response.Headers.Location}).");
        return html.Length;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}

/// <summary>(b) The editors' pages and (d) the start-up, on the archive against an empty newsroom with the same people.</summary>
public static class AppPages
{
    private static readonly (string Label, string Path)[] Pages =
    [
        ("story list /stories", "/stories"),
        ("review queue /review", "/review"),
        ("dashboard /newsroom", "/newsroom"),
    ];

    public static async Task StartupAsync(string webFolder, string archiveFile, string emptyFile, string work, ResultTable table, int rounds)
    {
        var (archive, empty) = (new Timings(), new Timings());
        for (var i = 0; i < rounds; i++)
        {
            // Alternately, each start on its own: a start-up takes both cores.
            foreach (var (file, timings, name) in i % 2 == 0
                ? new[] { (archiveFile, archive, "archive"), (emptyFile, empty, "empty") }
                : new[] { (emptyFile, empty, "empty"), (archiveFile, archive, "archive") })
            {
                var (app, ms) = await App.StartAsync(webFolder, file, Path.Combine(work, $"app-{name}-{i}"));
                timings.Add(ms);
                await app.DisposeAsync();
            }
        }
        table.Add("(d) start-up to first 200 from / (public home)", archive, empty, "empty database", maxP95: null, maxRatio: 1.5, note: $"{rounds} starts each");
    }

    public static async Task RunAsync(string webFolder, string archiveFile, string emptyFile, string work, Person editor, ResultTable table, int repetitions)
    {
        var (archiveApp, _) = await App.StartAsync(webFolder, archiveFile, Path.Combine(work, "app-archive"));
        await using var archiveDisposal = archiveApp;
        var (emptyApp, _) = await App.StartAsync(webFolder, emptyFile, Path.Combine(work, "app-empty"));
        await using var emptyDisposal = emptyApp;
        using var archiveClient = await archiveApp.SignInAsync(editor.Email, Archive.Password);
        using var emptyClient = await emptyApp.SignInAsync(editor.Email, Archive.Password);
        foreach (var (label, path) in Pages)
        {
            var bytes = await App.PageAsync(archiveClient, path);
            var emptyBytes = await App.PageAsync(emptyClient, path);
            var (ours, reference) = await Timings.PairedAsync(
                () => App.PageAsync(archiveClient, path), () => App.PageAsync(emptyClient, path), warmUp: 5, repetitions);
            table.Add($"(b) {label}, editor, HTML", ours, reference, "empty database", maxP95: 100, maxRatio: 3,
                note: $"{bytes / 1024.0:0} KB vs {emptyBytes / 1024.0:0} KB");
        }
    }
}
