using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Web.Components.Admin;

/// <summary>
/// <c>GET /admin/audit/export?actor=&amp;action=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: the
/// filtered audit log as a CSV download, for Admins only (policy CanManageUsers on the endpoint
/// and again in <see cref="AuditQueries"/>). Others get 403 (401 when not signed in), not a
/// redirect to a page, because this is a file download.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Path = "/admin/audit/export";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, ExportAsync)
            .RequireAuthorization(Policies.CanManageUsers)
            .WithMetadata(new DownloadEndpointMetadata());
        return endpoints;
    }

    /// <summary>The export address for a filter as the page shows it (dates are days of the site's calendar).</summary>
    public static string UrlFor(string? actorId, string? action, DateOnly? from, DateOnly? to)
    {
        var query = new Dictionary<string, string?>
        {
            ["actor"] = actorId,
            ["action"] = action,
            ["from"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    internal static async Task ExportAsync(
        HttpContext context, ClaimsPrincipal user, AuditQueries audit, IOptions<SiteOptions> site, TimeProvider clock,
        string? actor = null, string? action = null, string? from = null, string? to = null)
    {
        AuditFilter filter;
        try
        {
            filter = AuditFilter.ForSiteDays(actor, action, Day(from, "from"), Day(to, "to"), site.Value.TimeZoneInfo);
        }
        catch (DomainException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(e.Message, context.RequestAborted);
            return;
        }

        var siteToday = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), site.Value.TimeZoneInfo);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-log-{siteToday:yyyy-MM-dd}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        await audit.ExportCsvAsync(user, filter, context.Response.Body, context.RequestAborted);
    }

    private static DateOnly? Day(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DomainException($"'{text}' is not a date for '{name}'; use yyyy-MM-dd, for example 2024-04-11.");
    }

    /// <summary>
    /// A download, not a page: the cookie handler answers 401/403 instead of redirecting to a
    /// sign-in page, and the status-code pages do not turn a 403 into the "Not found" page.
    /// </summary>
    private sealed class DownloadEndpointMetadata : IDisableCookieRedirectMetadata, ISkipStatusCodePagesMetadata;
}
