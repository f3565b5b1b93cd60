using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>A story's HTML parts for <see cref="ArticleView"/>, and the featured photo's public description.</summary>
/// <param name="Body">The body from the allow-list renderer, figures with their renditions (srcset).</param>
/// <param name="Featured">The featured photo as a figure from the same renderer; empty for none.</param>
/// <param name="FeaturedImage">The featured photo's alt text and share rendition (Open Graph, JSON-LD); null for none.</param>
public sealed record ArticleHtml(string Body, string Featured, PublicImage? FeaturedImage);

/// <summary>
/// Renders a story's body and featured photo on the server, the one way every reader-facing page
/// does it (the public article, a preview link, the editors' preview): nothing from a client is
/// echoed, and figures get the same renditions everywhere.
/// </summary>
public sealed class ArticleHtmlRenderer(IMediaService media)
{
    public Task<ArticleHtml> RenderAsync(Story story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        return RenderAsync(story.BodyJson, story.FeaturedMediaId, story.FeaturedCaption, cancellationToken);
    }

    public Task<ArticleHtml> RenderAsync(PublishedStory story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        return RenderAsync(story.BodyJson, story.FeaturedMediaId, story.FeaturedCaption, cancellationToken);
    }

    private async Task<ArticleHtml> RenderAsync(string bodyJson, Guid? featuredMediaId, string featuredCaption, CancellationToken cancellationToken)
    {
        var body = StoryBody.Parse(bodyJson);
        var images = await media.ImagesForAsync(
            body.Figures.Select(f => f.MediaId).Concat(featuredMediaId is { } featured ? [featured] : []), cancellationToken);
        var featuredImage = featuredMediaId is { } id ? await media.PublicImageAsync(id, cancellationToken) : null;
        var featuredHtml = featuredImage is null
            ? ""
            : StoryBody.FromFigure(featuredImage.Id, featuredImage.AltText, featuredCaption).ToHtml(images);
        return new ArticleHtml(body.ToHtml(images), featuredHtml, featuredImage);
    }
}
