using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Media;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;
using Xunit.Abstractions;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>
/// The lists as they must behave at 100,000 stories, checked without timing anything: the SQL each
/// service sends (captured as sent, parameters and all) is put to SQLite's EXPLAIN QUERY PLAN over
/// the migrated database. A list reads its page off the index named for it, which serves both its
/// filter and its order (no table scan, no temporary B-tree to sort), and never reads a story's
/// body or search text.
/// </summary>
public sealed class ListQueryPlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] HeavyColumns = ["\"BodyJson\"", "\"BodyText\"", "\"SearchIndex\""];

    private readonly SqlCapture _sql = new();
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(services: s => s.ConfigureDbContext<NewsroomDbContext>(o => o.AddInterceptors(_sql)));
        _lan = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        // A published story with a tag (a tag page asks for its tag's name first), one waiting for review.
        var published = await DraftAsync("Hội nghị Ban Chấp hành Đảng bộ tỉnh", ["Hội nghị"]);
        await Service(s => s.TransitionAsync(_lan, published.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, published.Id, StoryAction.Publish));
        var waiting = await DraftAsync("Giá lúa tăng", []);
        await Service(s => s.TransitionAsync(_lan, waiting.Id, StoryAction.Submit));
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<IMediaService>().UploadAsync("lua.jpg", new MemoryStream(TestImages.Jpeg(400, 300))));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task The_home_page_reads_its_page_off_the_language_index() =>
        AssertListAsync("IX_Stories_State_Language_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().LatestAsync("vi", 2));

    [Fact]
    public Task A_section_page_reads_its_page_off_the_section_index() =>
        AssertListAsync("IX_Stories_State_Language_SectionId_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().SectionAsync("vi", "thoi-su", 2));

    /// <summary>A tag is matched inside the story's tag column, which no index can seek: the page walks the language index newest first and stops after a page.</summary>
    [Fact]
    public Task A_tag_page_walks_the_language_index_in_its_order() =>
        AssertListAsync("IX_Stories_State_Language_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().TagAsync("vi", "hoi-nghi", 2));

    [Fact]
    public Task The_language_feed_reads_off_the_language_index() =>
        AssertListAsync("IX_Stories_State_Language_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().FeedAsync("vi"));

    [Fact]
    public Task A_section_feed_reads_off_the_section_index() =>
        AssertListAsync("IX_Stories_State_Language_SectionId_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().FeedAsync("vi", "thoi-su"));

    [Fact]
    public Task The_sitemap_reads_off_the_published_index() =>
        AssertListAsync("IX_Stories_State_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().AllAsync(limit: 50_000));

    [Fact]
    public Task The_news_sitemap_seeks_its_two_days_on_the_published_index() =>
        AssertListAsync("IX_Stories_State_PublishedAt_Id", sp => sp.GetRequiredService<IPublishedStories>().AllAsync(DateTime.UtcNow.AddDays(-2), 1_000));

    [Fact]
    public Task The_review_queue_reads_its_page_off_the_review_index() =>
        AssertListAsync("IX_Stories_State_SubmittedAt_Id", sp => StoryServices.From(sp).ReviewQueueAsync(_editor, page: 1));

    [Fact]
    public Task The_media_library_reads_its_page_off_the_upload_time_index() =>
        AssertListAsync("IX_MediaAssets_UploadedAt_Id", sp => sp.As(_lan).GetRequiredService<IMediaService>().ListAsync(new MediaQuery(Page: 1)));

    [Fact]
    public Task My_media_reads_its_page_off_the_uploader_index() =>
        AssertListAsync("IX_MediaAssets_UploaderId_UploadedAt_Id", sp => sp.As(_lan).GetRequiredService<IMediaService>().ListAsync(new MediaQuery(MineOnly: true, Page: 1)));

    /// <summary>
    /// The dashboard's lists (my recent, the review queue's oldest, recently published) come from
    /// the story summaries, each off its index without a sort; only the per-state count groups.
    /// </summary>
    [Theory]
    [InlineData(Roles.Editor, "IX_Stories_AuthorId_UpdatedAt", "IX_Stories_State_SubmittedAt_Id", "IX_Stories_State_PublishedAt_Id")]
    [InlineData(Roles.Reporter, "IX_Stories_AuthorId_UpdatedAt", "IX_Stories_AuthorId_State_PublishedAt")]
    public async Task The_dashboard_reads_its_lists_of_summaries_off_indexes(string role, params string[] indexes)
    {
        var actor = role == Roles.Editor ? _editor : _lan;

        var commands = await CaptureAsync(sp => StoryServices.From(sp).DashboardAsync(actor));

        var lists = commands.Where(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.Equal(indexes.Length, lists.Count);
        foreach (var command in commands)
        {
            AssertReadsNoHeavyColumns(command);
            AssertNoTableScan(await PlanAsync(command));
        }
        for (var i = 0; i < lists.Count; i++)
        {
            var plan = await PlanAsync(lists[i]);
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            AssertUses(plan, indexes[i]);
        }
    }

    /// <summary>
    /// Every command of the call reads through an index and reads no heavy column; none sorts in a
    /// temporary B-tree; the page itself (the command with LIMIT) uses <paramref name="index"/>.
    /// </summary>
    private async Task AssertListAsync(string index, Func<IServiceProvider, Task> call)
    {
        var commands = await CaptureAsync(call);

        var page = Assert.Single(commands, c => c.Sql.Contains("LIMIT", StringComparison.Ordinal) && !c.Sql.Contains("\"TagList\"", StringComparison.Ordinal));
        foreach (var command in commands)
        {
            AssertReadsNoHeavyColumns(command);
            var plan = await PlanAsync(command);
            AssertNoTableScan(plan);
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            if (command == page)
                AssertUses(plan, index);
        }
    }

    private static void AssertUses(IReadOnlyList<string> plan, string index) =>
        Assert.Contains(plan, line => line.Contains($"INDEX {index} ", StringComparison.Ordinal) || line.EndsWith($"INDEX {index}", StringComparison.Ordinal));

    private static void AssertReadsNoHeavyColumns(CapturedCommand command)
    {
        foreach (var column in HeavyColumns)
            Assert.False(command.Sql.Contains(column, StringComparison.Ordinal), $"The list reads {column}:\n{command.Sql}");
    }

    /// <summary>
    /// Stories and media are read through an index, the sections by their key. A page joined to
    /// its sections is a subquery (SQLite's co-routine): the scan of its dozen rows, in the order
    /// they come, is no table scan.
    /// </summary>
    private static void AssertNoTableScan(IReadOnlyList<string> plan)
    {
        var subqueries = plan.Where(l => l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || l.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        foreach (var line in plan.Where(l => l.StartsWith("SCAN ", StringComparison.Ordinal) || l.StartsWith("SEARCH ", StringComparison.Ordinal)))
        {
            if (line.StartsWith("SCAN ", StringComparison.Ordinal) && subqueries.Contains(line["SCAN ".Length..]))
                continue;
            Assert.True(line.Contains(" USING ", StringComparison.Ordinal), $"A full table scan: {line}");
        }
    }

    /// <summary>The commands that read stories or media during <paramref name="call"/>, in a scope of their own.</summary>
    private async Task<IReadOnlyList<CapturedCommand>> CaptureAsync(Func<IServiceProvider, Task> call)
    {
        _sql.Start();
        await _host.InScopeAsync(call);
        var commands = _sql.Stop()
            .Where(c => c.Sql.Contains("FROM \"Stories\"", StringComparison.Ordinal) || c.Sql.Contains("FROM \"MediaAssets\"", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(commands);
        return commands;
    }

    /// <summary>SQLite's plan of <paramref name="command"/>, run with its own parameters on the test's database.</summary>
    private async Task<IReadOnlyList<string>> PlanAsync(CapturedCommand command)
    {
        var connectionString = await _host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<NewsroomDbContext>().Database.GetConnectionString()!));
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        }
        output.WriteLine(command.Sql.ReplaceLineEndings(" "));
        foreach (var line in plan)
            output.WriteLine("  " + line);
        return plan;
    }

    private async Task<Story> DraftAsync(string headline, IReadOnlyList<string> tags)
    {
        var sectionId = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Where(s => s.SlugVi == "thoi-su").Select(s => s.Id).SingleAsync());
        var story = await Service(s => s.CreateAsync(_lan, "vi", sectionId));
        await Service(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content(headline) with { SectionId = sectionId, Tags = tags }));
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id));
        return story;
    }

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the queries sent while started, with their parameters, to be explained afterwards.</summary>
    private sealed class SqlCapture : DbCommandInterceptor
    {
        private readonly List<CapturedCommand> _commands = [];
        private bool _started;

        public void Start()
        {
            lock (_commands)
            {
                _commands.Clear();
                _started = true;
            }
        }

        public IReadOnlyList<CapturedCommand> Stop()
        {
            lock (_commands)
            {
                _started = false;
                return [.. _commands];
            }
        }

        private void Keep(DbCommand command)
        {
            lock (_commands)
            {
                if (_started)
                    _commands.Add(new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Keep(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Keep(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return ValueTask.FromResult(result);
        }
    }
}
