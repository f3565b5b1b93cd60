using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>What the first Admin gives on the setup page (or in <c>Seed:*</c>).</summary>
public sealed record FirstAdmin(string Email, string DisplayName, string Password);

/// <summary>
/// Process-wide memory of the first-run state. Once a user exists, setup is over for good, so the
/// answer is cached and the database is no longer asked on every request.
/// </summary>
public sealed class SetupGate
{
    private volatile bool _complete;

    internal SemaphoreSlim CreationLock { get; } = new(1, 1);
    internal bool IsKnownComplete => _complete;
    internal void MarkComplete() => _complete = true;
}

/// <summary>Creates the first administrator of a fresh install (<see cref="FirstRunSetup"/>).</summary>
public interface IFirstRunSetup
{
    Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the first user with the Admin role, in one transaction: either the admin exists with
    /// its role, or nothing was written. Refused once any user exists, also when two requests race.
    /// </summary>
    Task<IdentityResult> CreateFirstAdminAsync(FirstAdmin admin, CancellationToken cancellationToken = default);
}

/// <summary>
/// The first-run rule: while no user exists the app has no admin, and the only thing it offers is
/// creating one. After that, setup is closed forever.
/// </summary>
public sealed class FirstRunSetup(NewsroomDbContext db, UserManager<ApplicationUser> users, SetupGate gate) : IFirstRunSetup
{
    /// <summary>A new error each time: its description is in the reader's interface language.</summary>
    public static IdentityError AlreadyDone => new()
    {
        Code = "SetupAlreadyDone",
        Description = DomainText.Get("Setup has already been completed; sign in instead."),
    };

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        if (gate.IsKnownComplete)
            return true;
        if (!await db.Users.AnyAsync(cancellationToken))
            return false;
        gate.MarkComplete();
        return true;
    }

    /// <summary>
    /// Creates the first user with the Admin role, in one transaction: either the admin exists with
    /// its role, or nothing was written. Refused once any user exists, also when two requests race.
    /// </summary>
    public async Task<IdentityResult> CreateFirstAdminAsync(FirstAdmin admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var displayName = (admin.DisplayName ?? "").Trim().Normalize();
        if (displayName.Length is 0 or > ApplicationUser.DisplayNameMaxLength)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "InvalidDisplayName",
                Description = DomainText.Format("Display name is required and at most {0} characters.", ApplicationUser.DisplayNameMaxLength),
            });
        }

        await gate.CreationLock.WaitAsync(cancellationToken);
        try
        {
            if (await IsCompleteAsync(cancellationToken))
                return IdentityResult.Failed(AlreadyDone);

            var email = (admin.Email ?? "").Trim();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
            };
            // A refused password or name leaves the transaction uncommitted: nothing is kept.
            var result = await db.InTransactionAsync(async _ =>
            {
                var created = await users.CreateAsync(user, admin.Password ?? "");
                return created.Succeeded ? await users.AddToRoleAsync(user, Roles.Admin) : created;
            }, cancellationToken, commit: r => r.Succeeded);
            if (result.Succeeded)
                gate.MarkComplete();
            return result;
        }
        finally
        {
            gate.CreationLock.Release();
        }
    }
}
