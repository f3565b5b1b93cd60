using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>Users (Admin only): every action, its authorization, its rules and its audit record.</summary>
public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private AccountsTestHost _host = default!;
    private (ApplicationUser User, ClaimsPrincipal Principal) _admin;

    public async Task InitializeAsync()
    {
        _host = await AccountsTestHost.StartAsync();
        _admin = await _host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> NonAdminRoles => new() { Roles.Reporter, Roles.Editor };

    [Theory]
    [MemberData(nameof(NonAdminRoles))]
    public async Task A_reporter_or_editor_is_refused_every_admin_action(string role)
    {
        var (_, someone) = await _host.PersonAsync("someone@example.vn", "Ai đó", role);
        var target = _admin.User.Id;
        var refusals = new List<Func<IAccountAdministration, Task>>
        {
            a => a.ListAsync(new AccountQuery()),
            a => a.InviteAsync(new NewAccount("Mới", "new@example.vn", [Roles.Admin]), AccountsTestHost.AppBase),
            a => a.RenewInvitationAsync(target, AccountsTestHost.AppBase),
            a => a.ChangeRolesAsync(target, [Roles.Reporter]),
            a => a.DeactivateAsync(target),
            a => a.ReactivateAsync(target),
            a => a.UnlockAsync(target),
            a => a.SendPasswordResetAsync(target, AccountsTestHost.AppBase),
        };

        foreach (var refusal in refusals)
            await Assert.ThrowsAsync<AccessDeniedException>(() => _host.WithAccountsAsync(someone, refusal));

        Assert.Null(await _host.InScopeAsync(sp => sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("new@example.vn")));
        Assert.Equal([Roles.Admin], await _host.RolesAsync(target));
        Assert.Null((await _host.ReloadAsync(target)).DeactivatedAt);
        Assert.Empty(_host.Audit.Records);
    }

    [Fact]
    public async Task Inviting_creates_an_account_without_a_password_and_a_link_to_accept()
    {
        var link = await InviteAsync("Hoàng Lan", "lan@example.vn", Roles.Reporter, Roles.Editor);

        var lan = await _host.ReloadAsync(link.UserId);
        Assert.Equal("Hoàng Lan", lan.DisplayName);
        Assert.Null(lan.PasswordHash);
        Assert.True(lan.EmailConfirmed);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, lan.InvitedAt);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, lan.CreatedAt);
        Assert.Equal([Roles.Editor, Roles.Reporter], (await _host.RolesAsync(lan.Id)).Order());
        Assert.Equal("https://newsroom.example.vn/Account/AcceptInvitation", link.Link.GetLeftPart(UriPartial.Path));
        var (userId, code) = Parse(link);
        Assert.Equal(lan.Id, userId);
        Assert.False(string.IsNullOrEmpty(code));
        Assert.False(link.Emailed); // no Email:SmtpHost here
        Assert.Empty(_host.Mail.Sent);

        var page = await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(new AccountQuery(Search: "lan@")));
        Assert.Equal(AccountStatus.Invited, Assert.Single(page.Items).Status);
        Assert.Collection(_host.Audit.Records,
            r => AssertRecord(r, AuditActions.AccountCreated, lan.Id),
            r => AssertRecord(r, AuditActions.AccountInvited, lan.Id));
    }

    [Theory]
    [InlineData("", "lan@example.vn", "Display name is required")]
    [InlineData("Hoàng Lan", "not an address", "is not an e-mail address")]
    [InlineData("Hoàng Lan", "admin@example.vn", "already exists")]
    public async Task An_invitation_with_bad_input_is_refused_and_nothing_is_kept(string name, string email, string message)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _host.WithAccountsAsync(_admin.Principal, a =>
            a.InviteAsync(new NewAccount(name, email, [Roles.Reporter]), AccountsTestHost.AppBase)));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        var page = await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(new AccountQuery()));
        Assert.Single(page.Items);
        Assert.Empty(_host.Audit.Records);
    }

    [Theory]
    [InlineData(new string[0], "at least one role")]
    [InlineData(new[] { "Publisher" }, "'Publisher' is not a role")]
    public async Task An_invitation_needs_known_roles(string[] roles, string message)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => _host.WithAccountsAsync(_admin.Principal, a =>
            a.InviteAsync(new NewAccount("Hoàng Lan", "lan@example.vn", roles), AccountsTestHost.AppBase)));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var link = await InviteAsync("Hoàng Lan", "lan@example.vn", Roles.Reporter);
        var (userId, code) = Parse(link);
        var stampBefore = await _host.SecurityStampAsync(userId);

        var invitee = await _host.WithInvitationsAsync(i => i.FindAsync(userId, code));
        Assert.Equal("Hoàng Lan", invitee?.DisplayName);
        AccountsTestHost.Succeeded(await _host.WithInvitationsAsync(i => i.AcceptAsync(userId, code, "một mật khẩu đủ dài")));

        Assert.NotEqual(stampBefore, await _host.SecurityStampAsync(userId));
        Assert.True(await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.CheckPasswordAsync((await users.FindByIdAsync(userId))!, "một mật khẩu đủ dài");
        }));
        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync(userId, code)));
        var second = await Assert.ThrowsAsync<DomainException>(() => _host.WithInvitationsAsync(i => i.AcceptAsync(userId, code, "another long passphrase")));
        Assert.Equal(Invitations.UsedOrExpired, second.Message);
        Assert.Contains("already been used or has expired", second.Message, StringComparison.Ordinal);
        AssertRecord(_host.Audit.Records[^1], AuditActions.InvitationAccepted, userId);
        Assert.Equal(userId, _host.Audit.Records[^1].ActorId);
    }

    [Fact]
    public async Task An_invitation_expires_after_the_configured_days()
    {
        await using var host = await AccountsTestHost.StartAsync(new Dictionary<string, string?> { ["Accounts:InvitationDays"] = "2" });
        var (_, admin) = await host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);
        var link = await host.WithAccountsAsync(admin, a => a.InviteAsync(new NewAccount("Hoàng Lan", "lan@example.vn", [Roles.Reporter]), AccountsTestHost.AppBase));
        var (userId, code) = Parse(link);

        host.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await host.WithInvitationsAsync(i => i.FindAsync(userId, code)));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await host.WithInvitationsAsync(i => i.FindAsync(userId, code)));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => host.WithInvitationsAsync(i => i.AcceptAsync(userId, code, "một mật khẩu đủ dài")));
        Assert.Equal(Invitations.UsedOrExpired, refusal.Message);
        Assert.Null((await host.ReloadAsync(userId)).PasswordHash);
    }

    [Fact]
    public async Task A_forged_or_borrowed_code_is_refused()
    {
        var lan = Parse(await InviteAsync("Hoàng Lan", "lan@example.vn", Roles.Reporter));
        var thu = Parse(await InviteAsync("Nguyễn Thu", "thu@example.vn", Roles.Editor));

        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync(lan.UserId, thu.Code)));
        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync(lan.UserId, lan.Code[..^4] + "AAAA")));
        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync(lan.UserId, "not-a-code")));
        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync("no-such-user", lan.Code)));
        Assert.NotNull(await _host.WithInvitationsAsync(i => i.FindAsync(lan.UserId, lan.Code)));
    }

    [Fact]
    public async Task A_new_invitation_link_voids_the_old_one()
    {
        var first = Parse(await InviteAsync("Hoàng Lan", "lan@example.vn", Roles.Reporter));

        var renewed = Parse(await _host.WithAccountsAsync(_admin.Principal, a => a.RenewInvitationAsync(first.UserId, AccountsTestHost.AppBase)));

        Assert.Null(await _host.WithInvitationsAsync(i => i.FindAsync(first.UserId, first.Code)));
        Assert.NotNull(await _host.WithInvitationsAsync(i => i.FindAsync(renewed.UserId, renewed.Code)));
    }

    [Fact]
    public async Task The_list_searches_without_case_or_diacritics_and_filters_by_role_and_status()
    {
        await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var thu = await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor, Roles.Reporter);
        var duong = await _host.PersonAsync("duong@example.vn", "Đường Minh", Roles.Editor);
        await InviteAsync("Phạm Hà", "ha@example.vn", Roles.Reporter);
        await _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(thu.User.Id));
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(duong.User.Id))!, _host.Clock.GetUtcNow().AddMinutes(15));
        });

        async Task<IEnumerable<string>> NamesAsync(AccountQuery query) =>
            (await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(query))).Items.Select(r => r.DisplayName);

        Assert.Equal(["Hoàng Lan"], await NamesAsync(new AccountQuery(Search: "HOANG")));
        Assert.Equal(["Đường Minh"], await NamesAsync(new AccountQuery(Search: "duong minh")));
        Assert.Equal(["Nguyễn Thu"], await NamesAsync(new AccountQuery(Search: "THU@EXAMPLE")));
        Assert.Equal(["Đường Minh", "Nguyễn Thu"], await NamesAsync(new AccountQuery(Role: Roles.Editor)));
        Assert.Equal(["Nguyễn Thu"], await NamesAsync(new AccountQuery(Status: AccountStatus.Deactivated)));
        Assert.Equal(["Đường Minh"], await NamesAsync(new AccountQuery(Status: AccountStatus.LockedOut)));
        Assert.Equal(["Phạm Hà"], await NamesAsync(new AccountQuery(Status: AccountStatus.Invited)));
        Assert.Equal(["Hoàng Lan", "Quản trị"], await NamesAsync(new AccountQuery(Status: AccountStatus.Active)));
        Assert.Equal(["Hoàng Lan"], await NamesAsync(new AccountQuery(Role: Roles.Reporter, Status: AccountStatus.Active)));

        // The lockout ends with time, and so does the status.
        _host.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.DoesNotContain("Đường Minh", await NamesAsync(new AccountQuery(Status: AccountStatus.LockedOut)));
    }

    [Fact]
    public async Task The_list_is_paged_in_name_order()
    {
        foreach (var n in Enumerable.Range(1, 5))
            await _host.PersonAsync($"p{n}@example.vn", $"Người {n}", Roles.Reporter);

        var first = await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(new AccountQuery(Page: 0, PageSize: 4)));
        var second = await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(new AccountQuery(Page: 1, PageSize: 4)));

        Assert.Equal(6, first.TotalCount);
        Assert.Equal(["Người 1", "Người 2", "Người 3", "Người 4"], first.Items.Select(r => r.DisplayName));
        Assert.Equal(["Người 5", "Quản trị"], second.Items.Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Changing_roles_changes_the_security_stamp_and_is_audited()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Editor);
        var stamp = await _host.SecurityStampAsync(lan.User.Id);

        await _host.WithAccountsAsync(_admin.Principal, a => a.ChangeRolesAsync(lan.User.Id, [Roles.Reporter]));

        Assert.Equal([Roles.Reporter], await _host.RolesAsync(lan.User.Id));
        Assert.NotEqual(stamp, await _host.SecurityStampAsync(lan.User.Id));
        var record = Assert.Single(_host.Audit.Records);
        AssertRecord(record, AuditActions.RolesChanged, lan.User.Id);
        Assert.Equal("Roles: Editor → Reporter", record.Details);
        Assert.Equal(_admin.User.Id, record.ActorId);
        Assert.Equal("Quản trị", record.ActorName);
    }

    [Fact]
    public async Task The_last_active_admin_keeps_the_Admin_role()
    {
        // An invited admin (no password yet) and a deactivated one do not count as active.
        await InviteAsync("Mời", "invited-admin@example.vn", Roles.Admin);
        var former = await _host.PersonAsync("former@example.vn", "Cựu quản trị", Roles.Admin);
        await _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(former.User.Id));

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _host.WithAccountsAsync(_admin.Principal, a => a.ChangeRolesAsync(_admin.User.Id, [Roles.Editor])));

        Assert.Contains("last active Admin", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await _host.RolesAsync(_admin.User.Id));

        // With a second active admin, the first may step down.
        var thu = await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Admin);
        await _host.WithAccountsAsync(thu.Principal, a => a.ChangeRolesAsync(_admin.User.Id, [Roles.Editor]));
        Assert.Equal([Roles.Editor], await _host.RolesAsync(_admin.User.Id));
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Admin);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(_admin.User.Id)));

        Assert.Contains("your own account", refusal.Message, StringComparison.Ordinal);
        Assert.Null((await _host.ReloadAsync(_admin.User.Id)).DeactivatedAt);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_deactivated()
    {
        var thu = await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Admin);
        await _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(thu.User.Id));

        // Thu's page was still open: her (now stale) principal tries to switch off the last admin,
        // and is refused because she is no admin any more (CurrentActor reads the database).
        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.WithAccountsAsync(thu.Principal, a => a.DeactivateAsync(_admin.User.Id)));

        Assert.Equal(ActorVerifier.AccessChanged, refusal.Message);
        Assert.Null((await _host.ReloadAsync(_admin.User.Id)).DeactivatedAt);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_change_the_security_stamp_and_are_audited()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var stamp = await _host.SecurityStampAsync(lan.User.Id);

        await _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(lan.User.Id));

        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, (await _host.ReloadAsync(lan.User.Id)).DeactivatedAt);
        var deactivatedStamp = await _host.SecurityStampAsync(lan.User.Id);
        Assert.NotEqual(stamp, deactivatedStamp);
        var again = await Assert.ThrowsAsync<DomainException>(() => _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(lan.User.Id)));
        Assert.Contains("already deactivated", again.Message, StringComparison.Ordinal);

        await _host.WithAccountsAsync(_admin.Principal, a => a.ReactivateAsync(lan.User.Id));

        Assert.Null((await _host.ReloadAsync(lan.User.Id)).DeactivatedAt);
        Assert.NotEqual(deactivatedStamp, await _host.SecurityStampAsync(lan.User.Id));
        Assert.Collection(_host.Audit.Records,
            r => AssertRecord(r, AuditActions.AccountDeactivated, lan.User.Id),
            r => AssertRecord(r, AuditActions.AccountReactivated, lan.User.Id));
    }

    [Fact]
    public async Task Unlocking_ends_the_lockout_and_forgets_the_failed_attempts()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(lan.User.Id))!;
            await users.AccessFailedAsync(user);
            return await users.SetLockoutEndDateAsync(user, _host.Clock.GetUtcNow().AddMinutes(15));
        });
        var stamp = await _host.SecurityStampAsync(lan.User.Id);

        await _host.WithAccountsAsync(_admin.Principal, a => a.UnlockAsync(lan.User.Id));

        var unlocked = await _host.ReloadAsync(lan.User.Id);
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(0, unlocked.AccessFailedCount);
        Assert.NotEqual(stamp, await _host.SecurityStampAsync(lan.User.Id));
        AssertRecord(Assert.Single(_host.Audit.Records), AuditActions.AccountUnlocked, lan.User.Id);
    }

    [Fact]
    public async Task A_password_reset_link_resets_the_password_once()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);

        var link = await _host.WithAccountsAsync(_admin.Principal, a => a.SendPasswordResetAsync(lan.User.Id, AccountsTestHost.AppBase));

        Assert.Equal("https://newsroom.example.vn/Account/ResetPassword", link.Link.GetLeftPart(UriPartial.Path));
        Assert.False(link.Emailed);
        var code = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(QueryHelpers.ParseQuery(link.Link.Query)["code"]!));
        var (first, second) = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(lan.User.Id))!;
            var reset = await users.ResetPasswordAsync(user, code, "một mật khẩu mới đủ dài");
            var again = await users.ResetPasswordAsync(user, code, "thêm một mật khẩu nữa");
            return (reset, again);
        });
        AccountsTestHost.Succeeded(first);
        Assert.False(second.Succeeded);
        AssertRecord(Assert.Single(_host.Audit.Records), AuditActions.PasswordResetSent, lan.User.Id);
    }

    [Fact]
    public async Task A_password_reset_for_someone_still_invited_is_refused_with_the_way_out()
    {
        var link = await InviteAsync("Hoàng Lan", "lan@example.vn", Roles.Reporter);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _host.WithAccountsAsync(_admin.Principal, a => a.SendPasswordResetAsync(link.UserId, AccountsTestHost.AppBase)));

        Assert.Contains("send a new invitation", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acting_on_an_account_that_does_not_exist_says_so()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _host.WithAccountsAsync(_admin.Principal, a => a.UnlockAsync("no-such-user")));

        Assert.Contains("does not exist", refusal.Message, StringComparison.Ordinal);
    }

    private Task<AccountLink> InviteAsync(string name, string email, params string[] roles) =>
        _host.WithAccountsAsync(_admin.Principal, a => a.InviteAsync(new NewAccount(name, email, roles), AccountsTestHost.AppBase));

    private static (string UserId, string Code) Parse(AccountLink link)
    {
        var query = QueryHelpers.ParseQuery(link.Link.Query);
        return (query["userId"]!, query["code"]!);
    }

    private static void AssertRecord(AuditRecord record, string action, string userId)
    {
        Assert.Equal(action, record.Action);
        Assert.Equal($"user:{userId}", record.Target);
        Assert.False(string.IsNullOrWhiteSpace(record.Details));
    }
}
