using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// The story list's search on a real PostgreSQL server, over the tsvector columns PostgreSQL
/// generates from each write: the scenarios of <see cref="StorySearchTests"/> that depend on the
/// database (ranking, prefixes, hostile input, the index following saves and deletes, filters).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSearchTests(PostgreSqlServer server) : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartOnPostgreSqlAsync(await server.CreateDatabaseAsync());
        _lan = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_search_runs_on_PostgreSql_over_vectors_outside_the_model()
    {
        var (provider, inModel) = await _host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            return Task.FromResult((db.Database.ProviderName, db.Model.FindEntityType(typeof(Story))!.FindProperty("SearchVector")));
        });

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.Null(inModel);
    }

    [Fact]
    public async Task Headline_matches_come_first_then_lead_then_body()
    {
        // However often the body repeats the words, once in the lead ranks higher.
        var inBody = await WriteAsync("Tin thời tiết", "Dự báo cho cả tuần.", string.Join(' ', Enumerable.Repeat("Mưa lớn gây lũ lụt ở vùng trũng. Lũ lụt kéo dài.", 20)));
        var inHeadline = await WriteAsync("Lũ lụt ở miền Trung", "Người dân sơ tán.", "Nước dâng nhanh.");
        var inLead = await WriteAsync("Sơ tán khẩn cấp", "Lũ lụt buộc hàng nghìn hộ dân rời nhà.", "Chính quyền hỗ trợ.");

        var page = await SearchAsync("lu lut");

        Assert.Equal([inHeadline, inLead, inBody], page.Items.Select(i => i.Id));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task A_word_typed_with_its_tones_ranks_the_exact_word_above_ones_that_only_fold_to_it()
    {
        var duong = await WriteAsync("Ông Dương nhận giải", "Tin văn hóa.", "Buổi lễ diễn ra tối qua.");
        var road = await WriteAsync("Con đường mới mở", "Tin giao thông.", "Đường dài ba cây số.");

        Assert.Equal([road, duong], (await SearchAsync("đường")).Items.Select(i => i.Id));
        Assert.Equal([duong, road], (await SearchAsync("dương")).Items.Select(i => i.Id));
        Assert.Equal([road, duong], (await SearchAsync("ĐƯỜNG")).Items.Select(i => i.Id));
        Assert.Equal(2, (await SearchAsync("duong")).TotalCount);
    }

    [Fact]
    public async Task Every_word_must_occur_each_as_the_start_of_a_word()
    {
        var meeting = await WriteAsync("Hội nghị Ban Chấp hành", "Sáng nay.", "Thảo luận.");
        await WriteAsync("Hội chợ xuân", "Sáng nay.", "Khai mạc.");

        Assert.Equal([meeting], (await SearchAsync("hoi ngh")).Items.Select(i => i.Id));
        Assert.Equal(2, (await SearchAsync("HỘI")).TotalCount);
        Assert.Equal(0, (await SearchAsync("oi")).TotalCount);
        Assert.Equal(0, (await SearchAsync("hội xuân nghị")).TotalCount);
    }

    [Fact]
    public async Task Words_split_where_the_app_splits_them_not_where_PostgreSqls_parser_would()
    {
        // PostgreSQL's parser alone keeps "tin_moi.html", "lan@baomoi.vn" and "covid-19" as single tokens.
        var story = await WriteAsync("Bản tin “nóng”", "Xem tin_moi.html hoặc hỏi lan@baomoi.vn.", "Ca covid-19 mới…");

        foreach (var typed in new[] { "nong", "“nóng”", "moi html", "baomoi", "vn", "19", "covid 19" })
            Assert.Equal([story], (await SearchAsync(typed)).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("\"", 0)]
    [InlineData("hội\" OR \"", 0)]
    [InlineData("NEAR(hội nghị)", 0)]
    [InlineData("*", 0)]
    [InlineData("- hội", 1)]
    [InlineData("hội^ \"nghị", 1)]
    [InlineData("'); DROP TABLE \"Stories\"; --", 0)]
    [InlineData(":*&|!", 0)]
    [InlineData("hội:* | !nghị", 1)]
    [InlineData("hội' & 'x", 0)]
    [InlineData("\\' hội", 1)]
    [InlineData("🙂 !!!", 0)]
    public async Task Whatever_is_typed_is_searched_as_words_never_as_query_syntax(string typed, int found)
    {
        await WriteAsync("Hội nghị Ban Chấp hành", "Sáng nay.", "Thảo luận.");

        Assert.Equal(found, (await SearchAsync(typed)).TotalCount);
        Assert.Equal(1, (await SearchAsync("")).TotalCount);
    }

    [Fact]
    public async Task Results_page_with_the_count_and_combine_with_the_filters()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
            ids.Add(await WriteAsync($"Bầu cử đại biểu số {i}", "Tin bầu cử.", "Cử tri đi bầu."));
        await WriteAsync("Tin khác", "Không liên quan.", "Gì đó.");
        await Service(s => s.TransitionAsync(_lan, ids[0], StoryAction.Submit));

        var first = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "bau cu", PageSize: 3)));
        var third = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "bau cu", Page: 2, PageSize: 3)));
        var inReview = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "bau cu", State: StoryState.InReview)));
        var english = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "bau cu", Language: "en")));

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(3, first.Items.Count);
        Assert.Single(third.Items);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(third.Items.Select(i => i.Id)));
        Assert.Equal([ids[0]], inReview.Items.Select(i => i.Id));
        Assert.Equal(0, english.TotalCount);
    }

    [Fact]
    public async Task A_reporter_finds_only_their_own_stories()
    {
        var minh = await _host.CreateActorAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        var mine = await WriteAsync("Giá lúa tăng", "Tin nông nghiệp.", "Nông dân phấn khởi.");
        await WriteAsync("Giá lúa giảm", "Tin nông nghiệp.", "Thương lái ép giá.", minh);

        var found = await Service(s => s.ListAsync(_lan, new StoryQuery(Search: "gia lua")));

        Assert.Equal([mine], found.Items.Select(i => i.Id));
        Assert.Equal(1, found.TotalCount);
    }

    [Fact]
    public async Task The_index_follows_saves_restores_and_deletes()
    {
        var id = await WriteAsync("Bão số ba đổ bộ", "Tin khẩn.", "Gió giật cấp mười.");
        Assert.Equal(1, (await SearchAsync("bao so ba")).TotalCount);

        await Service(s => s.TransitionAsync(_lan, id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, id, StoryAction.Withdraw));
        var story = await Service(s => s.GetAsync(_lan, id));
        var edited = await Service(s => s.SaveAsync(_lan, id, story.Version, Content("Áp thấp nhiệt đới", "Tin khẩn.", "Mưa to.")));
        Assert.Equal(0, (await SearchAsync("bao so ba")).TotalCount);
        Assert.Equal([id], (await SearchAsync("ap thap")).Items.Select(i => i.Id));

        var original = (await Service(s => s.RevisionsAsync(_lan, id))).Last(r => r.Headline == "Bão số ba đổ bộ");
        await Service(s => s.RestoreRevisionAsync(_lan, id, original.Number, edited.Version));
        Assert.Equal([id], (await SearchAsync("bao so ba")).Items.Select(i => i.Id));
        Assert.Equal(0, (await SearchAsync("ap thap")).TotalCount);
        Assert.Equal(1, await VectorRowsAsync("bao:* & so:* & ba:*"));

        await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.Where(s => s.Id == id).ExecuteDeleteAsync());

        Assert.Equal(0, await VectorRowsAsync("bao:* & so:* & ba:*"));
        Assert.Equal(0, (await SearchAsync("bao so ba")).TotalCount);
    }

    [Fact]
    public async Task A_body_too_long_for_one_tsvector_saves_and_is_found_by_its_opening_words()
    {
        // 1.3 MB of distinct words: as one tsvector over 1 MB, which PostgreSQL refuses to store.
        var paragraphs = Enumerable.Range(0, 400)
            .Select(p => string.Join(' ', Enumerable.Range(0, 100).Select(w => Convert.ToHexString(
                System.Security.Cryptography.MD5.HashData(BitConverter.GetBytes(p * 100 + w))))))
            .Prepend("Khởi đầu của một bản tin rất dài.")
            .ToList();
        var story = await Service(s => s.CreateAsync(_lan, "vi", 1));
        var content = Content("Bản tin dài", "Tin dài.", "") with { Body = StoryBody.FromParagraphs(paragraphs) };

        var saved = await Service(s => s.SaveAsync(_lan, story.Id, story.Version, content));

        Assert.True(saved.Saved);
        Assert.Equal([story.Id], (await SearchAsync("khoi dau")).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Stories_written_before_the_vectors_existed_are_found_once_migrated()
    {
        var id = await WriteAsync("Khánh thành cầu mới", "Tin giao thông.", "Cầu dài năm trăm mét.");
        await _host.InScopeAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<NewsroomDbContext>().Database;
            // As if the story were older than the migration: without its vectors, then migrated, which computes them from the stored text.
            await migrator.ExecuteSqlRawAsync("""ALTER TABLE "Stories" DROP COLUMN "SearchVector", DROP COLUMN "ExactVector";""");
            await migrator.ExecuteSqlRawAsync("""ALTER TABLE "MediaAssets" DROP COLUMN "SearchVector", DROP COLUMN "ExactVector";""");
            await migrator.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_SearchVectors';""");
            await migrator.MigrateAsync();
        });

        Assert.Equal([id], (await SearchAsync("cau moi")).Items.Select(i => i.Id));
    }

    private static StoryContent Content(string headline, string lead, string body) =>
        StoryFactory.Content(headline) with { Lead = lead, Body = StoryBody.FromParagraphs([body]), Tags = [] };

    private async Task<Guid> WriteAsync(string headline, string lead, string body, Actor? author = null)
    {
        author ??= _lan;
        var story = await Service(s => s.CreateAsync(author, "vi", 1));
        await Service(s => s.SaveAsync(author, story.Id, story.Version, Content(headline, lead, body)));
        return story.Id;
    }

    private Task<StoryPage> SearchAsync(string search) =>
        Service(s => s.ListAsync(_editor, new StoryQuery(Search: search)));

    private Task<int> VectorRowsAsync(string query) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "Stories" WHERE "SearchVector" @@ to_tsquery('simple', {query})""").SingleAsync());

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));
}
