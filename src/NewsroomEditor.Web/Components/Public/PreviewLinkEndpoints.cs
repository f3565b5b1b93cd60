using System.Text;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Public.Site;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// <c>GET /preview/{token}</c>: the story a <see cref="PreviewLinks">signed link</see> stands for,
/// as it is stored now, in the public article's look under a "not published" banner, to anyone
/// holding the link. Never output-cached, never stored by a browser or proxy, never indexed, and
/// no Referer carries the token on to another site. An expired, altered or unknown token, or an
/// archived story, is a 404 saying so.
/// </summary>
public static class PreviewLinkEndpoints
{
    public static IEndpointRouteBuilder MapPreviewLinks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Deliberately no CacheOutput: the public site's cache would serve a draft after its link expired.
        app.MapGet(PreviewLinks.PathPrefix + "/{token}", ShowAsync)
            .WithMetadata(new PublicSiteEndpointAttribute())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(
        string token, HttpContext context, PreviewLinks links, IStoryPreviews previews, ArticleHtmlRenderer articles,
        PublicPageRenderer renderer, PublicPaths paths, TimeProvider clock)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";

        var homes = paths.Languages.ToDictionary(l => l, paths.Home);
        var link = links.Read(token);
        var story = link is null ? null : await previews.FindAsync(link.StoryId, context.RequestAborted);
        if (link is null || story is null)
        {
            var notFound = await renderer.RenderAsync<PublicErrorPage>(new()
            {
                [nameof(PublicErrorPage.Language)] = paths.DefaultLanguage,
                [nameof(PublicErrorPage.StatusCode)] = StatusCodes.Status404NotFound,
                [nameof(PublicErrorPage.LanguageLinks)] = homes,
                [nameof(PublicErrorPage.Message)] = PreviewLinkPage.InvalidLinkMessage,
            });
            return Results.Text(notFound, PublicResponse.Html, Encoding.UTF8, StatusCodes.Status404NotFound);
        }

        var parts = await articles.RenderAsync(story, context.RequestAborted);
        var html = await renderer.RenderAsync<PreviewLinkPage>(new()
        {
            [nameof(PreviewLinkPage.Story)] = story,
            [nameof(PreviewLinkPage.BodyHtml)] = parts.Body,
            [nameof(PreviewLinkPage.FeaturedHtml)] = parts.Featured,
            [nameof(PreviewLinkPage.ExpiresAt)] = link.ExpiresAt,
            [nameof(PreviewLinkPage.PreviewedAt)] = clock.GetUtcNow().UtcDateTime,
            [nameof(PreviewLinkPage.LanguageLinks)] = homes,
        });
        return Results.Text(html, PublicResponse.Html, Encoding.UTF8);
    }
}
