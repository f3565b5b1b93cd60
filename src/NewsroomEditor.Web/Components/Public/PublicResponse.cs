using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>
/// Writes a public page or feed: UTF-8, a strong ETag from the content, and a 304 when the
/// reader's copy is current. Browsers revalidate every time (<c>no-cache</c>), so a correction is
/// seen on the next request; the server's output cache keeps that revalidation cheap.
/// </summary>
internal static class PublicResponse
{
    public const string Html = "text/html; charset=utf-8";
    public const string Rss = "application/rss+xml; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";

    public static IResult Send(HttpContext context, string body, string contentType, int statusCode = StatusCodes.Status200OK)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (statusCode != StatusCodes.Status200OK)
            return Results.Text(body, contentType, Encoding.UTF8, statusCode);

        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"");
        headers.ETag = etag;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false) || candidate.Equals(EntityTagHeaderValue.Any)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(body, contentType, Encoding.UTF8);
    }
}
