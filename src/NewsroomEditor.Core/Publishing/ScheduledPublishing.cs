using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using static NewsroomEditor.Core.Stories.StoryLoading;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Publishing;

/// <summary>Publishes the scheduled stories whose time has come (run by <see cref="ScheduledPublisher"/>).</summary>
public interface IScheduledPublishing
{
    /// <summary>
    /// Publishes every scheduled story whose time has come; returns how many this call published.
    /// Safe to run on several instances at once: the state is the concurrency token, so a story is
    /// published (and announced, and the public site's cache emptied) by exactly one of them.
    /// </summary>
    Task<int> PublishDueAsync(CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IScheduledPublishing"/>
public sealed class ScheduledPublishing(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock) : IScheduledPublishing
{
    /// <summary>
    /// Publishes every scheduled story whose time has come; returns how many this call published.
    /// Safe to run on several instances at once: the state is the concurrency token, so a story is
    /// published (and announced, and the public site's cache emptied) by exactly one of them.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Stories.Where(s => s.State == StoryState.Scheduled && s.ScheduledAt <= now)
                .Select(s => s.Id).ToListAsync(cancellationToken);
        }
        var published = 0;
        foreach (var id in due)
        {
            // Each story is loaded fresh in a context of its own: another instance may have published
            // it since the list was read, and a conflict on one story must leave nothing stale (or
            // detached and silently unsaved) behind for the next.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            Story story;
            IReadOnlyList<ChecklistItem> checklist;
            try
            {
                var loaded = await LoadForWritingAsync(db, Actor.System, id, cancellationToken);
                (story, checklist) = (loaded.Story, PublishingChecklist.Evaluate(loaded.Story, loaded.SlugUsedElsewhere, loaded.FeaturedImageLacksAlt));
            }
            catch (StoryNotFoundException)
            {
                continue;
            }
            try
            {
                if (!story.PublishIfDue(checklist, now))
                    continue;
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (WorkflowException)
            {
                // Edited after scheduling so that a check now fails: it stays scheduled for an editor to see.
                continue;
            }
            catch (DbUpdateException)
            {
                // Moved by someone (or published by another instance) at the same moment: theirs stands.
                // SQL Server may report the other instance's revision number (unique per story) before
                // the concurrency token, so any update failure of this one story is treated alike.
                continue;
            }
            published++;
        }
        return published;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
