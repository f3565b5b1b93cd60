using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.ArchiveBench;

/// <summary>
/// (c) The public home and section lists, <see cref="IPublishedStories"/> in process, against the
/// very SQL EF Core sent for them (captured by an interceptor) run on a raw connection with the
/// same parameters, every column of every row read: what is left is EF's own cost.
/// </summary>
public static class PublicLists
{
    public static async Task RunAsync(ServiceProvider services, CommandCapture capture, string databaseFile, ResultTable table, int repetitions)
    {
        var published = services.GetRequiredService<IPublishedStories>();
        var sections = await published.SectionsAsync();
        var business = sections.First(s => s.SlugVi == "kinh-te");
        var lists = new (string Label, Func<Task> Call)[]
        {
            ("home (latest), vi, page 1", () => published.LatestAsync("vi", 1)),
            ("home (latest), en, page 1", () => published.LatestAsync("en", 1)),
            ("home (latest), vi, page 100", () => published.LatestAsync("vi", 100)),
            ($"section {business.SlugVi}, vi, page 1", () => published.SectionAsync("vi", business.SlugVi, 1)),
            ($"section {business.SlugEn}, en, page 1", () => published.SectionAsync("en", business.SlugEn, 1)),
        };
        foreach (var (label, call) in lists)
        {
            var commands = await capture.Capture(call);
            var (ours, reference) = await Timings.PairedAsync(call, () => { Replay(databaseFile, commands); return Task.CompletedTask; }, warmUp: 5, repetitions);
            table.Add($"(c) public {label}", ours, reference, "raw SQL", maxP95: 5, maxRatio: 5, note: $"{commands.Count} commands");
        }
    }

    /// <summary>Runs the captured commands in order on a pooled connection, as EF opens one per context.</summary>
    public static void Replay(string databaseFile, IReadOnlyList<CapturedCommand> commands)
    {
        using var connection = Archive.Open(databaseFile);
        foreach (var captured in commands)
        {
            using var command = captured.On(connection);
            using var reader = command.ExecuteReader();
            var values = new object[reader.FieldCount];
            while (reader.Read())
                reader.GetValues(values);
        }
    }
}
