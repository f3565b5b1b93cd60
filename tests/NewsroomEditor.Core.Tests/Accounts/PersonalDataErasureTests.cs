using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Sessions;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// Erasing a person's data anonymises the account instead of deleting it: the newsroom keeps who
/// wrote what, bylines stay as published, and the last active Admin is never erased.
/// </summary>
public sealed class PersonalDataErasureTests : IAsyncLifetime
{
    private AccountsTestHost _host = default!;
    private (ApplicationUser User, ClaimsPrincipal Principal) _admin;

    public async Task InitializeAsync()
    {
        _host = await AccountsTestHost.StartAsync();
        _admin = await _host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_last_admin_cannot_erase_their_own_data_and_the_newsroom_keeps_one_admin()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => EraseOwnAsync(_admin.Principal));

        Assert.Equal("Quản trị is the last active Admin; make someone else an Admin before erasing this account's personal data.", refusal.Message);
        Assert.Equal(1, await ActiveAdminsAsync());
        var admin = await _host.ReloadAsync(_admin.User.Id);
        Assert.Equal("admin@example.vn", admin.Email);
        Assert.Null(admin.ErasedAt);
        Assert.NotNull(admin.PasswordHash);
        Assert.Empty(_host.Audit.Records);
    }

    [Fact]
    public async Task Two_admins_erasing_themselves_at_once_leave_one_admin()
    {
        var thu = await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Admin);

        var attempts = await Task.WhenAll(
            Task.Run(() => Outcome(EraseOwnAsync(_admin.Principal))),
            Task.Run(() => Outcome(EraseOwnAsync(thu.Principal))));

        Assert.Equal(1, attempts.Count(refused => !refused));
        Assert.Equal(1, await ActiveAdminsAsync());
    }

    [Fact]
    public async Task A_reporter_with_a_published_story_erases_their_data_and_the_byline_stays_as_published()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var storyId = await PublishedStoryByAsync(lan.User, "Hoàng Lan");
        await GiveEverySignInFactorAsync(lan.User.Id);
        await OpenSessionAsync(lan.Principal);

        await EraseOwnAsync(lan.Principal);

        var erased = await _host.ReloadAsync(lan.User.Id);
        Assert.EndsWith("@" + PersonalDataErasure.ErasedEmailDomain, erased.Email, StringComparison.Ordinal);
        Assert.DoesNotContain("lan", erased.Email!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(erased.Email, erased.UserName + "@" + PersonalDataErasure.ErasedEmailDomain);
        Assert.Equal("Former staff member", erased.DisplayName);
        Assert.Null(erased.PasswordHash);
        Assert.Null(erased.PhoneNumber);
        Assert.False(erased.TwoFactorEnabled);
        Assert.False(erased.EmailConfirmed);
        Assert.NotNull(erased.DeactivatedAt);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, erased.ErasedAt);
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(lan.User.Id))!;
            Assert.Null(await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
            Assert.Empty(await users.GetLoginsAsync(user));
            Assert.Empty(await users.GetPasskeysAsync(user));
            Assert.Empty(await users.GetRolesAsync(user));
            Assert.Null(await users.FindByEmailAsync("lan@example.vn"));
            Assert.Equal(0, await sp.GetRequiredService<UserSessions>().CountAsync(user.Id));
            return 0;
        });

        var story = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId));
        Assert.Equal("Hoàng Lan", story.Byline);
        Assert.Equal(StoryState.Published, story.State);
        Assert.Equal(lan.User.Id, story.AuthorId);
        Assert.Equal("Former staff member", story.AuthorName);
        var events = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().WorkflowEvents.AsNoTracking()
            .Where(e => e.StoryId == storyId).ToListAsync());
        Assert.Contains(events, e => e.ActorId == lan.User.Id && e.ActorName == "Former staff member" && e.Action == StoryAction.Submit);

        var record = Assert.Single(_host.Audit.Records, r => r.Action == AuditActions.PersonalDataErased);
        Assert.Equal($"user:{lan.User.Id}", record.Target);
        Assert.DoesNotContain("lan@example.vn", record.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Lan", record.ActorName!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_erases_someone_on_request_and_a_reporter_may_not()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var minh = await _host.PersonAsync("minh@example.vn", "Trần Minh", Roles.Reporter);

        await Assert.ThrowsAsync<AccessDeniedException>(() => EraseAsync(minh.Principal, lan.User.Id));
        Assert.Null((await _host.ReloadAsync(lan.User.Id)).ErasedAt);

        await EraseAsync(_admin.Principal, lan.User.Id);

        Assert.NotNull((await _host.ReloadAsync(lan.User.Id)).ErasedAt);
        var record = Assert.Single(_host.Audit.Records);
        Assert.Equal(AuditActions.PersonalDataErased, record.Action);
        Assert.Equal(_admin.User.Id, record.ActorId);
        var again = await Assert.ThrowsAsync<DomainException>(() => EraseAsync(_admin.Principal, lan.User.Id));
        Assert.Contains("already erased", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erased_account_shows_as_erased_and_cannot_be_reactivated_or_given_roles()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        await EraseOwnAsync(lan.Principal);

        var page = await _host.WithAccountsAsync(_admin.Principal, a => a.ListAsync(new AccountQuery(Status: AccountStatus.Erased)));
        Assert.Equal(lan.User.Id, Assert.Single(page.Items).Id);
        var reactivate = await Assert.ThrowsAsync<DomainException>(() => _host.WithAccountsAsync(_admin.Principal, a => a.ReactivateAsync(lan.User.Id)));
        Assert.Contains("erased", reactivate.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => _host.WithAccountsAsync(_admin.Principal, a => a.ChangeRolesAsync(lan.User.Id, [Roles.Editor])));
        Assert.NotNull((await _host.ReloadAsync(lan.User.Id)).DeactivatedAt);
        Assert.Empty(await _host.RolesAsync(lan.User.Id));
    }

    [Fact]
    public async Task Deactivating_or_changing_roles_ends_every_stored_session_of_that_person()
    {
        var lan = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var thu = await _host.PersonAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        await OpenSessionAsync(lan.Principal);
        await OpenSessionAsync(lan.Principal);
        await OpenSessionAsync(thu.Principal);
        Assert.Equal(2, await SessionsAsync(lan.User.Id));

        await _host.WithAccountsAsync(_admin.Principal, a => a.ChangeRolesAsync(lan.User.Id, [Roles.Editor]));
        Assert.Equal(0, await SessionsAsync(lan.User.Id));
        Assert.Equal(1, await SessionsAsync(thu.User.Id));

        await _host.WithAccountsAsync(_admin.Principal, a => a.DeactivateAsync(thu.User.Id));
        Assert.Equal(0, await SessionsAsync(thu.User.Id));
    }

    private static async Task<bool> Outcome(Task attempt)
    {
        try
        {
            await attempt;
            return false;
        }
        catch (DomainException)
        {
            return true;
        }
    }

    private Task EraseOwnAsync(ClaimsPrincipal person) =>
        _host.InScopeAsync(async sp =>
        {
            await sp.SignedIn(person).GetRequiredService<IPersonalDataErasure>().EraseOwnAsync();
            return 0;
        });

    private Task EraseAsync(ClaimsPrincipal admin, string userId) =>
        _host.InScopeAsync(async sp =>
        {
            await sp.SignedIn(admin).GetRequiredService<IPersonalDataErasure>().EraseAsync(userId);
            return 0;
        });

    private Task<int> ActiveAdminsAsync() =>
        _host.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin))
            .Count(a => a.DeactivatedAt is null && a.PasswordHash is not null));

    private Task<int> SessionsAsync(string userId) =>
        _host.InScopeAsync(sp => sp.GetRequiredService<UserSessions>().CountAsync(userId));

    /// <summary>A session as the sign-in cookie would store it, ending two weeks on.</summary>
    private Task OpenSessionAsync(ClaimsPrincipal principal) =>
        _host.InScopeAsync(async sp =>
        {
            var properties = new AuthenticationProperties { ExpiresUtc = _host.Clock.GetUtcNow().AddDays(14) };
            var copy = new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "Identity.Application"));
            return await sp.GetRequiredService<DatabaseTicketStore>().StoreAsync(new AuthenticationTicket(copy, properties, "Identity.Application"));
        });

    private Task GiveEverySignInFactorAsync(string userId) =>
        _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            AccountsTestHost.Succeeded(await users.ResetAuthenticatorKeyAsync(user));
            Assert.NotNull(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10));
            AccountsTestHost.Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
            AccountsTestHost.Succeeded(await users.SetPhoneNumberAsync(user, "+84 90 123 4567"));
            AccountsTestHost.Succeeded(await users.AddLoginAsync(user, new UserLoginInfo("Google", "google-key-of-lan", "Google")));
            return 0;
        });

    /// <summary>A story written by <paramref name="author"/> with the given byline, published by an editor.</summary>
    private async Task<Guid> PublishedStoryByAsync(ApplicationUser author, string byline)
    {
        var (editor, _) = await _host.PersonAsync("editor@example.vn", "Nguyễn Thu", Roles.Editor);
        var writer = Actor.Create(author.Id, author.DisplayName, Roles.Reporter);
        var desk = Actor.Create(editor.Id, editor.DisplayName, Roles.Editor);
        return await _host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var sectionId = await sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
            var story = await stories.CreateAsync(writer, "vi", sectionId);
            Assert.True((await stories.SaveAsync(writer, story.Id, story.Version, StoryFactory.Content() with { SectionId = sectionId, Byline = byline })).Saved);
            await sp.As(writer).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            await stories.TransitionAsync(writer, story.Id, StoryAction.Submit);
            await stories.TransitionAsync(desk, story.Id, StoryAction.Publish);
            return story.Id;
        });
    }
}
