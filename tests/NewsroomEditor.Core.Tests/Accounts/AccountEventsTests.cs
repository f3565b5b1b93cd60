using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// Account changes are domain events (<see cref="AccountChanged"/>): the audit entry is written by
/// the save that stores the change, never after it, and a change that does not happen leaves none.
/// </summary>
public sealed class AccountEventsTests : IAsyncLifetime
{
    private readonly SavesSpy _saves = new();
    private AccountsTestHost _host = default!;
    private (ApplicationUser User, ClaimsPrincipal Principal) _admin;

    public async Task InitializeAsync()
    {
        _host = await AccountsTestHost.StartAsync(configure: services =>
        {
            services.AddSingleton(_saves);
            services.ConfigureDbContext<NewsroomDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SavesSpy>()));
            services.AddScoped<SettableAuditClient>();
            services.AddScoped<IAuditClient>(sp => sp.GetRequiredService<SettableAuditClient>());
        });
        _admin = await _host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_admin_change_and_its_audit_entry_are_one_save_with_the_admins_address()
    {
        var (lan, _) = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _saves.Clear();

        await _host.InScopeAsync(async sp =>
        {
            // The address is the calling scope's (the admin's circuit); the operation's own scope knows none.
            sp.GetRequiredService<SettableAuditClient>().IpAddress = "203.0.113.7";
            await sp.SignedIn(_admin.Principal).GetRequiredService<IAccountAdministration>().DeactivateAsync(lan.Id);
            return 0;
        });

        var save = Assert.Single(_saves.Saves, s => s.Contains("Added AuditEntry"));
        Assert.Contains("Modified ApplicationUser", save);
        var entry = await StoredEntryAsync(AuditActions.AccountDeactivated);
        Assert.Equal($"user:{lan.Id}", entry.Target);
        Assert.Equal(_admin.User.Id, entry.ActorId);
        Assert.Equal("203.0.113.7", entry.IpAddress);
    }

    [Fact]
    public async Task Accepting_an_invitation_is_audited_by_the_save_that_sets_the_password()
    {
        var link = await _host.WithAccountsAsync(_admin.Principal, a =>
            a.InviteAsync(new NewAccount("Hoàng Lan", "lan@example.vn", [Roles.Reporter]), AccountsTestHost.AppBase));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Link.Query);
        _saves.Clear();

        var accepted = await _host.WithInvitationsAsync(i => i.AcceptAsync(query["userId"], query["code"], AccountsTestHost.Password));

        AccountsTestHost.Succeeded(accepted);
        var save = Assert.Single(_saves.Saves, s => s.Contains("Added AuditEntry"));
        Assert.Contains("Modified ApplicationUser", save);
        Assert.Equal(link.UserId, (await StoredEntryAsync(AuditActions.InvitationAccepted)).ActorId);
    }

    [Fact]
    public async Task A_change_that_fails_writes_no_entry_and_leaves_none_for_the_next_save()
    {
        var (lan, _) = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(lan.Id))!;
            var changes = sp.GetRequiredService<AccountChanges>();

            var wrongPassword = await changes.ApplyAsync(user, AccountChanged.ByThemselves(user, AuditActions.PasswordChanged, "Changed their password."),
                () => users.ChangePasswordAsync(user, "not the password", "another long passphrase"));
            Assert.False(wrongPassword.Succeeded);
            Assert.Empty(user.DomainEvents);

            // A later save of the same account (here, a new display name) must not carry the failed change's entry.
            user.DisplayName = "Hoàng Thị Lan";
            AccountsTestHost.Succeeded(await users.UpdateAsync(user));
            return 0;
        });

        Assert.DoesNotContain(_host.Audit.Records, r => r.Action == AuditActions.PasswordChanged);
        Assert.Equal("Hoàng Thị Lan", (await _host.ReloadAsync(lan.Id)).DisplayName);
    }

    [Fact]
    public async Task A_change_that_writes_no_row_of_the_account_is_audited_on_its_own()
    {
        var (lan, _) = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _saves.Clear();

        var link = await _host.WithAccountsAsync(_admin.Principal, a => a.SendPasswordResetAsync(lan.Id, AccountsTestHost.AppBase));

        Assert.False(link.Emailed);
        var save = Assert.Single(_saves.Saves, s => s.Contains("Added AuditEntry"));
        Assert.DoesNotContain("Modified ApplicationUser", save);
        Assert.Equal($"user:{lan.Id}", (await StoredEntryAsync(AuditActions.PasswordResetSent)).Target);
    }

    private Task<AuditEntry> StoredEntryAsync(string action) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().AuditEntries.AsNoTracking().SingleAsync(e => e.Action == action));

    /// <summary>What each save writes, by state and entity type, seen after the domain events added their consequences.</summary>
    private sealed class SavesSpy : SaveChangesInterceptor
    {
        private readonly ConcurrentQueue<IReadOnlySet<string>> _saves = new();

        public IReadOnlyList<IReadOnlySet<string>> Saves => _saves.ToList();

        public void Clear() => _saves.Clear();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var written = eventData.Context!.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => $"{e.State} {e.Metadata.ClrType.Name}")
                .ToHashSet(StringComparer.Ordinal);
            _saves.Enqueue(written);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A client address that only the scope it is set in knows, as a circuit's is.</summary>
    private sealed class SettableAuditClient : IAuditClient
    {
        public string? IpAddress { get; set; }
    }
}
