using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// The scope's acting person: the principal the host gives, or whom the scope was told to act as,
/// with the roles the database holds now for writes and admin work.
/// </summary>
public sealed class CurrentActorTests : IAsyncLifetime
{
    private const string Refusal = "Only an Admin may see the list of people.";

    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _admin = await UserAsync("admin@example.vn", "Quản trị", Roles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_scope_with_nobody_signed_in_and_nobody_to_act_as_cannot_use_the_story_services()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.InScopeAsync(sp => sp.GetRequiredService<IStoryQueries>().DashboardAsync()));
    }

    [Fact]
    public async Task The_verified_actor_has_the_roles_the_database_holds_while_the_claimed_one_keeps_the_claims()
    {
        var claimsEditor = _lan with { Roles = new HashSet<string> { Roles.Editor } };

        var (claimed, verified) = await _host.InScopeAsync(async sp =>
        {
            var current = sp.GetRequiredService<CurrentActor>();
            current.ActAs(claimsEditor);
            return (await current.ClaimedAsync(), await current.VerifiedAsync(sp.GetRequiredService<NewsroomDbContext>()));
        });

        Assert.Equal([Roles.Editor], claimed.Roles);
        Assert.Equal([Roles.Reporter], verified.Roles);
        Assert.Equal(_lan.UserId, verified.UserId);
    }

    [Fact]
    public async Task Admin_work_is_refused_to_a_non_admin_acted_as_and_to_an_admin_demoted_since_the_claims_were_made()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => EnsureAdminAsync(_lan));
        Assert.Equal(_admin.UserId, (await EnsureAdminAsync(_admin)).UserId);

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(_admin.UserId) ?? throw new InvalidOperationException("No such user.");
            await users.RemoveFromRoleAsync(user, Roles.Admin);
            await users.AddToRoleAsync(user, Roles.Editor);
        });

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => EnsureAdminAsync(_admin));
        Assert.Equal(Refusal, refused.Message);
    }

    [Fact]
    public async Task Admin_work_asks_the_signed_in_principal_the_admin_policy_first()
    {
        // The principal claims no Admin role; the account is an Admin: the policy refuses before the database is asked.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, _admin.UserId), new Claim(ClaimTypes.Role, Roles.Editor)], "test"));
        var adminPrincipal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, _admin.UserId), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _host.InScopeAsync(sp =>
            new CurrentActor(new Signed(principal), sp.GetRequiredService<IAuthorizationService>())
                .EnsureAdminAsync(sp.GetRequiredService<NewsroomDbContext>(), Refusal)));
        var admitted = await _host.InScopeAsync(sp =>
            new CurrentActor(new Signed(adminPrincipal), sp.GetRequiredService<IAuthorizationService>())
                .EnsureAdminAsync(sp.GetRequiredService<NewsroomDbContext>(), Refusal));

        Assert.Equal(Refusal, refused.Message);
        Assert.Equal(_admin.UserId, admitted.UserId);
    }

    private Task<Actor> EnsureAdminAsync(Actor actor) => _host.InScopeAsync(sp =>
    {
        var current = sp.GetRequiredService<CurrentActor>();
        current.ActAs(actor);
        return current.EnsureAdminAsync(sp.GetRequiredService<NewsroomDbContext>(), Refusal);
    });

    private async Task<Actor> UserAsync(string email, string name, string role) =>
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
            await users.AddToRoleAsync(user, role);
            return Actor.Create(user.Id, name, role);
        });

    private sealed class Signed(ClaimsPrincipal principal) : IActorSource
    {
        public ValueTask<ClaimsPrincipal?> PrincipalAsync() => ValueTask.FromResult<ClaimsPrincipal?>(principal);
    }
}
