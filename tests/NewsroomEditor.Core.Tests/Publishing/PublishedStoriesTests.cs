using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Publishing;

/// <summary>
/// The public site's only door to stories: what a reader can reach, and what each address leads
/// to (the story, a permanent redirect, gone, or not found), over a real SQLite file.
/// </summary>
public sealed class PublishedStoriesTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;
    private Section _news = default!;
    private Section _economy = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        var sections = await _host.InScopeAsync(sp => sp.GetRequiredService<ISectionCatalog>().ListAsync());
        _news = sections.Single(s => s.SlugVi == "thoi-su");
        _economy = sections.Single(s => s.SlugVi == "kinh-te");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lists_hold_published_stories_only_newest_first()
    {
        var older = await PublishedAsync("Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        var newer = await PublishedAsync("Khánh thành cầu Mỹ Thuận 2");
        await DraftAsync("Bản nháp chưa duyệt");
        var unpublished = await PublishedAsync("Tin đã gỡ");
        await Move(unpublished, StoryAction.Unpublish);
        var scheduled = await DraftAsync("Tin hẹn giờ");
        await Move(scheduled, StoryAction.Submit, _lan);
        await Move(scheduled, StoryAction.Approve);
        await Service(s => s.TransitionAsync(_editor, scheduled.Id, StoryAction.Schedule, publishAt: DateTime.UtcNow.AddDays(1)));

        var home = await Published(p => p.LatestAsync("vi", 1));

        Assert.Equal([newer.Headline, older.Headline], home.Items.Select(i => i.Headline));
        Assert.Equal("thoi-su", home.Items[0].SectionSlug);
        Assert.Equal("Thời sự", home.Items[0].SectionName);
        Assert.Empty((await Published(p => p.LatestAsync("en", 1))).Items);
    }

    [Fact]
    public async Task A_section_page_lists_its_own_stories_and_a_tag_page_finds_the_tag_by_its_slug()
    {
        var news = await PublishedAsync("Hội nghị Ban Chấp hành", tags: ["Hội nghị", "Long An"]);
        await PublishedAsync("Giá lúa tăng", section: _economy, tags: ["Nông nghiệp"]);

        var section = await Published(p => p.SectionAsync("vi", "thoi-su", 1));
        var english = await Published(p => p.SectionAsync("en", "news", 1));
        var tag = await Published(p => p.TagAsync("vi", "hoi-nghi", 1));

        Assert.Equal(news.Id, Assert.Single(section!.Value.Page.Items).Id);
        Assert.Empty(english!.Value.Page.Items);
        Assert.Equal("Hội nghị", tag!.Value.TagName);
        Assert.Equal(news.Id, Assert.Single(tag.Value.Page.Items).Id);
        Assert.Null(await Published(p => p.SectionAsync("vi", "news", 1)));
        Assert.Null(await Published(p => p.TagAsync("vi", "khong-co", 1)));
    }

    [Fact]
    public async Task Pages_hold_a_dozen_stories_and_a_page_past_the_end_shows_the_last()
    {
        for (var i = 0; i < PublishedStories.PageSize + 2; i++)
            await PublishedAsync($"Tin số {i}");

        var first = await Published(p => p.LatestAsync("vi", 1));
        var beyond = await Published(p => p.LatestAsync("vi", 99));

        Assert.Equal(PublishedStories.PageSize, first.Items.Count);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(2, beyond.Page);
        Assert.Equal(2, beyond.Items.Count);
    }

    [Fact]
    public async Task An_article_is_found_by_its_section_and_slug()
    {
        var story = await PublishedAsync("Hội nghị Ban Chấp hành Đảng bộ tỉnh");

        var found = Assert.IsType<ArticleLookup.Found>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "hoi-nghi-ban-chap-hanh-dang-bo-tinh")));

        Assert.Equal(story.Id, found.Article.Story.Id);
        Assert.Equal(_news.Id, found.Article.Section.Id);
    }

    [Fact]
    public async Task An_article_carries_what_its_page_shows_and_not_the_newsrooms_search_columns()
    {
        var story = await PublishedAsync("Hội nghị Ban Chấp hành Đảng bộ tỉnh", tags: ["Hội nghị", "Long An"]);
        var stored = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == story.Id));

        var found = Assert.IsType<ArticleLookup.Found>(await Published(p => p.FindArticleAsync("vi", "thoi-su", stored.Slug)));

        var article = found.Article.Story;
        Assert.Equal(
            (stored.TranslationGroupId, stored.Headline, stored.Lead, stored.BodyJson, stored.Byline, stored.PublishedAt, stored.UpdatedAt),
            (article.TranslationGroupId, article.Headline, article.Lead, article.BodyJson, article.Byline, article.PublishedAt, article.UpdatedAt));
        Assert.Equal(["Hội nghị", "Long An"], article.Tags);
    }

    [Fact]
    public async Task Sections_are_read_once_and_read_again_when_the_whole_site_is_forgotten()
    {
        var story = await PublishedAsync("Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        Assert.Contains(await Published(p => p.SectionsAsync()), s => s.NameVi == "Thời sự");

        // Changed behind the services' back: no event, so nothing forgets what is kept in memory.
        await _host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            (await db.Sections.SingleAsync(s => s.Id == _news.Id)).Rename("Tin trong nước", "Domestic");
            await db.SaveChangesAsync();
        });
        Assert.Contains(await Published(p => p.SectionsAsync()), s => s.NameVi == "Thời sự");

        // What a section change's outbox message does (PublicSiteEvictions): forget everything.
        await _host.InScopeAsync(sp => sp.GetServices<IOutboxHandler>().Single(h => h.Type == PublicSiteEvictionOutboxHandler.MessageType)
            .DeliverAsync("""{"tags":["public-site"]}""", CancellationToken.None));

        var sections = await Published(p => p.SectionsAsync());
        Assert.Contains(sections, s => s.NameVi == "Tin trong nước");
        Assert.DoesNotContain(sections, s => s.NameVi == "Thời sự");
        Assert.Equal(
            new ArticleLookup.Moved("vi", "tin-trong-nuoc", story.Slug),
            await Published(p => p.FindArticleAsync("vi", "thoi-su", story.Slug)));
    }

    [Fact]
    public async Task A_headline_change_after_publishing_leaves_the_old_address_redirecting()
    {
        var story = await PublishedAsync("Hội nghị lần thứ 15");
        await Service(s => s.SaveAsync(_editor, story.Id, story.Version, StoryFactory.Content("Hội nghị lần thứ 16") with { SectionId = _news.Id }));

        var old = await Published(p => p.FindArticleAsync("vi", "thoi-su", "hoi-nghi-lan-thu-15"));
        var current = await Published(p => p.FindArticleAsync("vi", "thoi-su", "hoi-nghi-lan-thu-16"));

        Assert.Equal(new ArticleLookup.Moved("vi", "thoi-su", "hoi-nghi-lan-thu-16"), old);
        Assert.IsType<ArticleLookup.Found>(current);
    }

    [Fact]
    public async Task Before_publication_a_headline_change_leaves_no_old_address()
    {
        var draft = await DraftAsync("Tiêu đề tạm");
        await Service(s => s.SaveAsync(_lan, draft.Id, draft.Version, StoryFactory.Content("Tiêu đề chính thức") with { SectionId = _news.Id }));
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().ReleaseAsync(draft.Id));
        await Move(draft, StoryAction.Submit, _lan);
        await Move(draft, StoryAction.Publish);

        Assert.IsType<ArticleLookup.NotFound>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "tieu-de-tam")));
        Assert.Empty(await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().PastSlugs.ToListAsync()));
    }

    [Fact]
    public async Task A_new_story_never_takes_the_old_address_of_a_published_one()
    {
        var story = await PublishedAsync("Mưa lớn ở Long An");
        await Service(s => s.SaveAsync(_editor, story.Id, story.Version, StoryFactory.Content("Mưa lớn gây ngập ở Long An") with { SectionId = _news.Id }));

        var newcomer = await PublishedAsync("Mưa lớn ở Long An");

        Assert.Equal("mua-lon-o-long-an-2", newcomer.Slug);
        Assert.Equal(new ArticleLookup.Moved("vi", "thoi-su", "mua-lon-gay-ngap-o-long-an"),
            await Published(p => p.FindArticleAsync("vi", "thoi-su", "mua-lon-o-long-an")));
    }

    [Fact]
    public async Task Tag_slugs_missing_from_older_stories_are_derived_at_start_up()
    {
        var story = await PublishedAsync("Hội nghị cũ", tags: ["Hội nghị"]);
        await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories
            .Where(s => s.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TagSlugs, "")));
        Assert.Null(await Published(p => p.TagAsync("vi", "hoi-nghi", 1)));
        // A database from before the tag-slug migration: start-up migrates it.
        await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().GetService<IMigrator>()
            .MigrateAsync("20261202004049_UserSessionsAndErasure"));

        await _host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        var tag = await Published(p => p.TagAsync("vi", "hoi-nghi", 1));
        Assert.Equal(story.Id, Assert.Single(tag!.Value.Page.Items).Id);
    }

    [Fact]
    public async Task A_wrong_section_in_the_address_redirects_to_the_right_one()
    {
        await PublishedAsync("Giá lúa tăng", section: _economy);

        var lookup = await Published(p => p.FindArticleAsync("vi", "thoi-su", "gia-lua-tang"));

        Assert.Equal(new ArticleLookup.Moved("vi", "kinh-te", "gia-lua-tang"), lookup);
    }

    [Fact]
    public async Task Unpublished_is_gone_and_drafts_scheduled_archived_and_unknown_are_not_found()
    {
        var unpublished = await PublishedAsync("Tin đã gỡ");
        await Move(unpublished, StoryAction.Unpublish);
        await DraftAsync("Bản nháp");
        var archived = await DraftAsync("Tin lưu trữ");
        await Move(archived, StoryAction.Archive);

        Assert.IsType<ArticleLookup.Gone>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "tin-da-go")));
        Assert.IsType<ArticleLookup.NotFound>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "ban-nhap")));
        Assert.IsType<ArticleLookup.NotFound>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "tin-luu-tru")));
        Assert.IsType<ArticleLookup.NotFound>(await Published(p => p.FindArticleAsync("vi", "thoi-su", "khong-co")));
        Assert.IsType<ArticleLookup.NotFound>(await Published(p => p.FindArticleAsync("en", "news", "tin-da-go")));
    }

    [Fact]
    public async Task Publishing_unpublishing_and_correcting_tell_the_public_cache_but_drafts_do_not()
    {
        var cache = new CountingCache();
        await _host.DisposeAsync();
        _host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IPublicSiteCache>(cache));
        _lan = await UserAsync("lan2@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await UserAsync("thu2@example.vn", "Nguyễn Thu", Roles.Editor);

        var story = await DraftAsync("Tin mới");
        Assert.Equal(0, cache.Invalidations);
        await Move(story, StoryAction.Submit, _lan);
        await Move(story, StoryAction.Publish);
        Assert.Equal(1, cache.Invalidations);
        var published = await Service(s => s.GetAsync(_editor, story.Id));
        await Service(s => s.SaveAsync(_editor, story.Id, published.Version, StoryFactory.Content("Tin mới đã sửa") with { SectionId = _news.Id }));
        Assert.Equal(2, cache.Invalidations);
        await Move(story, StoryAction.Unpublish);
        Assert.Equal(3, cache.Invalidations);
    }

    private sealed class CountingCache : IPublicSiteCache
    {
        public int Invalidations { get; private set; }

        public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
        {
            Invalidations++;
            return ValueTask.CompletedTask;
        }
    }

    private async Task<Story> DraftAsync(string headline, Section? section = null, IReadOnlyList<string>? tags = null)
    {
        var sectionId = (section ?? _news).Id;
        var story = await Service(s => s.CreateAsync(_lan, "vi", sectionId));
        var content = StoryFactory.Content(headline) with { SectionId = sectionId, Tags = tags ?? [] };
        await Service(s => s.SaveAsync(_lan, story.Id, story.Version, content));
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id));
        return await Service(s => s.GetAsync(_lan, story.Id));
    }

    private async Task<Story> PublishedAsync(string headline, Section? section = null, IReadOnlyList<string>? tags = null)
    {
        var story = await DraftAsync(headline, section, tags);
        await Move(story, StoryAction.Submit, _lan);
        await Move(story, StoryAction.Publish);
        return await Service(s => s.GetAsync(_editor, story.Id));
    }

    private Task<Story> Move(Story story, StoryAction action, Actor? actor = null) =>
        Service(s => s.TransitionAsync(actor ?? _editor, story.Id, action));

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private Task<T> Published<T>(Func<IPublishedStories, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.GetRequiredService<IPublishedStories>()));

    private Task<Actor> UserAsync(string email, string name, string role) => _host.CreateActorAsync(email, name, role);
}
