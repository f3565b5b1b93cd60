using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Public.Site;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// Answers the public site's requests: asks <see cref="PublishedStories"/> (which only ever returns
/// published stories), renders the page's component, and chooses the status: 200, 301 to a story's
/// current address, 404, or 410 for a story that was taken down.
/// </summary>
internal sealed class PublicSitePages(
    IPublishedStories stories,
    PublicPaths paths,
    IMediaService media,
    ArticleHtmlRenderer articles,
    PublicPageRenderer renderer,
    IHttpContextAccessor http,
    PublicSiteUrl siteUrl,
    IOptionsMonitor<SiteOptions> site)
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    public async Task<IResult> HomeAsync(string language, int page)
    {
        var list = await stories.LatestAsync(language, page, Context.RequestAborted);
        return await ListAsync(language, page, site.CurrentValue.NameFor(language), null, paths.Home(language), list, OtherLanguageHomes(language),
            PublicSiteTags.Home(language));
    }

    public async Task<IResult> SectionAsync(string language, string sectionSlug, int page)
    {
        var found = await stories.SectionAsync(language, sectionSlug, page, Context.RequestAborted);
        if (found is not { } section)
            return await NotFoundAsync(language);
        var switches = paths.Languages.ToDictionary(l => l, l => l == language
            ? paths.Section(l, sectionSlug)
            : paths.Section(l, section.Section.SlugFor(l)));
        return await ListAsync(language, page, section.Section.NameFor(language), section.Section.Id, paths.Section(language, sectionSlug), section.Page, switches,
            PublicSiteTags.Section(section.Section.Id), paths.SectionFeed(language, sectionSlug));
    }

    public async Task<IResult> TagAsync(string language, string tagSlug, int page)
    {
        var found = await stories.TagAsync(language, tagSlug, page, Context.RequestAborted);
        if (found is not { } tag)
            return await NotFoundAsync(language);
        return await ListAsync(language, page, tag.TagName, null, paths.Tag(language, tagSlug), tag.Page, OtherLanguageHomes(language),
            PublicSiteTags.Tag(language, tagSlug));
    }

    /// <summary>
    /// The reader search: the form alone without words, else a page of results (a page number past
    /// the results is 404, as for lists). Only so many characters of a query are read.
    /// </summary>
    public async Task<IResult> SearchAsync(string language, string? query, int page)
    {
        query = query?.Trim() ?? "";
        if (query.Length > MaxQueryLength)
            query = query[..MaxQueryLength];
        var results = await stories.SearchAsync(language, query, page, Context.RequestAborted);
        if (page != results.Page)
            return await NotFoundAsync(language);
        PublicSiteCache.TagResponse(Context, results.Items.Select(r => PublicSiteTags.Story(r.Story.Id)));
        var images = await media.ImagesForAsync(
            results.Items.Where(r => r.Story.FeaturedMediaId is not null).Select(r => r.Story.FeaturedMediaId!.Value), Context.RequestAborted);
        var html = await renderer.RenderAsync<SearchPage>(new()
        {
            [nameof(SearchPage.Language)] = language,
            [nameof(SearchPage.Query)] = query,
            [nameof(SearchPage.Results)] = results,
            [nameof(SearchPage.Images)] = images,
            [nameof(SearchPage.LanguageLinks)] = paths.Languages.ToDictionary(l => l, paths.Search),
        });
        return PublicResponse.Send(Context, html, PublicResponse.Html);
    }

    /// <summary>The longest query read: ten words fit in it with room to spare.</summary>
    public const int MaxQueryLength = 200;

    public async Task<IResult> ArticleAsync(string language, string sectionSlug, string slug)
    {
        switch (await stories.FindArticleAsync(language, sectionSlug, slug, Context.RequestAborted))
        {
            case ArticleLookup.Moved moved:
                return Results.Redirect(paths.Article(moved.Language, moved.SectionSlug, moved.Slug), permanent: true);
            case ArticleLookup.Gone:
                return await ErrorAsync(language, StatusCodes.Status410Gone);
            case ArticleLookup.Found found:
                // Its translations are in its language switch: a change of any of them evicts it too.
                PublicSiteCache.TagResponse(Context,
                    [PublicSiteTags.Story(found.Article.Story.Id), PublicSiteTags.StoryGroup(found.Article.Story.TranslationGroupId)]);
                var parts = await articles.RenderAsync(found.Article.Story, Context.RequestAborted);
                var html = await renderer.RenderAsync<ArticlePage>(new()
                {
                    [nameof(ArticlePage.Article)] = found.Article,
                    [nameof(ArticlePage.BodyHtml)] = parts.Body,
                    [nameof(ArticlePage.FeaturedHtml)] = parts.Featured,
                    [nameof(ArticlePage.FeaturedImage)] = parts.FeaturedImage,
                    [nameof(ArticlePage.SiteUrl)] = SiteUrl,
                });
                return PublicResponse.Send(Context, html, PublicResponse.Html);
            default:
                return await NotFoundAsync(language);
        }
    }

    /// <summary>The site's absolute address, for canonical links and shares.</summary>
    private string SiteUrl => siteUrl.Base;

    private Dictionary<string, string> OtherLanguageHomes(string language) =>
        paths.Languages.ToDictionary(l => l, paths.Home);

    /// <summary>
    /// A list page; a page number outside the list is 404, so that neither crawlers nor anyone
    /// else can fill the cache with copies of the last page (the cache keys on the page number).
    /// </summary>
    private async Task<IResult> ListAsync(
        string language, int requestedPage, string title, int? sectionId, string path, PublishedPage list, Dictionary<string, string> languageLinks,
        string listTag, string? feedPath = null)
    {
        if (requestedPage != list.Page)
            return await NotFoundAsync(language);
        // Evicted when a story shown here changes (also one moved out of this list since), or when
        // the list gains one: home, the section or the tag of a story published or corrected.
        PublicSiteCache.TagResponse(Context, list.Items.Select(s => PublicSiteTags.Story(s.Id)).Append(listTag));
        var images = await media.ImagesForAsync(list.Items.Where(s => s.FeaturedMediaId is not null).Select(s => s.FeaturedMediaId!.Value), Context.RequestAborted);
        var html = await renderer.RenderAsync<StoryListPage>(new()
        {
            [nameof(StoryListPage.Language)] = language,
            [nameof(StoryListPage.Title)] = title,
            [nameof(StoryListPage.IsHome)] = sectionId is null && path == paths.Home(language),
            [nameof(StoryListPage.CurrentSectionId)] = sectionId,
            [nameof(StoryListPage.Path)] = path,
            [nameof(StoryListPage.List)] = list,
            [nameof(StoryListPage.Images)] = images,
            [nameof(StoryListPage.LanguageLinks)] = languageLinks,
            [nameof(StoryListPage.SiteUrl)] = SiteUrl,
            [nameof(StoryListPage.FeedPath)] = feedPath,
        });
        return PublicResponse.Send(Context, html, PublicResponse.Html);
    }

    private Task<IResult> NotFoundAsync(string language) => ErrorAsync(language, StatusCodes.Status404NotFound);

    private async Task<IResult> ErrorAsync(string language, int statusCode)
    {
        var html = await renderer.RenderAsync<PublicErrorPage>(new()
        {
            [nameof(PublicErrorPage.Language)] = language,
            [nameof(PublicErrorPage.StatusCode)] = statusCode,
            [nameof(PublicErrorPage.LanguageLinks)] = OtherLanguageHomes(language),
        });
        return PublicResponse.Send(Context, html, PublicResponse.Html, statusCode);
    }
}
