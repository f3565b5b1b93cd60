using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.ArchiveBench;

/// <summary>
/// (a) The editor's story search, <see cref="IStoryQueries.ListAsync"/> as the story list calls it,
/// against the best hand-written FTS5 query for the same MATCH expression on a raw connection.
/// </summary>
public static class EditorSearch
{
    /// <summary>The searches: common words of the generator's vocabulary (bench/data/ArchiveText.cs), rarer topic words, English, none.</summary>
    private static IEnumerable<(string Label, string Query)> Searches(string rare) =>
    [
        ("1 common word, diacritics", "đường"),
        ("2 common words, diacritics", "hội nghị"),
        ("2 common words, typed without diacritics", "ha noi"),
        ("3 common words, diacritics", "quốc lộ bão"),
        ("3 topic words, diacritics", "sốt xuất huyết"),
        ("2 English words", "police rescue"),
        ("1 rare word", rare),
        ("rare + common word", rare + " năm"),
        ("no match", "quarkxylophone"),
    ];

    public static async Task RunAsync(ServiceProvider services, CommandCapture capture, string databaseFile, Person editor, ResultTable table, int repetitions)
    {
        await using var raw = Archive.Open(databaseFile);
        var rare = RareWord(raw);
        foreach (var (label, query) in Searches(rare))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(editor.Actor);
            var queries = scope.ServiceProvider.GetRequiredService<IStoryQueries>();
            StoryPage? page = null;
            var commands = await capture.Capture(async () => page = await queries.ListAsync(new StoryQuery(Search: query)));
            var match = MatchExpression(commands);
            var (top, count) = Reference(databaseFile, match);
            if (count != page!.TotalCount || !top.Take(page.Items.Count).SequenceEqual(page.Items.Select(i => i.Id.ToString())))
                Console.Error.WriteLine($"  note: \"{query}\": the reference found {count} (ours {page.TotalCount}); first ids {(top.Take(page.Items.Count).SequenceEqual(page.Items.Select(i => i.Id.ToString())) ? "agree" : "differ (ties ranked apart)")}");
            var (ours, reference) = await Timings.PairedAsync(
                () => queries.ListAsync(new StoryQuery(Search: query)),
                () => { Reference(databaseFile, match); return Task.CompletedTask; },
                warmUp: 3, repetitions);
            table.Add($"(a) search \"{query}\": {label}, {page.TotalCount:N0} hits", ours, reference, "raw FTS5", maxP95: 50, maxRatio: 3);
        }
    }

    /// <summary>The MATCH expression EF sent: the one string parameter of the command that searches the index.</summary>
    private static string MatchExpression(IReadOnlyList<CapturedCommand> commands) =>
        commands.Where(c => c.Text.Contains("MATCH", StringComparison.Ordinal))
            .SelectMany(c => c.Parameters)
            .Select(p => p.Value).OfType<string>()
            .FirstOrDefault(v => v.Contains('"', StringComparison.Ordinal))
            ?? throw new InvalidOperationException("No FTS5 MATCH among the commands ListAsync sent:\n" + string.Join("\n", commands.Select(c => c.Text)));

    /// <summary>The hand-written search: the top 20 by the product's bm25 weights, and the count, for one MATCH.</summary>
    private static (List<string> Top, int Count) Reference(string databaseFile, string match)
    {
        using var connection = Archive.Open(databaseFile);
        using var top = connection.CreateCommand();
        top.CommandText = """
            SELECT k.StoryId, bm25(StorySearch, 10.0, 4.0, 1.0, 20.0, 8.0, 2.0)
            FROM StorySearch JOIN StorySearchKeys k ON k.Id = StorySearch.rowid
            WHERE StorySearch MATCH @q ORDER BY 2 LIMIT 20
            """;
        top.Parameters.AddWithValue("@q", match);
        var ids = new List<string>();
        using (var reader = top.ExecuteReader())
            while (reader.Read())
            {
                ids.Add(reader.GetString(0).ToLowerInvariant());
                _ = reader.GetDouble(1);
            }
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM StorySearch WHERE StorySearch MATCH @q";
        count.Parameters.AddWithValue("@q", match);
        return (ids, Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A word few stories have (3 to 50), from the index's own vocabulary: one of the generator's
    /// invented words, found at any archive size. The vocabulary table is a temporary one.
    /// </summary>
    private static string RareWord(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.StorySearchVocabulary USING fts5vocab(main, 'StorySearch', 'row');
            SELECT term FROM temp.StorySearchVocabulary
            WHERE doc BETWEEN 3 AND 50 AND length(term) >= 7 AND term NOT GLOB '*[^a-z]*'
            ORDER BY term LIMIT 1 OFFSET 10
            """;
        return command.ExecuteScalar() as string ?? throw new InvalidOperationException("The index has no rare word.");
    }
}
