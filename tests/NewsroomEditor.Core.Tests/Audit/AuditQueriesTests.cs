using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Audit;

/// <summary>Reading the log: Admins only, filters, newest first, paging, and the CSV export's shape.</summary>
public sealed class AuditQueriesTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private AuditTestNewsroom _newsroom = default!;

    public async Task InitializeAsync() => _newsroom = await AuditTestNewsroom.StartAsync();

    public async Task DisposeAsync() => await _newsroom.DisposeAsync();

    [Fact]
    public async Task Entries_come_newest_first_in_pages_with_the_total()
    {
        for (var i = 1; i <= 7; i++)
        {
            await RecordAsync(new AuditRecord(AuditActions.StoryTransition, _newsroom.Reporter.UserId, "Hoàng Lan", $"story:{i}", $"Entry {i}"));
            _newsroom.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await SearchAsync(new AuditFilter(), page: 0, pageSize: 3);
        var last = await SearchAsync(new AuditFilter(), page: 2, pageSize: 3);

        Assert.Equal(7, first.Total);
        Assert.Equal(["Entry 7", "Entry 6", "Entry 5"], first.Entries.Select(e => e.Details));
        Assert.Equal(["Entry 1"], last.Entries.Select(e => e.Details));
    }

    [Fact]
    public async Task Filtering_by_person_keeps_only_their_entries()
    {
        await SeedMixedAsync();

        var page = await SearchAsync(new AuditFilter(ActorId: _newsroom.Reporter.UserId));

        Assert.Equal(2, page.Total);
        Assert.All(page.Entries, e => Assert.Equal(_newsroom.Reporter.UserId, e.ActorId));
    }

    [Fact]
    public async Task Filtering_by_an_action_matches_it_exactly_and_by_a_group_matches_its_prefix()
    {
        await SeedMixedAsync();

        var published = await SearchAsync(new AuditFilter(Action: AuditActions.StoryPublished));
        var stories = await SearchAsync(new AuditFilter(Action: "story."));

        Assert.Equal([AuditActions.StoryPublished], published.Entries.Select(e => e.Action));
        Assert.Equal([AuditActions.StoryPublished, AuditActions.StoryTransition], stories.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Filtering_by_days_uses_the_sites_calendar_and_includes_the_whole_last_day()
    {
        // 11/04 23:50 and 12/04 00:30 in Hanoi (UTC+7), then 12/04 23:59.
        _newsroom.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 11, 16, 50, 0, TimeSpan.Zero));
        await RecordAsync(new AuditRecord(AuditActions.SettingsChanged, _newsroom.Admin.UserId, "Quản trị", "settings", "late on the 11th"));
        _newsroom.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 11, 17, 30, 0, TimeSpan.Zero));
        await RecordAsync(new AuditRecord(AuditActions.SettingsChanged, _newsroom.Admin.UserId, "Quản trị", "settings", "early on the 12th"));
        _newsroom.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 12, 16, 59, 0, TimeSpan.Zero));
        await RecordAsync(new AuditRecord(AuditActions.SettingsChanged, _newsroom.Admin.UserId, "Quản trị", "settings", "last minute of the 12th"));

        var twelfth = await SearchAsync(AuditFilter.ForSiteDays(null, null, new DateOnly(2024, 4, 12), new DateOnly(2024, 4, 12), Hanoi));
        var eleventh = await SearchAsync(AuditFilter.ForSiteDays(null, null, null, new DateOnly(2024, 4, 11), Hanoi));

        Assert.Equal(["last minute of the 12th", "early on the 12th"], twelfth.Entries.Select(e => e.Details));
        Assert.Equal(["late on the 11th"], eleventh.Entries.Select(e => e.Details));
    }

    [Fact]
    public void A_start_date_after_the_end_date_is_refused_with_a_message()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            AuditFilter.ForSiteDays(null, null, new DateOnly(2024, 4, 12), new DateOnly(2024, 4, 11), Hanoi));

        Assert.Equal("The start date 4/12/2024 is after the end date 4/11/2024.", refusal.Message);
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_quotes_commas_quotes_and_line_breaks_keeping_Vietnamese()
    {
        await RecordAsync(new AuditRecord(AuditActions.StoryCorrected, _newsroom.Editor.UserId, "Nguyễn Thu", "story:1",
            "Correction of \"Hội nghị, lần thứ 15\"\nđã sửa tên đại biểu"));

        var bytes = await ExportAsync(new AuditFilter());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(
            "Time,Action,Person,Person id,Target,Details,IP address\r\n" +
            $"2024-04-11T19:45:00+07:00,story.corrected,Nguyễn Thu,{_newsroom.Editor.UserId},story:1," +
            "\"Correction of \"\"Hội nghị, lần thứ 15\"\"\nđã sửa tên đại biểu\",203.0.113.7\r\n",
            text);
    }

    [Fact]
    public async Task The_csv_holds_exactly_the_filtered_entries_newest_first()
    {
        await SeedMixedAsync();

        var text = Encoding.UTF8.GetString(await ExportAsync(new AuditFilter(Action: "story.")));

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",story.published,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",story.transition,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+84 912 345 678", "'+84 912 345 678")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Giá xăng giảm", "Giá xăng giảm")]
    [InlineData("", "")]
    public void A_field_a_spreadsheet_would_run_as_a_formula_is_neutralised(string value, string expected)
    {
        Assert.Equal(expected, AuditCsv.Field(value));
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Editor)]
    public async Task Reporters_and_editors_are_refused_the_log_its_people_and_its_export(string role)
    {
        await SeedMixedAsync();
        var someone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, role)], "test"));
        using var output = new MemoryStream();

        await _newsroom.InScopeAsync(async sp =>
        {
            var audit = sp.As(Actor.From(someone)).GetRequiredService<IAuditQueries>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => audit.SearchAsync(new AuditFilter(), 0, 10));
            await Assert.ThrowsAsync<AccessDeniedException>(() => audit.PeopleAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => audit.ExportCsvAsync(new AuditFilter(), output));
            return 0;
        });

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task An_admin_may_filter_by_every_person_by_name()
    {
        var people = await _newsroom.InScopeAsync(sp => AsAdmin(sp).PeopleAsync());

        Assert.Equal(["Hoàng Lan", "Nguyễn Thu", "Quản trị"], people.Select(p => p.Name));
    }

    [Fact]
    public void The_action_groups_cover_every_action_once_under_its_prefix()
    {
        var groups = AuditQueries.ActionGroups;

        // Other groups may come with new actions; these are the ones the page must offer now.
        Assert.Subset(groups.Select(g => g.Prefix).ToHashSet(), new HashSet<string> { "sign-in.", "account.", "story.", "media.", "settings." });
        Assert.Contains(AuditActions.StoryPublished, groups.Single(g => g.Prefix == "story.").Actions);
        Assert.All(groups, g => Assert.All(g.Actions, a => Assert.StartsWith(g.Prefix, a, StringComparison.Ordinal)));
        var all = groups.SelectMany(g => g.Actions).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Over_long_texts_are_shortened_not_refused()
    {
        var entry = AuditEntry.Create(new AuditRecord(AuditActions.StoryCorrected, "u", "n", "story:1", new string('x', 5000)), DateTime.UtcNow, null);

        Assert.Equal(AuditEntry.DetailsMaxLength, entry.Details.Length);
        Assert.EndsWith("…", entry.Details, StringComparison.Ordinal);
    }

    private ClaimsPrincipal AdminPrincipal => AuditTestNewsroom.Principal(_newsroom.Admin);

    /// <summary>The audit queries of a scope acting as the admin, as the admin's circuit would.</summary>
    private IAuditQueries AsAdmin(IServiceProvider sp) => sp.As(Actor.From(AdminPrincipal)).GetRequiredService<IAuditQueries>();

    /// <summary>A transition and a media deletion by the reporter, a publish by the editor, a settings change by the admin.</summary>
    private async Task SeedMixedAsync()
    {
        await RecordAsync(new AuditRecord(AuditActions.StoryTransition, _newsroom.Reporter.UserId, "Hoàng Lan", "story:1", "Draft → In review"));
        _newsroom.Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new AuditRecord(AuditActions.StoryPublished, _newsroom.Editor.UserId, "Nguyễn Thu", "story:1", "In review → Published"));
        _newsroom.Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new AuditRecord(AuditActions.MediaDeleted, _newsroom.Reporter.UserId, "Hoàng Lan", "media:1", "Deleted \"a.jpg\""));
        _newsroom.Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new AuditRecord(AuditActions.SettingsChanged, _newsroom.Admin.UserId, "Quản trị", "settings", "Site name"));
    }

    private Task RecordAsync(AuditRecord record) => _newsroom.InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IAuditLog>().RecordAsync(record);
        return 0;
    });

    private Task<AuditPage> SearchAsync(AuditFilter filter, int page = 0, int pageSize = 50) =>
        _newsroom.InScopeAsync(sp => AsAdmin(sp).SearchAsync(filter, page, pageSize));

    private Task<byte[]> ExportAsync(AuditFilter filter) => _newsroom.InScopeAsync(async sp =>
    {
        using var output = new MemoryStream();
        await AsAdmin(sp).ExportCsvAsync(filter, output);
        return output.ToArray();
    });
}
