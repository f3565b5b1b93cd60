using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts.Sessions;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Erases a person's personal data while the newsroom keeps who wrote what. An account is never
/// deleted (its stories, revisions and workflow events point at it): it is anonymised instead.
/// The e-mail and user name become a unique meaningless address, the display name a neutral label,
/// and the password, authenticator, recovery codes, passkeys, external logins, claims, roles and
/// phone are removed; the account is deactivated for good and every session ends. The copies of
/// the name in the newsroom's records (story author, workflow events, revisions, notes, uploads)
/// become the label too, their links to the account stay. A story's byline is its own text,
/// written when the story was, so every byline stays as published. The audit log is not rewritten:
/// it is the append-only record of who did what.
/// The last-admin rule holds here as on every other path (<see cref="LastAdminRule"/>).
/// </summary>
public interface IPersonalDataErasure
{
    /// <summary>The scope's <see cref="CurrentActor"/> erases their own data.</summary>
    Task EraseOwnAsync(CancellationToken cancellationToken = default);

    /// <summary>An admin (the scope's <see cref="CurrentActor"/>) erases someone's data, at that person's request; Admin only.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IPersonalDataErasure"/>
public sealed class PersonalDataErasure(IServiceScopeFactory scopes, IServiceProvider services, CurrentActor currentActor, TimeProvider clock) : IPersonalDataErasure
{
    /// <summary>The domain part of erased accounts' addresses; <c>.invalid</c> is reserved and never delivers (RFC 2606).</summary>
    public const string ErasedEmailDomain = "erased.invalid";

    public async Task EraseOwnAsync(CancellationToken cancellationToken = default)
    {
        // The person's own request needs no role: whoever is signed in may erase their own data.
        var person = await currentActor.ClaimedAsync();
        await EraseAsync(person.UserId, adminRefusal: null, cancellationToken);
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        EraseAsync(userId, DomainText.Get("Only an Admin may erase someone's personal data."), cancellationToken);

    /// <summary>Erases <paramref name="userId"/>'s data; an admin's erasure (with its <paramref name="adminRefusal"/>) first checks the actor.</summary>
    private async Task EraseAsync(string userId, string? adminRefusal, CancellationToken cancellationToken)
    {
        await LastAdminRule.RunAsync(async () =>
        {
            await using var operation = AccountOperation.Open(scopes, services);
            var (users, db) = (operation.Users, operation.Db);
            var admin = adminRefusal is null ? null : await currentActor.EnsureAdminAsync(db, adminRefusal, cancellationToken);
            var user = await users.FindByIdAsync(userId ?? "") ?? throw new DomainException("That account does not exist (any more).");
            if (user.ErasedAt is not null)
                throw new DomainException("This account's personal data is already erased.");
            if (await LastAdminRule.IsLastActiveAdminAsync(users, user))
                throw new DomainException("{0} is the last active Admin; make someone else an Admin before erasing this account's personal data.", user.DisplayName);

            var now = clock.GetUtcNow().UtcDateTime;
            var neutralName = DomainText.Get("Former staff member");
            await db.InTransactionAsync(async ct =>
            {
                foreach (var login in await users.GetLoginsAsync(user))
                    Check(await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey));
                foreach (var passkey in await users.GetPasskeysAsync(user))
                    Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
                var claims = await users.GetClaimsAsync(user);
                if (claims.Count > 0)
                    Check(await users.RemoveClaimsAsync(user, claims));
                var roles = await users.GetRolesAsync(user);
                if (roles.Count > 0)
                    Check(await users.RemoveFromRolesAsync(user, roles));
                // The authenticator key, the recovery codes and any other stored token.
                await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);

                var anonymous = $"erased-{Guid.NewGuid():N}";
                user.UserName = anonymous;
                user.NormalizedUserName = users.NormalizeName(anonymous);
                user.Email = $"{anonymous}@{ErasedEmailDomain}";
                user.NormalizedEmail = users.NormalizeEmail(user.Email);
                user.EmailConfirmed = false;
                user.PhoneNumber = null;
                user.PhoneNumberConfirmed = false;
                user.PasswordHash = null;
                user.TwoFactorEnabled = false;
                user.LastTotpTimeStep = null;
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                user.DisplayName = neutralName;
                user.UiLanguage = "";
                user.LastSignInAt = null;
                user.DeactivatedAt ??= now;
                user.ErasedAt = now;
                // The record names no e-mail or former name: the account's id is what links it to the past.
                var erased = admin is null
                    ? AccountChanged.ByThemselves(user, AuditActions.PersonalDataErased, "Personal data erased at the person's request")
                    : AccountChanged.By(admin, user, AuditActions.PersonalDataErased, "Personal data erased by an Admin");
                Check(await operation.Changes.ApplyAsync(user, erased, () => users.UpdateSecurityStampAsync(user)));

                // The newsroom's records keep the account's id and show the neutral label where
                // they copied the name; a story's byline is left alone (it is what was published).
                await db.Stories.Where(x => x.AuthorId == user.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.AuthorName, neutralName), cancellationToken);
                await db.WorkflowEvents.Where(x => x.ActorId == user.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.ActorName, neutralName), cancellationToken);
                await db.StoryRevisions.Where(x => x.AuthorId == user.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.AuthorName, neutralName), cancellationToken);
                await db.EditorialNotes.Where(x => x.AuthorId == user.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.AuthorName, neutralName), cancellationToken);
                await db.MediaAssets.Where(x => x.UploaderId == user.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.UploaderName, neutralName), cancellationToken);
                await db.EditLeases.Where(x => x.HolderId == user.Id).ExecuteDeleteAsync(ct);
            }, cancellationToken);
            await operation.Services.GetRequiredService<UserSessions>().EndAllAsync(user.Id, cancellationToken);
        }, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
