using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Stories;

/// <summary>Who is editing a story right now. Kept alive by the editor; lapses when they go away.</summary>
public class EditLease
{
    private EditLease() { }

    internal EditLease(Guid storyId, Actor holder, DateTime now, TimeSpan duration)
    {
        StoryId = storyId;
        Take(holder, now, duration);
    }

    public Guid StoryId { get; private set; }
    public string HolderId { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public DateTime ExpiresAt { get; private set; }

    internal void Take(Actor holder, DateTime now, TimeSpan duration)
    {
        HolderId = holder.UserId;
        HolderName = holder.DisplayName;
        ExpiresAt = now + duration;
    }

    internal bool IsActive(DateTime now) => ExpiresAt > now;
}

/// <summary>The outcome of asking for the lease: held by the asker, or by someone else.</summary>
public sealed record LeaseStatus(bool HeldByMe, string? HolderId, string? HolderName)
{
    public static LeaseStatus Mine { get; } = new(true, null, null);
}

/// <summary>Someone else holds the edit lease; the caller's text stays with them, unsaved.</summary>
public sealed class LeaseLostException(string holderName)
    : DomainException("{0} is editing this story now; your changes were not saved here but are kept in your browser.", holderName)
{
    public string HolderName { get; } = holderName;
}

/// <summary>
/// The edit lease of DESIGN.md §2: one person edits a story at a time, others see
/// "Being edited by X" and read only; an editor may take over. Saves check the lease on the
/// server, so a previous holder cannot overwrite after a take-over.
/// </summary>
public sealed class EditLeaseService(IDbContextFactory<NewsroomDbContext> contexts, TimeProvider clock, INewsroomEventBus events, CurrentActor current)
{
    /// <summary>How long a lease lasts without renewal; the editor renews it well within this.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(90);

    public async Task<LeaseStatus> AcquireAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var now = Now;
        var lease = await db.EditLeases.SingleOrDefaultAsync(l => l.StoryId == storyId, cancellationToken);
        if (lease is not null && lease.IsActive(now) && lease.HolderId != actor.UserId)
            return new LeaseStatus(false, lease.HolderId, lease.HolderName);

        var isNew = lease is null || !lease.IsActive(now);
        var taken = true;
        if (lease is null)
        {
            db.EditLeases.Add(new EditLease(storyId, actor, now, Duration));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                taken = false; // someone inserted it in the same instant
            }
        }
        else
        {
            // A conditional update, so that of two people taking a lapsed lease at once only one wins.
            var expires = now + Duration;
            taken = await db.EditLeases
                .Where(l => l.StoryId == storyId && (l.HolderId == actor.UserId || l.ExpiresAt <= now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(l => l.HolderId, actor.UserId)
                    .SetProperty(l => l.HolderName, actor.DisplayName)
                    .SetProperty(l => l.ExpiresAt, expires), cancellationToken) == 1;
        }
        if (!taken)
        {
            db.ChangeTracker.Clear();
            var winner = await db.EditLeases.AsNoTracking().SingleAsync(l => l.StoryId == storyId, cancellationToken);
            return winner.HolderId == actor.UserId ? LeaseStatus.Mine : new LeaseStatus(false, winner.HolderId, winner.HolderName);
        }
        if (isNew)
            events.Publish(new EditLeaseChanged(storyId, actor.UserId, actor.DisplayName, null, TakenOver: false, now));
        return LeaseStatus.Mine;
    }

    /// <summary>An editor takes the story from whoever edits it; that person is told at once.</summary>
    public async Task TakeOverAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        if (!actor.IsEditor)
            throw new AccessDeniedException("Only an editor may take over a story someone else is editing.");
        var now = Now;
        var lease = await db.EditLeases.SingleOrDefaultAsync(l => l.StoryId == storyId, cancellationToken);
        var previous = lease is not null && lease.IsActive(now) && lease.HolderId != actor.UserId ? lease.HolderId : null;
        if (lease is null)
            db.EditLeases.Add(new EditLease(storyId, actor, now, Duration));
        else
            lease.Take(actor, now, Duration);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new EditLeaseChanged(storyId, actor.UserId, actor.DisplayName, previous, TakenOver: previous is not null, now));
    }

    public async Task ReleaseAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var released = await db.EditLeases
            .Where(l => l.StoryId == storyId && l.HolderId == actor.UserId)
            .ExecuteDeleteAsync(cancellationToken);
        if (released > 0)
            events.Publish(new EditLeaseChanged(storyId, null, null, actor.UserId, TakenOver: false, Now));
    }

    /// <summary>
    /// For a save, in the save's own context and transaction: refuses when someone else holds the
    /// lease; when it is absent or has lapsed, takes it as part of the caller's SaveChanges (so the
    /// lease and the story are written together or not at all). A lease the writer holds is left
    /// as it is: the editor renews it on its own, well within <see cref="Duration"/>. Returns true
    /// when the lease was taken, for the caller to announce once its save is committed.
    /// </summary>
    internal static bool EnsureHeld(NewsroomDbContext db, EditLease? lease, Actor actor, Guid storyId, DateTime now)
    {
        if (lease is not null && lease.IsActive(now))
        {
            if (lease.HolderId != actor.UserId)
                throw new LeaseLostException(lease.HolderName);
            return false;
        }
        if (lease is null)
            db.EditLeases.Add(new EditLease(storyId, actor, now, Duration));
        else
            lease.Take(actor, now, Duration);
        return true;
    }

    /// <summary>The lease taken by a save (see <see cref="EnsureHeld"/>) is announced as any other.</summary>
    internal void AnnounceTaken(Actor actor, Guid storyId, DateTime now) =>
        events.Publish(new EditLeaseChanged(storyId, actor.UserId, actor.DisplayName, null, TakenOver: false, now));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
