using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// A Actor made when a circuit opened keeps its roles for as long as the page is open; the
/// services must act with the roles the database holds now (CurrentActor verifies them).
/// </summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _editor = default!;
    private Guid _storyInReview;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);

        var sectionId = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync());
        var story = await Stories(s => s.CreateAsync(_lan, "vi", sectionId));
        await Stories(s => s.SaveAsync(_lan, story.Id, story.Version, StoryFactory.Content() with { SectionId = sectionId }));
        await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id));
        await Stories(s => s.TransitionAsync(_lan, story.Id, StoryAction.Submit));
        _storyInReview = story.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_editor_demoted_while_their_page_is_open_can_no_longer_publish()
    {
        // _editor was built with the Editor role, as an open circuit's principal would still say.
        await ChangeUserAsync(_editor, async (users, user) =>
        {
            await users.RemoveFromRoleAsync(user, Roles.Editor);
            await users.AddToRoleAsync(user, Roles.Reporter);
        });

        await Assert.ThrowsAsync<AccessDeniedException>(() => Stories(s => s.TransitionAsync(_editor, _storyInReview, StoryAction.Publish)));

        var stored = await Stories(s => s.GetAsync(_lan, _storyInReview));
        Assert.Equal(StoryState.InReview, stored.State);
        Assert.Null(stored.FirstPublishedAt);
    }

    [Fact]
    public async Task The_same_editor_still_publishes_while_the_role_is_held()
    {
        var published = await Stories(s => s.TransitionAsync(_editor, _storyInReview, StoryAction.Publish));

        Assert.Equal(StoryState.Published, published.State);
    }

    [Fact]
    public async Task A_deactivated_person_is_refused_every_write_with_a_reload_message()
    {
        await ChangeUserAsync(_lan, (users, user) =>
        {
            user.DeactivatedAt = DateTime.UtcNow;
            return users.UpdateAsync(user);
        });

        var create = await Assert.ThrowsAsync<AccessDeniedException>(() => Stories(s => s.CreateAsync(_lan, "vi")));
        Assert.Equal(ActorVerifier.AccessChanged, create.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Stories(s => s.AddNoteAsync(_lan, _storyInReview, "Ghi chú")));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<EditLeaseService>().AcquireAsync(_storyInReview)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<IMediaService>().DeleteAsync(Guid.NewGuid())));
        Assert.Empty(await Stories(s => s.NotesAsync(_editor, _storyInReview)));
    }

    [Fact]
    public async Task The_verifier_returns_the_roles_held_now_and_refuses_an_unknown_account()
    {
        await ChangeUserAsync(_lan, (users, user) => users.AddToRoleAsync(user, Roles.Editor));

        var current = await _host.InScopeAsync(sp => sp.As(_lan).GetRequiredService<CurrentActor>().VerifiedAsync(sp.GetRequiredService<NewsroomDbContext>()));
        Assert.True(current.IsEditor);
        Assert.True(current.IsReporter);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.InScopeAsync(sp => sp.As(Actor.Create("no-such-user", "Ai đó", Roles.Editor)).GetRequiredService<CurrentActor>().VerifiedAsync(sp.GetRequiredService<NewsroomDbContext>())));
    }

    private Task ChangeUserAsync(Actor actor, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change) =>
        _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(actor.UserId) ?? throw new InvalidOperationException("No such user.");
            await change(users, user);
            await users.UpdateSecurityStampAsync(user);
        });

    private Task<T> Stories<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private async Task<Actor> UserAsync(string email, string name, string role) =>
        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
            await users.AddToRoleAsync(user, role);
            return Actor.Create(user.Id, name, role);
        });
}
