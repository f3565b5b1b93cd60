using System.Globalization;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Web.Components;

/// <summary>Shows stored UTC times in the site's time zone (<see cref="SiteOptions.TimeZone"/>).</summary>
public static class SiteTime
{
    /// <summary>
    /// The editing UI: date and time in the person's culture (request localization), short form:
    /// <c>11/04/2024 19:45</c> in Vietnamese, <c>4/11/2024 7:45 PM</c> in US English.
    /// </summary>
    public static string Show(DateTime utc, SiteOptions site) =>
        ToLocal(utc, site).ToString("g", CultureInfo.CurrentCulture);

    /// <inheritdoc cref="Show(DateTime, SiteOptions)"/>
    public static string Show(DateTime utc, TimeZoneInfo siteZone) =>
        ToLocal(utc, siteZone).ToString("g", CultureInfo.CurrentCulture);

    public static DateTime ToLocal(DateTime utc, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return ToLocal(utc, site.TimeZoneInfo);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo siteZone) =>
        // The database hands back Unspecified kinds; every stored time is UTC.
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), siteZone);

    /// <summary>A fixed pattern, the same for every reader (the public site's date lines).</summary>
    public static string Format(DateTime utc, SiteOptions site, string format) =>
        ToLocal(utc, site).ToString(format, CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Format(DateTime, SiteOptions, string)"/>
    public static string Format(DateTime utc, TimeZoneInfo siteZone, string format) =>
        ToLocal(utc, siteZone).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC, for <c>&lt;time datetime&gt;</c> and feeds: <c>2024-04-11T12:45:00Z</c>.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in the site's zone with its offset, for JSON-LD: <c>2024-04-11T19:45:00+07:00</c>.</summary>
    public static string IsoLocal(DateTime utc, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var offset = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), site.TimeZoneInfo);
        return offset.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
