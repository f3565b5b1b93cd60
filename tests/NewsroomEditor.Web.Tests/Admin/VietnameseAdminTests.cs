using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Admin;
using NewsroomEditor.Web.Components.Admin.Users;
using NewsroomEditor.Web.Components.Localization;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>
/// The admin pages in Vietnamese: our words from AdminText, MudBlazor's own (the data grid's pager)
/// through <see cref="NewsroomMudLocalizer"/>, role and status names translated, dates as Vietnamese
/// writes them. The culture is set per test and put back afterwards.
/// </summary>
public sealed class VietnameseAdminTests : NewsroomComponentTest
{
    private static readonly DateTime LanSignedIn = new(2026, 4, 11, 12, 45, 0, DateTimeKind.Utc);

    public VietnameseAdminTests()
    {
        // As WebHostingExtensions registers it, so that MudBlazor's words come from MudText.vi.resx.
        Services.AddTransient<MudLocalizer, NewsroomMudLocalizer>();
        Services.AddSingleton<IAccountAdministration>(new OnePageOfPeople());
        Services.AddSingleton<IPersonalDataErasure>(new NoPersonalDataErasure());
        Services.AddSingleton(Options.Create(new AccountOptions()));
        SignIn("Quản trị", Roles.Admin);
    }

    [Fact]
    public void The_users_page_speaks_Vietnamese_down_to_the_grid_pager()
    {
        using var _ = CultureScope.Vietnamese();

        var page = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<UsersPage>(1);
            builder.CloseComponent();
        });

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("Người dùng", page.Find("h1").TextContent.Trim());
        var lan = page.Find("[data-actions-for='lan@example.vn']").Closest("tr")!;
        Assert.Contains("Biên tập viên, Phóng viên", lan.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đang hoạt động", lan.QuerySelector("[data-status]")!.TextContent.Trim());
        // 12:45 UTC is 19:45 in Asia/Ho_Chi_Minh, written day first.
        Assert.Contains("11/04/2026 19:45", lan.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sửa vai trò", lan.TextContent, StringComparison.Ordinal);
        var ha = page.Find("[data-actions-for='ha@example.vn']").Closest("tr")!;
        Assert.Equal("Đã mời", ha.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Contains("Chưa bao giờ", ha.TextContent, StringComparison.Ordinal);
        // MudBlazor's own words, from MudText.vi.resx.
        var pager = page.Find(".mud-table-pagination");
        Assert.Contains("Số dòng mỗi trang:", pager.TextContent, StringComparison.Ordinal);
        Assert.Contains("1-25 trong tổng số 60", pager.TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("button[aria-label='Trang sau']"));
    }

    [Fact]
    public async Task The_app_gives_MudBlazor_its_Vietnamese_and_keeps_its_English()
    {
        await using var factory = new NewsroomAppFactory();
        using var scope = factory.Services.CreateScope();
        // What MudBlazor's components ask through (InternalMudLocalizer), with the app's registrations.
        var mud = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();

        using (CultureScope.Vietnamese())
            Assert.Equal("Số dòng mỗi trang:", mud.Handle("MudDataGridPager_RowsPerPage").Value);
        Assert.Equal("Rows per page:", mud.Handle("MudDataGridPager_RowsPerPage").Value);
    }

    /// <summary>
    /// MudText's keys are MudBlazor's (MudDataGridPager_InfoFormat), not English text, so the
    /// placeholders a translation must keep are those of MudBlazor's own English ("{0}-{1} of {2}").
    /// </summary>
    [Fact]
    public void Every_MudBlazor_translation_names_one_of_its_keys_and_keeps_its_placeholders()
    {
        var english = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudDataGrid<>).Assembly);
        var vietnamese = new ResourceManager(typeof(Web.Components.Localization.MudText)).GetResourceSet(new CultureInfo("vi"), createIfNotExists: true, tryParents: false);
        Assert.NotNull(vietnamese);
        var problems = new List<string>();
        var count = 0;
        foreach (DictionaryEntry entry in vietnamese)
        {
            count++;
            var key = (string)entry.Key;
            var translation = (string)entry.Value!;
            if (english.GetString(key, CultureInfo.InvariantCulture) is not { } original)
                problems.Add($"{key} is not a key of MudBlazor's");
            else if (!Placeholders(original).SetEquals(Placeholders(translation)))
                problems.Add($"{key}: \"{translation}\" does not keep the placeholders of \"{original}\"");
        }
        Assert.True(count > 0, "MudText.vi.resx is empty or not embedded");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_audit_export_refuses_a_bad_date_in_Vietnamese_for_a_Vietnamese_browser()
    {
        await using var factory = new NewsroomAppFactory();
        await factory.CompleteSetupAsync("admin@example.vn");
        var client = factory.CreateBrowserlessClient();
        using (var signIn = await Forms.SignInAsync(client, "admin@example.vn", NewsroomAppFactory.Password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN");

        using var typo = await client.GetAsync(AuditExportEndpoint.Path + "?from=11/04/2024");
        using var backwards = await client.GetAsync(AuditExportEndpoint.Path + "?from=2024-04-12&to=2024-04-11");

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal("'11/04/2024' không phải là ngày hợp lệ cho 'from'; hãy viết theo dạng yyyy-MM-dd, ví dụ 2024-04-11.",
            await typo.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        // The domain's refusal (AuditFilter), translated where it is made, dates day first.
        Assert.Equal("Ngày bắt đầu 12/04/2024 sau ngày kết thúc 11/04/2024.", await backwards.Content.ReadAsStringAsync());
    }

    private static HashSet<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{(\d+)(?:[,:][^}]*)?\}").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Two people of sixty, so that the grid has a pager with pages to go to; the page only lists here.</summary>
    private sealed class OnePageOfPeople : IAccountAdministration
    {
        public Task<AccountPage> ListAsync(AccountQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new AccountPage(
            [
                new("lan", "Hoàng Lan", "lan@example.vn", [Roles.Editor, Roles.Reporter], AccountStatus.Active, LanSignedIn, null),
                new("ha", "Phạm Hà", "ha@example.vn", [Roles.Reporter], AccountStatus.Invited, null, LanSignedIn),
            ], 60));

        public Task<AccountLink> InviteAsync(NewAccount account, Uri appBase, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<AccountLink> RenewInvitationAsync(string userId, Uri appBase, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task ChangeRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task DeactivateAsync(string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ReactivateAsync(string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task UnlockAsync(string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AccountLink> SendPasswordResetAsync(string userId, Uri appBase, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
