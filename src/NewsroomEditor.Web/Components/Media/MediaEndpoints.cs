using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Media;

/// <summary>
/// Serves the public renditions; originals are never reachable over HTTP. Like every HTTP
/// endpoint of the app, it lives in the web host, in the folder of its area.
/// </summary>
public static class MediaEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>
    /// Maps <c>GET /media/{fileName}</c>: only content-addressed rendition names, from
    /// <see cref="IMediaStore"/>, cacheable forever (the name changes when the bytes do); 404 for
    /// anything else. Anonymous: readers of the public site load these.
    /// </summary>
    public static IEndpointRouteBuilder MapNewsroomMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/media/{fileName}", ServeAsync).AllowAnonymous().WithName("NewsroomMedia");
        endpoints.MapGet("/media/preview/{id:guid}", PreviewAsync).RequireAuthorization(Policies.CanUseMedia);
        return endpoints;
    }

    /// <summary>
    /// The picture the story editor shows for a figure (it knows the media id, not the rendition
    /// names): a redirect to the largest rendition up to 640 px wide (640 itself for any photo at
    /// least that wide), else the smallest; WebP when the browser's Accept names it and the photo
    /// has one, else JPEG. The editor's figure is a plain img (its node view), so the format is
    /// chosen here rather than by a &lt;picture&gt;; Vary: Accept keeps caches from mixing them up.
    /// </summary>
    internal static async Task<IResult> PreviewAsync(Guid id, HttpContext context, IMediaService media, CancellationToken cancellationToken)
    {
        var item = await media.GetAsync(id, cancellationToken);
        context.Response.Headers.Vary = "Accept";
        var rendition = item is null ? null : MediaRenditions.Preview(item.Renditions, 640, AcceptsWebp(context.Request));
        return rendition is null ? Results.NotFound() : Results.Redirect(rendition.Url);
    }

    /// <summary>Whether the request's Accept names image/webp with a quality above zero (browsers send it for images).</summary>
    internal static bool AcceptsWebp(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A malformed Accept parses as no types at all: then the JPEG, which every browser shows.
        return request.GetTypedHeaders().Accept.Any(type =>
            type.MediaType.Equals("image/webp", StringComparison.OrdinalIgnoreCase) && type.Quality is not <= 0);
    }

    internal static async Task<IResult> ServeAsync(string fileName, HttpContext context, IMediaStore store)
    {
        var contentType = MediaFileNames.ContentType(fileName);
        if (contentType is null)
            return Results.NotFound();
        var stream = await store.OpenPublicAsync(fileName, context.RequestAborted);
        if (stream is null)
            return Results.NotFound();
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{fileName}\""));
    }
}
