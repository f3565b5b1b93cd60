using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Publishing;

/// <summary>A published story as a list on the public site shows it.</summary>
public sealed record PublishedSummary(
    Guid Id, string Language, string Headline, string Lead, string Byline, DateTime PublishedAt, DateTime? CorrectedAt,
    int SectionId, string SectionSlug, string SectionName, string Slug, Guid? FeaturedMediaId, string FeaturedCaption);

/// <summary>A page of a public list.</summary>
public sealed record PublishedPage(IReadOnlyList<PublishedSummary> Items, int Page, int PageCount);

/// <summary>A published story found by a reader's search, with its matched words marked.</summary>
public sealed record PublishedSearchResult(PublishedSummary Story, SearchExcerpt Excerpt);

/// <summary>A page of a reader's search: best matches first, <see cref="TotalCount"/> stories found in all.</summary>
public sealed record PublishedSearchPage(IReadOnlyList<PublishedSearchResult> Items, int Page, int PageCount, int TotalCount);

/// <summary>The same story in another language, published.</summary>
public sealed record PublishedTranslation(string Language, string Headline, string SectionSlug, string Slug);

/// <summary>An article for readers: the published story, its section and its published translations.</summary>
public sealed record PublishedArticle(PublishedStory Story, Section Section, IReadOnlyList<PublishedTranslation> Translations);

/// <summary>
/// What an article page shows of a published story: its text, dates, tags and photo. Not the
/// whole <see cref="Stories.Story"/>: its plain text and search columns, as long as the body
/// again, are the newsroom's, and reading them for every page a reader opens only costs time.
/// </summary>
public sealed record PublishedStory(
    Guid Id, Guid TranslationGroupId, string Language, string Headline, string Lead, string BodyJson, string Byline, string Slug,
    string MetaDescription, string TagList, Guid? FeaturedMediaId, string FeaturedCaption, DateTime? PublishedAt, DateTime UpdatedAt,
    DateTime? CorrectedAt)
{
    /// <summary>The tags as written, in order (<see cref="Stories.Story.Tags"/>).</summary>
    public IReadOnlyList<string> Tags { get; } = TagList.Length == 0 ? [] : TagList.Split(Stories.Story.TagSeparator);
}

/// <summary>A feed's stories: a language's newest, or one section's (then <see cref="Section"/> is set).</summary>
public sealed record PublishedFeed(Section? Section, IReadOnlyList<PublishedSummary> Items);

/// <summary>What an article address leads to.</summary>
public abstract record ArticleLookup
{
    private ArticleLookup() { }

    public sealed record Found(PublishedArticle Article) : ArticleLookup;

    /// <summary>The story lives at another address (a new slug or section): a permanent redirect.</summary>
    public sealed record Moved(string Language, string SectionSlug, string Slug) : ArticleLookup;

    /// <summary>It was published and has been taken down: 410, without any of its content.</summary>
    public sealed record Gone : ArticleLookup;

    public sealed record NotFound : ArticleLookup;
}

/// <summary>What readers of the public site can see (<see cref="PublishedStories"/>).</summary>
public interface IPublishedStories
{
    /// <summary>The newest published stories of a language.</summary>
    Task<PublishedPage> LatestAsync(string language, int page, CancellationToken cancellationToken = default);

    /// <summary>A visible section's page in a language, or null when no visible section has that slug.</summary>
    Task<(Section Section, PublishedPage Page)?> SectionAsync(string language, string sectionSlug, int page, CancellationToken cancellationToken = default);

