using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// Every operation that opens a transaction of its own, on a real PostgreSQL server, whose
/// provider retries transient failures: a retrying strategy refuses a transaction begun outside
/// it, so each must run inside it (first admin, invitation, role change, erasure, new section).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTransactionsTests(PostgreSqlServer server) : IAsyncLifetime
{
    private AccountsTestHost _host = default!;

    public async Task InitializeAsync() => _host = await AccountsTestHost.StartAsync(postgreSql: await server.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_first_admin_is_created_and_a_refused_one_leaves_nothing()
    {
        var refused = await _host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>()
            .CreateFirstAdminAsync(new FirstAdmin("lan@example.vn", "Hoàng Lan", "short")));
        Assert.False(refused.Succeeded);
        Assert.Equal(0, await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Users.CountAsync()));

        var created = await _host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>()
            .CreateFirstAdminAsync(new FirstAdmin("lan@example.vn", "Hoàng Lan", "a long enough passphrase")));

        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var roles = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync("lan@example.vn"))!);
        });
        Assert.Equal([Roles.Admin], roles);
    }

    [Fact]
    public async Task An_admin_invites_changes_roles_and_erases_and_creates_a_section()
    {
        var admin = await _host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);
        await _host.PersonAsync("admin2@example.vn", "Quản trị hai", Roles.Admin);

        var invited = await _host.WithAccountsAsync(admin.Principal,
            a => a.InviteAsync(new NewAccount("Hoàng Lan", "lan@example.vn", [Roles.Reporter]), AccountsTestHost.AppBase));
        await _host.WithAccountsAsync(admin.Principal, a => a.ChangeRolesAsync(invited.UserId, [Roles.Reporter, Roles.Editor]));
        var roles = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.GetRolesAsync((await users.FindByIdAsync(invited.UserId))!)).Order(StringComparer.Ordinal).ToList();
        });
        Assert.Equal([Roles.Editor, Roles.Reporter], roles);

        await _host.InScopeAsync(async sp =>
        {
            await sp.SignedIn(admin.Principal).GetRequiredService<IPersonalDataErasure>().EraseAsync(invited.UserId);
            return 0;
        });
        Assert.NotNull((await _host.ReloadAsync(invited.UserId)).ErasedAt);

        var section = await _host.InScopeAsync(sp => sp.As(Actor.From(admin.Principal)).GetRequiredService<ISectionAdministration>()
            .CreateAsync(new SectionNames("Giáo dục", "Education")));
        Assert.Equal("giao-duc", section.SlugVi);
        Assert.Contains(_host.Audit.Records, r => r.Action == AuditActions.SectionChanged);
    }
}
