using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Stories.Search;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// The story list's search over the real SQLite full-text index: ranking, highlighting, paging with
/// the filters, and the index following every change of a story's text.
/// </summary>
public sealed class StorySearchTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await _host.CreateActorAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await _host.CreateActorAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Headline_matches_come_first_then_lead_then_body()
    {
        var inBody = await WriteAsync("Tin thời tiết", "Dự báo cho cả tuần.", "Mưa lớn gây lũ lụt ở vùng trũng. Lũ lụt kéo dài.");
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
        // Typed without tones, both match; neither is preferred for its diacritics.
        Assert.Equal(2, (await SearchAsync("duong")).TotalCount);
    }

    [Fact]
    public async Task Every_word_must_occur_each_as_the_start_of_a_word()
    {
        var meeting = await WriteAsync("Hội nghị Ban Chấp hành", "Sáng nay.", "Thảo luận.");
        await WriteAsync("Hội chợ xuân", "Sáng nay.", "Khai mạc.");

        Assert.Equal([meeting], (await SearchAsync("hoi ngh")).Items.Select(i => i.Id));
        Assert.Equal(2, (await SearchAsync("HỘI")).TotalCount);
        // "oi" is inside "hội", not the start of a word.
        Assert.Equal(0, (await SearchAsync("oi")).TotalCount);
        Assert.Equal(0, (await SearchAsync("hội xuân nghị")).TotalCount);
    }

    [Theory]
    [InlineData("\"", 0)]
    [InlineData("hội\" OR \"", 0)]
    [InlineData("NEAR(hội nghị)", 0)]
    [InlineData("*", 0)]
    [InlineData("- hội", 1)]
    [InlineData("{Headline}: hội", 0)]
    [InlineData("hội^ \"nghị", 1)]
    [InlineData("'); DROP TABLE Stories; --", 0)]
    [InlineData("🙂 !!!", 0)]
    public async Task Whatever_is_typed_is_searched_as_words_never_as_query_syntax(string typed, int found)
    {
        await WriteAsync("Hội nghị Ban Chấp hành", "Sáng nay.", "Thảo luận.");

        Assert.Equal(found, (await SearchAsync(typed)).TotalCount);
        Assert.Equal(1, (await SearchAsync("")).TotalCount);
    }

    [Fact]
    public async Task Invisible_format_characters_are_no_part_of_a_word()
    {
        var isolated = await WriteAsync("\u2066Thủ tướng\u2067 phát biểu", "Tin thời sự.", "Nội dung.");
        var softHyphen = await WriteAsync("Chuyện phi\u00ADlê cá", "Tin ẩm thực.", "Nội dung.");

        Assert.Equal("thu tuong phat bieu", SearchText.Fold("\u2066Thủ tướng\u2067 phát biểu"));
        Assert.Equal("a b", SearchText.Fold("a\u200Bb"));
        Assert.Equal([isolated], (await SearchAsync("thu tuong")).Items.Select(i => i.Id));
        Assert.Equal([softHyphen], (await SearchAsync("phile")).Items.Select(i => i.Id));
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
    public async Task Matched_words_are_marked_in_the_headline_and_a_passage_as_written()
    {
        await WriteAsync("Đường lên Sa Pa", "Du lịch mùa đông.", string.Join(' ', Enumerable.Repeat("Trời lạnh và sương mù.", 30)) + " Con đường đèo quanh co.");

        var item = Assert.Single((await SearchAsync("duong")).Items);

        Assert.NotNull(item.Excerpt);
        Assert.Equal([new MarkedRun("Đường", true), new MarkedRun(" lên Sa Pa", false)], item.Excerpt!.Headline);
        var passage = item.Excerpt.Passage;
        Assert.Equal("…", passage[0].Text);
        Assert.Contains(new MarkedRun("đường", true), passage);
        Assert.True(string.Concat(passage.Select(r => r.Text)).Length <= SearchHighlight.PassageLength + 2);
    }

    [Fact]
    public async Task The_index_follows_saves_restores_and_translations()
    {
        var id = await WriteAsync("Bão số ba đổ bộ", "Tin khẩn.", "Gió giật cấp mười.");
        Assert.Equal(1, (await SearchAsync("bao so ba")).TotalCount);

        // A move between the two edits, so that they are two revisions rather than one autosave.
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

        var translation = await Service(s => s.AddTranslationAsync(_editor, id, "en"));
        var english = await Service(s => s.GetAsync(_editor, translation.Id));
        await Service(s => s.SaveAsync(_editor, translation.Id, english.Version, Content("Typhoon makes landfall", "Breaking.", "Gusts of force ten.")));
        var found = await Service(s => s.ListAsync(_editor, new StoryQuery(Search: "typhoon")));
        Assert.Equal([translation.Id], found.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_workflow_move_leaves_the_index_alone_and_a_deleted_story_leaves_it()
    {
        var id = await WriteAsync("Khánh thành cầu mới", "Tin giao thông.", "Cầu dài năm trăm mét.");
        await Service(s => s.TransitionAsync(_lan, id, StoryAction.Submit));
        Assert.Equal(1, await IndexRowsAsync());
        Assert.Equal([id], (await SearchAsync("khanh thanh")).Items.Select(i => i.Id));

        await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.Where(s => s.Id == id).ExecuteDeleteAsync());

        Assert.Equal(0, await IndexRowsAsync());
        Assert.Equal(0, (await SearchAsync("khanh thanh")).TotalCount);
    }

    [Fact]
    public async Task Without_a_full_text_index_the_folded_text_search_finds_and_ranks_the_same()
    {
        var inBody = await WriteAsync("Tin thời tiết", "Dự báo.", "Mưa lớn gây lũ lụt.");
        var inHeadline = await WriteAsync("Lũ lụt ở miền Trung", "Sơ tán.", "Nước dâng.");
        var inLead = await WriteAsync("Sơ tán khẩn cấp", "Lũ lụt buộc dân rời nhà.", "Hỗ trợ.");

        var ranked = await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            return await StorySearch.ByFoldedText(db.Stories, SearchTerms.Parse("lu lut")).Select(s => s.Id).ToListAsync();
        });

        Assert.Equal([inHeadline, inLead, inBody], ranked);
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

    private Task<int> IndexRowsAsync() =>
        _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database
            .SqlQuery<int>($"SELECT count(*) AS Value FROM StorySearchKeys JOIN StorySearch ON StorySearch.rowid = StorySearchKeys.Id").SingleAsync());

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));
}
