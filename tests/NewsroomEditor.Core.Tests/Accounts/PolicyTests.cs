using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>The permission table of DESIGN.md §2, as the named policies carry it.</summary>
public class PolicyTests
{
    public static TheoryData<string, string, bool> Table => new()
    {
        { Roles.Reporter, Policies.CanEditStories, true },
        { Roles.Editor, Policies.CanEditStories, true },
        { Roles.Admin, Policies.CanEditStories, false },
        { Roles.Reporter, Policies.CanReview, false },
        { Roles.Editor, Policies.CanReview, true },
        { Roles.Admin, Policies.CanReview, false },
        { Roles.Reporter, Policies.CanPublish, false },
        { Roles.Editor, Policies.CanPublish, true },
        { Roles.Admin, Policies.CanPublish, false },
        { Roles.Reporter, Policies.CanUseMedia, true },
        { Roles.Editor, Policies.CanUseMedia, true },
        { Roles.Admin, Policies.CanUseMedia, false },
        { Roles.Reporter, Policies.CanManageUsers, false },
        { Roles.Editor, Policies.CanManageUsers, false },
        { Roles.Admin, Policies.CanManageUsers, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_meets_exactly_its_policies(string role, string policy, bool allowed)
    {
        await using var host = await CoreTestHost.StartAsync();
        var authorization = host.Services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        var result = await authorization.AuthorizeAsync(user, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task Only_an_admin_may_list_people()
    {
        var editor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Editor)], "test"));
        await using var host = await CoreTestHost.StartAsync(services: s => s.AddSingleton<IActorSource>(new SignedIn(editor)));

        await host.InScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IUserDirectory>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => directory.ListAsync());
        });
    }

    private sealed class SignedIn(ClaimsPrincipal principal) : IActorSource
    {
        public ValueTask<ClaimsPrincipal?> PrincipalAsync() => ValueTask.FromResult<ClaimsPrincipal?>(principal);
    }
}
