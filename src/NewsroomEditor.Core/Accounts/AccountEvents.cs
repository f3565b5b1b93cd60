using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// A change to a person's account, by an admin or by the person: recorded on the account and
/// audited by the save that stores the change, so the entry exists exactly when the change does.
/// </summary>
public sealed record AccountChanged(string Action, string UserId, string? ActorId, string? ActorName, string Details) : IAuditedEvent
{
    /// <summary>An admin (or another person acting on the account, such as the scheduler's <see cref="Actor.System"/>) changed it.</summary>
    public static AccountChanged By(Actor actor, ApplicationUser user, string action, string details)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(user);
        return new(action, user.Id, actor.UserId, actor.DisplayName, details);
    }

    /// <summary>The person changed their own account; named as the account is named now.</summary>
    public static AccountChanged ByThemselves(ApplicationUser user, string action, string details)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(action, user.Id, user.Id, user.DisplayName, details);
    }

    public AuditRecord ToAuditRecord() => new(Action, ActorId, ActorName, $"user:{UserId}", Details);
}

/// <summary>
/// Makes account changes made through Identity's <see cref="UserManager{TUser}"/> carry their
/// <see cref="AccountChanged"/> event into the save that stores them. Identity's store saves the
/// scoped <see cref="NewsroomDbContext"/>, the one this takes; the account must come from that scope's UserManager.
/// </summary>
public sealed class AccountChanges(NewsroomDbContext db)
{
    /// <summary>
    /// Runs <paramref name="change"/> (one or more UserManager calls) with <paramref name="changed"/>
    /// recorded on the account: the first save of the change writes its audit entry. A change that
    /// fails before saving leaves no event behind for a later save to write.
    /// </summary>
    public async Task<IdentityResult> ApplyAsync(ApplicationUser user, AccountChanged changed, Func<Task<IdentityResult>> change)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(change);
        user.Record(changed);
        try
        {
            var result = await change();
            if (!result.Succeeded)
                user.ClearDomainEvents();
            return result;
        }
        catch
        {
            user.ClearDomainEvents();
            throw;
        }
    }

    /// <summary>
    /// Audits a change that wrote no row of the account's (a link sent, sessions ended elsewhere):
    /// the save writes the entry alone, with the client address of the scope.
    /// </summary>
    public async Task RecordAsync(ApplicationUser user, AccountChanged changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(changed);
        if (db.Entry(user).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
            db.Attach(user);
        user.Record(changed);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// One admin operation on accounts: a fresh scope for Identity's <see cref="UserManager{TUser}"/>
/// and its context (a circuit's scope lives as long as the page, and a context must not), whose
/// saves audit with the calling scope's client address.
/// </summary>
internal sealed class AccountOperation : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private AccountOperation(AsyncServiceScope scope, IServiceProvider caller)
    {
        _scope = scope;
        Db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        // The entries name the address of the person acting, which the caller's scope knows.
        Db.Scope = caller;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Changes = new AccountChanges(Db);
    }

    public NewsroomDbContext Db { get; }

    public UserManager<ApplicationUser> Users { get; }

    public AccountChanges Changes { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public static AccountOperation Open(IServiceScopeFactory scopes, IServiceProvider caller) => new(scopes.CreateAsyncScope(), caller);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
