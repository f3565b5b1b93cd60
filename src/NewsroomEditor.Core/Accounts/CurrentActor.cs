using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts;

/// <summary>Where the signed-in principal of the current scope comes from (the host knows: a circuit, a request).</summary>
public interface IActorSource
{
    /// <summary>The principal acting in this scope; null when there is none (a background job, a tool).</summary>
    ValueTask<ClaimsPrincipal?> PrincipalAsync();
}

/// <summary>No principal: a scope outside any request (the scheduler, tools, tests) says who acts with <see cref="CurrentActor.ActAs"/>.</summary>
public sealed class NoActorSource : IActorSource
{
    public ValueTask<ClaimsPrincipal?> PrincipalAsync() => ValueTask.FromResult<ClaimsPrincipal?>(null);
}

/// <summary>
/// Who acts in this scope, for every service of it: the signed-in principal the host's
/// <see cref="IActorSource"/> gives, or the actor a scope without one was told to act as
/// (<see cref="ActAs"/>: the scheduler acts as <see cref="Actor.System"/>). A write verifies the
/// actor against the database once, in its own context (<see cref="VerifiedAsync"/>): a circuit
/// keeps the principal it was opened with, and a demoted or deactivated person must not keep acting.
/// </summary>
public sealed class CurrentActor(IActorSource source, IAuthorizationService authorization)
{
    private Actor? _actingAs;

    /// <summary>Acts as <paramref name="actor"/> from now on in this scope, whatever the principal says.</summary>
    public void ActAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _actingAs = actor;
    }

    /// <summary>Who the principal says acts, unverified: for reads that need only the claims.</summary>
    public async ValueTask<Actor> ClaimedAsync()
    {
        if (_actingAs is { } actor)
            return actor;
        var principal = await source.PrincipalAsync();
        return Actor.From(principal ?? new ClaimsPrincipal(new ClaimsIdentity()));
    }

    /// <summary>
    /// The actor with the roles the database holds for them now, read with one query in
    /// <paramref name="db"/>; throws <see cref="AccessDeniedException"/> with
    /// <see cref="ActorVerifier.AccessChanged"/> when the account is gone or deactivated.
    /// </summary>
    public async Task<Actor> VerifiedAsync(NewsroomDbContext db, CancellationToken cancellationToken = default) =>
        await ActorVerifier.CurrentAsync(db, await ClaimedAsync(), cancellationToken);

    /// <summary>
    /// The one check before any admin work (people, sections, settings, the audit log): the actor
    /// meets <see cref="Policies.CanManageUsers"/> (the principal through the policy, an actor acted
    /// as by its roles), and the account still is an active Admin in the database. The second half
    /// matters because an open page keeps the principal it was opened with: an admin demoted or
    /// deactivated a moment ago must not undo it from that page. Refuses with <paramref name="refusal"/>.
    /// </summary>
    public async Task<Actor> EnsureAdminAsync(NewsroomDbContext db, string refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Actor claimed;
        if (_actingAs is { } actor)
        {
            if (!actor.Roles.Contains(Roles.Admin))
                throw new AccessDeniedException(refusal);
            claimed = actor;
        }
        else
        {
            var principal = await source.PrincipalAsync() ?? new ClaimsPrincipal(new ClaimsIdentity());
            await authorization.EnsureAsync(principal, Policies.CanManageUsers, refusal);
            claimed = Actor.From(principal);
        }
        var current = await ActorVerifier.CurrentAsync(db, claimed, cancellationToken);
        if (!current.Roles.Contains(Roles.Admin))
            throw new AccessDeniedException(refusal);
        return current;
    }
}