    /// <summary>Stories tagged with a tag whose slug is <paramref name="tagSlug"/>; null when none is.</summary>
    Task<(string TagName, PublishedPage Page)?> TagAsync(string language, string tagSlug, int page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves <c>/{section}/{slug}</c>: the published story, or where it moved, or that it is gone.
    /// A story is matched by its slug within the language; the section in the address only has to
    /// be right for the page to be served without a redirect.
    /// </summary>
    Task<ArticleLookup> FindArticleAsync(string language, string sectionSlug, string slug, CancellationToken cancellationToken = default);

    /// <summary>Every visible section, in display order.</summary>
    Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A reader's search among a language's published stories, ranked as the newsroom's own search
    /// ranks; it finds what the home page lists, and nothing unpublished or scheduled.
    /// </summary>
    Task<PublishedSearchPage> SearchAsync(string language, string? query, int page, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest published stories of a language for its RSS feed, or of one visible section when
    /// <paramref name="sectionSlug"/> is given (null when no visible section has that slug).
    /// </summary>
    Task<PublishedFeed?> FeedAsync(
        string language, string? sectionSlug = null, int limit = PublishedStories.FeedSize, CancellationToken cancellationToken = default);

    /// <summary>Published stories of every language, newest first, for sitemaps and feeds.</summary>
    Task<IReadOnlyList<(PublishedSummary Story, Guid TranslationGroupId)>> AllAsync(
        DateTime? publishedSince = null, int? limit = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// The public site's only door to stories (DESIGN.md §5). Every query here is limited to published
/// stories, so nothing a reader can reach returns a draft, a scheduled story before its time, or
/// an unpublished one.
/// </summary>
public sealed class PublishedStories(IDbContextFactory<NewsroomDbContext> contexts, SectionMenu sectionMenu) : IPublishedStories
{
    public const int PageSize = 12;

    /// <summary>How many stories an RSS feed carries.</summary>
    public const int FeedSize = 50;

    /// <summary>The newest published stories of a language.</summary>
    public async Task<PublishedPage> LatestAsync(string language, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db, Published(db, language), page, cancellationToken);
    }

    /// <summary>A visible section's page in a language, or null when no visible section has that slug.</summary>
    public async Task<(Section Section, PublishedPage Page)?> SectionAsync(string language, string sectionSlug, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var section = await FindSectionAsync(db, language, sectionSlug, cancellationToken);
        if (section is null || section.IsHidden)
            return null;
        var stories = Published(db, language).Where(s => s.SectionId == section.Id);
        return (section, await PageAsync(db, stories, page, cancellationToken));
    }

    /// <summary>Stories tagged with a tag whose slug is <paramref name="tagSlug"/>; null when none is.</summary>
    public async Task<(string TagName, PublishedPage Page)?> TagAsync(string language, string tagSlug, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pattern = Story.TagSlugPattern(tagSlug);
        var stories = Published(db, language).Where(s => s.TagSlugs.Contains(pattern));
        var newest = await stories.OrderByDescending(s => s.PublishedAt).Select(s => s.TagList).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
            return null;
        // The tag as written on the newest story carrying it ("Hội nghị", not "hoi-nghi").
        var name = newest.Split(Story.TagSeparator).FirstOrDefault(t => Slugs.FromText(t) == tagSlug) ?? tagSlug;
        return (name, await PageAsync(db, stories, page, cancellationToken));
    }

    /// <summary>
    /// Resolves <c>/{section}/{slug}</c>: the published story, or where it moved, or that it is gone.
    /// A story is matched by its slug within the language; the section in the address only has to
    /// be right for the page to be served without a redirect.
    /// </summary>
    public async Task<ArticleLookup> FindArticleAsync(string language, string sectionSlug, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the story and its translations, not one each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var candidates = new List<ArticleRow>();
        await foreach (var row in Candidates(db, language, slug).WithCancellation(cancellationToken))
            candidates.Add(row);
        var found = candidates.FirstOrDefault(s => s.State == StoryState.Published) ?? candidates.FirstOrDefault();
        var byCurrentSlug = found is not null;
        if (found is null)
        {
            var pastOwner = await db.PastSlugs.AsNoTracking()
                .Where(p => p.Language == language && p.Slug == slug)
                .OrderByDescending(p => p.RetiredAt)
                .Select(p => p.StoryId)
                .FirstOrDefaultAsync(cancellationToken);
            found = pastOwner == Guid.Empty ? null : await ArticleRows(db.Stories.Where(s => s.Id == pastOwner)).SingleOrDefaultAsync(cancellationToken);
        }

        switch (found?.State)
        {
            case null:
                return new ArticleLookup.NotFound();
            case StoryState.Unpublished:
                return new ArticleLookup.Gone();
            case not StoryState.Published:
                return new ArticleLookup.NotFound();
        }

        var story = found.Story;
        var sections = await sectionMenu.AllAsync(contexts, cancellationToken);
        if (!sections.Any(s => s.Id == found.SectionId))
        {
            // A section this instance has not heard of yet: read them again rather than fail.
            sectionMenu.Forget();
            sections = await sectionMenu.AllAsync(contexts, cancellationToken);
        }
        var section = sections.Single(s => s.Id == found.SectionId);
        var currentSectionSlug = section.SlugFor(language);
        // SQL Server compares without case: "/thoi-su/Hoi-Nghi" finds the story but is not its address.
        if (!byCurrentSlug || currentSectionSlug != sectionSlug || !string.Equals(story.Slug, slug, StringComparison.Ordinal))
            return new ArticleLookup.Moved(language, currentSectionSlug, story.Slug);
        return new ArticleLookup.Found(new PublishedArticle(story, section, await TranslationsAsync(db, story, sections, cancellationToken)));
    }

    /// <summary>Every visible section, in display order (kept in memory: <see cref="SectionMenu"/>).</summary>
    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken = default) =>
        (await sectionMenu.AllAsync(contexts, cancellationToken)).Where(s => !s.IsHidden).ToList();

    /// <summary>
    /// The newest published stories of a language for its RSS feed, or of one visible section when
    /// <paramref name="sectionSlug"/> is given (null when no visible section has that slug).
    /// </summary>
    public async Task<PublishedFeed?> FeedAsync(
        string language, string? sectionSlug = null, int limit = FeedSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stories = Published(db, language);
        Section? section = null;
        if (sectionSlug is not null)
        {
            section = await FindSectionAsync(db, language, sectionSlug, cancellationToken);
            if (section is null || section.IsHidden)
                return null;
            var sectionId = section.Id;
            stories = stories.Where(s => s.SectionId == sectionId);
        }
        var rows = await Summaries(db, Newest(stories).Take(limit)).ToListAsync(cancellationToken);
        return new PublishedFeed(section, rows.Select(r => r.ToSummary()).ToList());
    }

    /// <summary>Published stories of every language, newest first, for sitemaps and feeds.</summary>
    public async Task<IReadOnlyList<(PublishedSummary Story, Guid TranslationGroupId)>> AllAsync(
        DateTime? publishedSince = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stories = db.Stories.AsNoTracking().Where(s => s.State == StoryState.Published);
        if (publishedSince is { } since)
            stories = stories.Where(s => s.PublishedAt >= since);
        var ordered = Newest(stories);
        var rows = await Summaries(db, limit is { } n ? ordered.Take(n) : ordered).ToListAsync(cancellationToken);
        return rows.Select(r => (r.ToSummary(), r.TranslationGroupId)).ToList();
    }

    /// <summary>
    /// A reader's search among a language's published stories, ranked as the newsroom's own search
    /// ranks; it finds what the home page lists, and nothing unpublished or scheduled.
    /// </summary>
    public async Task<PublishedSearchPage> SearchAsync(string language, string? query, int page, CancellationToken cancellationToken = default)
    {
        var search = SearchTerms.Parse(query);
        if (search.IsEmpty)
            return new PublishedSearchPage([], 1, 1, 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stories = StorySearch.Ranked(db, Published(db, language), search);
        var total = await stories.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pageCount);
        var rows = await StorySearch.PageAsync(db, stories, (current - 1) * PageSize, PageSize,
            page => page.Join(db.Sections, s => s.SectionId, c => c.Id, (s, c) => new
            {
                s.Id, s.Language, s.Headline, s.Lead, s.Byline, s.PublishedAt, s.CorrectedAt, s.Slug, s.FeaturedMediaId, s.FeaturedCaption, Section = c,
            }),
            r => r.Id, cancellationToken);
        var excerpts = await StorySearch.ExcerptsAsync(db, rows.Select(r => r.Id).ToList(), search, cancellationToken);
        var items = rows
            .Select(r => new PublishedSearchResult(
                new PublishedSummary(r.Id, r.Language, r.Headline, r.Lead, r.Byline, r.PublishedAt!.Value, r.CorrectedAt,
                    r.Section.Id, r.Section.SlugFor(r.Language), r.Section.NameFor(r.Language), r.Slug, r.FeaturedMediaId, r.FeaturedCaption),
                excerpts[r.Id]))
            .ToList();
        return new PublishedSearchPage(items, current, pageCount, total);
    }

    private static IQueryable<Story> Published(NewsroomDbContext db, string language) =>
        db.Stories.AsNoTracking().Where(s => s.State == StoryState.Published && s.Language == language);

    private static async Task<PublishedPage> PageAsync(
        NewsroomDbContext db, IQueryable<Story> stories, int page, CancellationToken cancellationToken)
    {
        var total = await stories.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pageCount);
        var rows = await Summaries(db, Newest(stories).Skip((current - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new PublishedPage(rows.Select(r => r.ToSummary()).ToList(), current, pageCount);
    }

    /// <summary>
    /// Newest first; the id orders stories published at the same moment, in the same direction,
    /// so that one index ((State, Language, PublishedAt, Id) and its kin) serves the whole order
    /// and a page is read off it without a sort.
    /// </summary>
    private static IOrderedQueryable<Story> Newest(IQueryable<Story> stories) =>
        stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id);

    /// <summary>
    /// What a list shows of each story, read in SQL: the columns of <see cref="PublishedSummary"/>
    /// with its section (a few short columns), never the body or the search text: a sitemap reads
    /// tens of thousands of rows.
    /// </summary>
    private static IQueryable<SummaryRow> Summaries(NewsroomDbContext db, IQueryable<Story> stories) =>
        stories.Join(db.Sections, s => s.SectionId, c => c.Id, (s, c) => new SummaryRow(
            s.Id, s.Language, s.Headline, s.Lead, s.Byline, s.PublishedAt!.Value, s.CorrectedAt, c,
            s.Slug, s.FeaturedMediaId, s.FeaturedCaption, s.TranslationGroupId));

    /// <summary>One row of <see cref="Summaries"/>; the section's slug and name in the story's language are chosen here.</summary>
    private sealed record SummaryRow(
        Guid Id, string Language, string Headline, string Lead, string Byline, DateTime PublishedAt, DateTime? CorrectedAt,
        Section Section, string Slug, Guid? FeaturedMediaId, string FeaturedCaption, Guid TranslationGroupId)
    {
        public PublishedSummary ToSummary() => new(
            Id, Language, Headline, Lead, Byline, PublishedAt, CorrectedAt,
            Section.Id, Section.SlugFor(Language), Section.NameFor(Language), Slug, FeaturedMediaId, FeaturedCaption);
    }

    /// <summary>A story as an article page needs it, with what decides whether it is served.</summary>
    private sealed record ArticleRow(PublishedStory Story, StoryState State, int? SectionId);

    private sealed record TranslationRow(string Language, string Headline, string Slug, int? SectionId);

    // Every cache miss of an article runs these two: compiled once, so that a request does not
    // walk and look up the query's expression tree again (a tenth of the lookup's time).
    private static readonly Func<NewsroomDbContext, string, string, IAsyncEnumerable<ArticleRow>> Candidates =
        EF.CompileAsyncQuery((NewsroomDbContext db, string language, string slug) => db.Stories.AsNoTracking()
            .Where(s => s.Language == language && s.Slug == slug && s.FirstPublishedAt != null)
            .Select(s => new ArticleRow(
                new PublishedStory(s.Id, s.TranslationGroupId, s.Language, s.Headline, s.Lead, s.BodyJson, s.Byline, s.Slug, s.MetaDescription,
                    s.TagList, s.FeaturedMediaId, s.FeaturedCaption, s.PublishedAt, s.UpdatedAt, s.CorrectedAt),
                s.State, s.SectionId)));

    private static readonly Func<NewsroomDbContext, Guid, Guid, IAsyncEnumerable<TranslationRow>> PublishedTranslations =
        EF.CompileAsyncQuery((NewsroomDbContext db, Guid translationGroupId, Guid storyId) => db.Stories.AsNoTracking()
            .Where(s => s.TranslationGroupId == translationGroupId && s.Id != storyId && s.State == StoryState.Published)
            .Select(s => new TranslationRow(s.Language, s.Headline, s.Slug, s.SectionId)));

    private static IQueryable<ArticleRow> ArticleRows(IQueryable<Story> stories) => stories.AsNoTracking().Select(s => new ArticleRow(
        new PublishedStory(s.Id, s.TranslationGroupId, s.Language, s.Headline, s.Lead, s.BodyJson, s.Byline, s.Slug, s.MetaDescription, s.TagList,
            s.FeaturedMediaId, s.FeaturedCaption, s.PublishedAt, s.UpdatedAt, s.CorrectedAt),
        s.State, s.SectionId));

    private static async Task<IReadOnlyList<PublishedTranslation>> TranslationsAsync(
        NewsroomDbContext db, PublishedStory story, IReadOnlyList<Section> sections, CancellationToken cancellationToken)
    {
        var translations = new List<PublishedTranslation>();
        await foreach (var row in PublishedTranslations(db, story.TranslationGroupId, story.Id).WithCancellation(cancellationToken))
        {
            if (sections.FirstOrDefault(c => c.Id == row.SectionId) is { } section)
                translations.Add(new PublishedTranslation(row.Language, row.Headline, section.SlugFor(row.Language), row.Slug));
        }
        return translations;
    }

    private static async Task<Section?> FindSectionAsync(NewsroomDbContext db, string language, string slug, CancellationToken cancellationToken)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.SlugVi == slug || s.SlugEn == slug).ToListAsync(cancellationToken);
        return sections.FirstOrDefault(s => s.SlugFor(language) == slug);
    }
}
