// The archive at scale: editor search, editors' pages, public lists, start-up and concurrent
// autosaves on bench/data's generated newsroom, each against its reference in the same run.
// See bench/README.md and run.sh.
//   count --db path                       prints the database's story count (run.sh decides whether to regenerate)
//   --db path --explain "search words"   prints the SQL of a search and of the lists, with query plans and raw times; "save": of an autosave
//   --db path --web folder [--only abcde] [--repetitions N] [--duration S] [--interval S] [--starts N]
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.ArchiveBench;

string? database = null, web = null;
var only = "abcde";
string? explain = null;
int repetitions = 30, starts = 5;
double duration = 120, interval = 5;
var count = args.Length > 0 && args[0] == "count";
for (var i = count ? 1 : 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--db" when i + 1 < args.Length: database = Path.GetFullPath(args[++i]); break;
        case "--web" when i + 1 < args.Length: web = Path.GetFullPath(args[++i]); break;
        case "--only" when i + 1 < args.Length: only = args[++i]; break;
        case "--explain" when i + 1 < args.Length: explain = args[++i]; break;
        case "--repetitions" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0: repetitions = r; i++; break;
        case "--starts" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s) && s > 0: starts = s; i++; break;
        case "--duration" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var d) && d > 0: duration = d; i++; break;
        case "--interval" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0: interval = v; i++; break;
        default:
            Console.Error.WriteLine("usage: count --db path | --db path --web folder [--only abcde] [--repetitions 30] [--duration 120] [--interval 5] [--starts 5]");
            return 2;
    }
}
if (database is null || !File.Exists(database))
{
    Console.Error.WriteLine($"{database ?? "--db"}: no such database; generate it with bench/data/run.sh.");
    return count ? 0 : 1;
}
if (count)
{
    Console.WriteLine(Archive.StoryCount(database));
    return 0;
}

var stories = Archive.StoryCount(database);
Console.WriteLine($"{stories:N0} stories in {database} ({new FileInfo(database).Length / 1024.0 / 1024.0:N0} MB); {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var table = new ResultTable();
Console.WriteLine(ResultTable.Header);
var work = Directory.CreateTempSubdirectory("newsroom-archive-bench-").FullName;
try
{
    // The product's own start-up first (DatabaseInitializer: migrations not yet applied to a database
    // generated before them, as the app would apply them), so that every figure sees today's schema.
    var migrating = System.Diagnostics.Stopwatch.StartNew();
    await using (var services = Archive.CoreServices(database, new CommandCapture()))
    await using (var scope = services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<NewsroomEditor.Core.Data.DatabaseInitializer>().InitializeAsync();
    SqliteConnection.ClearAllPools();
    Console.Error.WriteLine($"database initialized (migrations applied if any were pending): {migrating.ElapsedMilliseconds} ms");

    List<Person> people;
    using (var connection = Archive.Open(database))
        people = Archive.People(connection);
    var editor = people.First(p => p.Role == NewsroomEditor.Core.Accounts.Roles.Editor);
    var capture = new CommandCapture();
    if (explain is not null)
    {
        await using var services = Archive.CoreServices(database, capture);
        if (explain.StartsWith("sql:", StringComparison.Ordinal))
            Explain.Sql(database, File.ReadAllText(explain[4..]), Environment.GetEnvironmentVariable("MATCH") ?? "");
        else if (explain == "save")
            await Explain.SaveAsync(services, capture, database, editor);
        else
            await Explain.RunAsync(services, capture, database, editor, explain);
        return 0;
    }

    if (only.Contains('a') || only.Contains('c') || only.Contains('e'))
    {
        await using var services = Archive.CoreServices(database, capture);
        if (only.Contains('a'))
            await EditorSearch.RunAsync(services, capture, database, editor, table, repetitions);
        if (only.Contains('c'))
            await PublicLists.RunAsync(services, capture, database, table, Math.Max(repetitions, 100));
        if (only.Contains('e'))
            await Autosaves.RunAsync(services, database, people, table, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(interval));
    }
    SqliteConnection.ClearAllPools();

    if (only.Contains('b') || only.Contains('d'))
    {
        if (web is null || !File.Exists(Path.Combine(web, "NewsroomEditor.Web.dll")))
        {
            Console.Error.WriteLine($"--web {web}: no NewsroomEditor.Web.dll; build src/NewsroomEditor.Web in Release.");
            return 1;
        }
        var empty = await Archive.CreateEmptyAsync(database, Path.Combine(work, "empty"));
        SqliteConnection.ClearAllPools();
        if (only.Contains('d'))
            await AppPages.StartupAsync(web, database, empty, work, table, starts);
        if (only.Contains('b'))
            await AppPages.RunAsync(web, database, empty, work, editor, table, repetitions);
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

table.Print();
Console.WriteLine(table.Missed == 0 ? "\nevery target met" : $"\n{table.Missed} target(s) missed");
return 0;
