using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Audit;

/// <summary>
/// Which entries to show. <see cref="Action"/> is one action, or a group when it ends with a dot
/// ("story." is every story action). Times are UTC; <see cref="ToUtc"/> is exclusive.
/// </summary>
public sealed record AuditFilter(string? ActorId = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null)
{
    /// <summary>
    /// A filter by whole days of the site's calendar: from the start of <paramref name="from"/> to
    /// the end of <paramref name="to"/> in <paramref name="siteZone"/>.
    /// </summary>
    public static AuditFilter ForSiteDays(string? actorId, string? action, DateOnly? from, DateOnly? to, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        if (from is { } start && to is { } end && start > end)
            throw new DomainException("The start date {0:d} is after the end date {1:d}.", start, end);
        return new AuditFilter(
            string.IsNullOrWhiteSpace(actorId) ? null : actorId.Trim(),
            string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            from is { } f ? StartOfDayUtc(f, siteZone) : null,
            to is { } t ? StartOfDayUtc(t.AddDays(1), siteZone) : null);
    }

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}

/// <summary>One page of entries, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>A person to filter by.</summary>
public sealed record AuditPerson(string Id, string Name, string Email);

/// <summary>A group of actions ("story.") with its actions, for the filter.</summary>
public sealed record AuditActionGroup(string Prefix, string Label, IReadOnlyList<string> Actions);

/// <summary>Admins search and export the audit log (<see cref="AuditQueries"/>).</summary>
public interface IAuditQueries
{
    /// <summary>Entries matching <paramref name="filter"/>, newest first; <paramref name="page"/> counts from 0.</summary>
    Task<AuditPage> SearchAsync(
        AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>The people an admin may filter by: every account, by name.</summary>
    Task<IReadOnlyList<AuditPerson>> PeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every entry matching <paramref name="filter"/> to <paramref name="output"/> as CSV
    /// (RFC 4180, CRLF), UTF-8 with a byte-order mark so that Excel reads Vietnamese correctly,
    /// newest first, times in the site's time zone with their offset.
    /// </summary>
    Task ExportCsvAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reading the audit log: filter, page and export as CSV. Admins only (policy
/// <see cref="Policies.CanManageUsers"/>, for the scope's <see cref="CurrentActor"/>), checked here
/// in the context each call reads with, whatever the page showed. There is no
/// way to change or delete an entry.
/// </summary>
public sealed class AuditQueries(
    IDbContextFactory<NewsroomDbContext> contexts,
    CurrentActor current,
    IOptionsMonitor<SiteOptions> site) : IAuditQueries
{
    public const int MaxPageSize = 200;
    // A property, not a constant: read in the culture of each call.
    private static string Refusal => DomainText.Get("Only an Admin may read the audit log.");

    /// <summary>Every action of <see cref="AuditActions"/>, grouped by the part before the dot.</summary>
    public static IReadOnlyList<AuditActionGroup> ActionGroups { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .GroupBy(a => a.Contains('.', StringComparison.Ordinal) ? a[..(a.IndexOf('.', StringComparison.Ordinal) + 1)] : a)
        .Select(g => new AuditActionGroup(g.Key, GroupLabel(g.Key), g.ToList()))
        .ToList();

    /// <summary>Entries matching <paramref name="filter"/>, newest first; <paramref name="page"/> counts from 0.</summary>
    public async Task<AuditPage> SearchAsync(
        AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(0, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(cancellationToken);
        var entries = await matching.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total);
    }

    /// <summary>The people an admin may filter by: every account, by name.</summary>
    public async Task<IReadOnlyList<AuditPerson>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Select(u => new AuditPerson(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
        // Sorted here, not in SQL: the providers' collations disagree on Vietnamese names.
        return people.OrderBy(p => p.Name, StringComparer.InvariantCultureIgnoreCase).ThenBy(p => p.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes every entry matching <paramref name="filter"/> to <paramref name="output"/> as CSV
    /// (RFC 4180, CRLF), UTF-8 with a byte-order mark so that Excel reads Vietnamese correctly,
    /// newest first, times in the site's time zone with their offset.
    /// </summary>
    public async Task ExportCsvAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        // Checked before the first byte is written: a refusal is an answer, not half a file.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var zone = site.CurrentValue.TimeZoneInfo;
        await output.WriteAsync(AuditCsv.ByteOrderMark, cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(AuditCsv.Header);
        await foreach (var entry in Filtered(db, filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
            await writer.WriteAsync(AuditCsv.Row(entry, zone));
        await writer.FlushAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filtered(NewsroomDbContext db, AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.ActorId is { Length: > 0 } actorId)
            entries = entries.Where(e => e.ActorId == actorId);
        if (filter.Action is { Length: > 0 } action)
        {
            entries = action.EndsWith('.')
                ? entries.Where(e => e.Action.StartsWith(action))
                : entries.Where(e => e.Action == action);
        }
        if (filter.FromUtc is { } from)
            entries = entries.Where(e => e.At >= from);
        if (filter.ToUtc is { } to)
            entries = entries.Where(e => e.At < to);
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    private static string GroupLabel(string prefix) => prefix switch
    {
        "sign-in." => "Sign-in",
        "account." => "Accounts",
        "story." => "Stories",
        "media." => "Media",
        "settings." => "Settings",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(prefix.TrimEnd('.')),
    };
}

/// <summary>The audit log's CSV shape.</summary>
public static class AuditCsv
{
    public static ReadOnlyMemory<byte> ByteOrderMark { get; } = new byte[] { 0xEF, 0xBB, 0xBF };

    public const string Header = "Time,Action,Person,Person id,Target,Details,IP address\r\n";

    /// <summary>One entry as a CSV line ending in CRLF; <c>At</c> shown in <paramref name="siteZone"/> with its offset.</summary>
    public static string Row(AuditEntry entry, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc)), siteZone);
        return string.Join(',',
            Field(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            Field(entry.Action),
            Field(entry.ActorName),
            Field(entry.ActorId),
            Field(entry.Target),
            Field(entry.Details),
            Field(entry.IpAddress)) + "\r\n";
    }

    /// <summary>
    /// A CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). Text
    /// that a spreadsheet would run as a formula (a headline typed as "=HYPERLINK(…)") gets a
    /// leading apostrophe, as OWASP advises against CSV injection.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
