// A newsroom's ten years of archive, for benchmarks at scale: see bench/README.md and run.sh.
//   [--stories N] [--out path/newsroom.db] [--seed S]   creates the database with the product's migrations and fills it
//   --verify [--out path/newsroom.db]                   opens it with the Core: counts, consistency checks, a few timed queries
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.DataBench;

var stories = 100_000;
var output = "out/newsroom.db";
var seed = 20261201;
var verify = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--stories" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            stories = n; i++; break;
        case "--out" when i + 1 < args.Length:
            output = args[++i]; break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
            seed = s; i++; break;
        case "--verify":
            verify = true; break;
        default:
            Console.Error.WriteLine("usage: [--stories N (100000)] [--out path/newsroom.db (out/newsroom.db)] [--seed S] | --verify [--out path]");
            return 2;
    }
}

var databaseFile = Path.GetFullPath(output);
if (verify)
{
    if (!File.Exists(databaseFile))
    {
        Console.Error.WriteLine($"{databaseFile} does not exist; generate it first.");
        return 1;
    }
    await using var checkServices = CoreServices(databaseFile);
    return await ArchiveCheck.RunAsync(checkServices);
}

Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-journal" })
    File.Delete(file);

var total = Stopwatch.StartNew();
await using var services = CoreServices(databaseFile);

// The product's own start-up: migrations of the SQLite set, WAL, roles and the default sections.
await using (var scope = services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
Console.WriteLine($"migrated and seeded by DatabaseInitializer: {total.ElapsedMilliseconds} ms");

var text = new ArchiveText();
var people = await Newsroom.CreatePeopleAsync(services, new Random(seed), ArchiveStories.Start.AddDays(-30));
var sections = await Newsroom.CreateSectionsAsync(services);
var (tagsVi, tagsEn) = ArchiveText.Tags(new Random(seed + 1), 500);
Console.WriteLine($"{people.Count} people, {sections.Count} sections, {tagsVi.Count + tagsEn.Count} tags: {total.ElapsedMilliseconds} ms");

// The bulk load writes in one rollback-journal file with no fsync (a crash means running again);
// the database is put back in WAL, as the app keeps it, at the end.
SqliteConnection.ClearAllPools();
Execute(databaseFile, "PRAGMA journal_mode=DELETE;");
var contexts = services.GetRequiredKeyedService<IDbContextFactory<NewsroomDbContext>>(DomainEventsHostingExtensions.RootContexts);

var assets = Newsroom.CreateAssets(people, text, new Random(seed + 2), 20_000, ArchiveStories.Start.AddDays(-20), ArchiveStories.End.AddDays(-1));
foreach (var asset in assets)
    asset.ClearDomainEvents();
foreach (var chunk in assets.Chunk(5_000))
    BulkWriter.Write(contexts, chunk);
Console.WriteLine($"{assets.Count} media assets: {total.ElapsedMilliseconds} ms");

var archive = new ArchiveStories(seed + 3, stories, text, people, sections, tagsVi, tagsEn,
    assets.Select(a => new AssetRef(a.Id, a.UploadedAt, a.AltText.Length > 0, a.Caption)));
assets.Clear();

// One thread makes the stories with the model while this one writes the previous batch.
using var batches = new BlockingCollection<List<NewsroomEditor.Core.Stories.Story>>(boundedCapacity: 3);
var producer = Task.Run(() =>
{
    try
    {
        foreach (var batch in archive.Batches(2_000))
            batches.Add(batch);
    }
    finally
    {
        batches.CompleteAdding();
    }
});
var written = 0;
var writing = Stopwatch.StartNew();
var writeTime = TimeSpan.Zero;
foreach (var batch in batches.GetConsumingEnumerable())
{
    var started = writing.Elapsed;
    BulkWriter.Write(contexts, batch);
    writeTime += writing.Elapsed - started;
    written += batch.Count;
    if (written % 10_000 < batch.Count || written == stories)
        Console.WriteLine($"  {written:N0} stories: {total.Elapsed.TotalSeconds:F1} s (writing {writeTime.TotalSeconds:F1} s of it)");
}
await producer;

SqliteConnection.ClearAllPools();
Execute(databaseFile, "PRAGMA journal_mode=WAL;");
Console.WriteLine($"{written:N0} stories in {total.Elapsed.TotalSeconds:F1} s; {new FileInfo(databaseFile).Length / 1024.0 / 1024.0:F0} MB at {databaseFile}");
return 0;

static ServiceProvider CoreServices(string databaseFile)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataFolder"] = Path.GetDirectoryName(databaseFile),
        ["ConnectionStrings:Newsroom"] = new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 30, Pooling = true }.ToString(),
    });
    builder.Services.AddLogging();
    builder.AddNewsroomCore();
    var provider = builder.Services.BuildServiceProvider();
    provider.CheckSettings();
    return provider;
}

static void Execute(string databaseFile, string sql)
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
