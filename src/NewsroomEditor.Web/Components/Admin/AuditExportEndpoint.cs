using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

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
        HttpContext context, IAuditQueries audit, IOptionsMonitor<SiteOptions> site, TimeProvider clock,
        IStringLocalizer<AdminText> L,
        string? actor = null, string? action = null, string? from = null, string? to = null)
    {
        // The refusals are for the person who typed the address, in their language (request localization).
        if (!TryDay(from, out var fromDay))
        {
            await RefuseAsync(context, L["'{0}' is not a date for 'from'; use yyyy-MM-dd, for example 2024-04-11.", from!]);
            return;
        }
        if (!TryDay(to, out var toDay))
        {
            await RefuseAsync(context, L["'{0}' is not a date for 'to'; use yyyy-MM-dd, for example 2024-04-11.", to!]);
            return;
        }
        AuditFilter filter;
        try
        {
            filter = AuditFilter.ForSiteDays(actor, action, fromDay, toDay, site.CurrentValue.TimeZoneInfo);
        }
        catch (DomainException e)
        {
            await RefuseAsync(context, e.Message);
            return;
        }

        var siteToday = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), site.CurrentValue.TimeZoneInfo);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-log-{siteToday:yyyy-MM-dd}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        // The request's user, through the scope's CurrentActor (SignedInActorSource), checked in the export's context.
        await audit.ExportCsvAsync(filter, context.Response.Body, context.RequestAborted);
    }

    /// <summary>An empty parameter is no limit; anything else must be a day written yyyy-MM-dd.</summary>
    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = parsed;
        return true;
    }

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    /// <summary>
    /// A download, not a page: the cookie handler answers 401/403 instead of redirecting to a
    /// sign-in page, and the status-code pages do not turn a 403 into the "Not found" page.
    /// </summary>
    private sealed class DownloadEndpointMetadata : IDisableCookieRedirectMetadata, ISkipStatusCodePagesMetadata;
}
