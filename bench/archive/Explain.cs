using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.ArchiveBench;

/// <summary>
/// For finding why a figure is what it is: the SQL EF Core sends for a story search and for the
/// public lists, each command's query plan and its time when run raw.
/// </summary>
public static class Explain
{
    public static async Task RunAsync(ServiceProvider services, CommandCapture capture, string databaseFile, Person editor, string search)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(editor.Actor);
        var queries = scope.ServiceProvider.GetRequiredService<IStoryQueries>();
        var published = services.GetRequiredService<IPublishedStories>();
        var calls = new (string Label, Func<Task> Call)[]
        {
            ($"ListAsync(Search: \"{search}\")", () => queries.ListAsync(new StoryQuery(Search: search))),
            ("ListAsync()", () => queries.ListAsync(new StoryQuery())),
            ("ReviewQueueAsync()", () => queries.ReviewQueueAsync()),
            ("DashboardAsync()", () => queries.DashboardAsync()),
            ("LatestAsync(vi, 1)", () => published.LatestAsync("vi", 1)),
            ("SectionAsync(vi, kinh-te, 1)", () => published.SectionAsync("vi", "kinh-te", 1)),
        };
        foreach (var (label, call) in calls)
        {
            await call();
            var commands = await capture.Capture(call);
            Console.WriteLine($"## {label}: {commands.Count} commands");
            using var connection = Archive.Open(databaseFile);
            foreach (var captured in commands)
            {
                var times = Enumerable.Range(0, 5).Select(_ => Time(connection, captured)).Order().ToList();
                Console.WriteLine($"-- raw {times[2]:0.00} ms (median of 5); parameters: {string.Join(", ", captured.Parameters.Select(p => $"{p.Name}={p.Value}"))}");
                Console.WriteLine(captured.Text);
                using var plan = captured.On(connection);
                plan.CommandText = "EXPLAIN QUERY PLAN " + captured.Text;
                using var reader = plan.ExecuteReader();
                while (reader.Read())
                    Console.WriteLine($"   plan: {reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}");
                Console.WriteLine();
            }
        }
    }

    /// <summary>One autosave of an in-review story by an editor, as the editor page makes it: each command and its time.</summary>
    public static async Task SaveAsync(ServiceProvider services, CommandCapture capture, string databaseFile, Person editor)
    {
        Guid id;
        using (var connection = Archive.Open(databaseFile))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Stories WHERE State = 'InReview' ORDER BY Id DESC LIMIT 1";
            id = Guid.Parse((string)command.ExecuteScalar()!);
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(editor.Actor);
        var queries = scope.ServiceProvider.GetRequiredService<IStoryQueries>();
        var writing = scope.ServiceProvider.GetRequiredService<IStoryWriting>();
        var leases = scope.ServiceProvider.GetRequiredService<EditLeaseService>();
        var story = await queries.GetAsync(id);
        await leases.AcquireAsync(id);
        var original = story.Content;
        var version = story.Version;
        for (var n = 0; n < 3; n++)
        {
            var content = original with { Lead = original.Lead + " Thêm " + n };
            var watch = Stopwatch.StartNew();
            SaveResult? saved = null;
            var commands = await capture.Capture(async () => saved = await writing.SaveAsync(id, version, content));
            Console.WriteLine($"## save {n + 1}: {watch.Elapsed.TotalMilliseconds:0.0} ms, {commands.Count} commands");
            foreach (var c in commands)
                Console.WriteLine($"-- {c.Duration.TotalMilliseconds:0.00} ms: {c.Text.ReplaceLineEndings(" ")[..Math.Min(300, c.Text.Length)]}");
            if (n == 0)
                using (var connection = Archive.Open(databaseFile))
                    foreach (var c in commands.Take(1))
                    {
                        Console.WriteLine(c.Text);
                        using var plan = c.On(connection);
                        plan.CommandText = "EXPLAIN QUERY PLAN " + c.Text;
                        using var reader = plan.ExecuteReader();
                        while (reader.Read())
                            Console.WriteLine($"   plan: {reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}");
                    }
            version = saved!.Version;
        }
        var current = await queries.GetAsync(id);
        await writing.SaveAsync(id, current.Version, original);
        await leases.ReleaseAsync(id);
    }

    /// <summary>A hand-written statement (<c>@q</c> bound to <paramref name="match"/>): its plan and its median time of 5.</summary>
    public static void Sql(string databaseFile, string sql, string match)
    {
        using var connection = Archive.Open(databaseFile);
        var captured = new CapturedCommand(sql, [("@q", SqliteType.Text, match)]);
        using (var plan = captured.On(connection))
        {
            plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = plan.ExecuteReader();
            while (reader.Read())
                Console.WriteLine($"   plan: {reader.GetInt32(0)}/{reader.GetInt32(1)} {reader.GetString(3)}");
        }
        var times = Enumerable.Range(0, 5).Select(_ => Time(connection, captured)).Order().ToList();
        Console.WriteLine($"-- {times[2]:0.00} ms (median of 5; {string.Join(", ", times.Select(t => t.ToString("0.0")))})");
    }

    private static double Time(SqliteConnection connection, CapturedCommand captured)
    {
        var watch = Stopwatch.StartNew();
        using var command = captured.On(connection);
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        while (reader.Read())
            reader.GetValues(values);
        return watch.Elapsed.TotalMilliseconds;
    }
}
