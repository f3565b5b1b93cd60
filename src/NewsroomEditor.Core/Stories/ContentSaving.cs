using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using static NewsroomEditor.Core.Stories.StoryLoading;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// Saving a writer's content, the one code path of a save (<see cref="StoryWriting"/>) and of a
/// move that brings the content still unsaved on its page (<see cref="StoryWorkflow"/>): in the
/// caller's context and one SaveChanges, the story, its revision, the lease when it must be
/// (re)taken, the translations it outdates and, for a move, the move itself are written together
/// or not at all.
/// </summary>
internal static class ContentSaving
{
    /// <summary>
    /// What a move does once the content is applied, before the one SaveChanges: the actor as
    /// verified, the story with the new content, and its checklist after it.
    /// </summary>
    internal delegate void AfterContent(Actor actor, Story story, IReadOnlyList<ChecklistItem> checklist);

    /// <summary>
    /// The outcome: <see cref="Result"/> is the save's (saved, or a conflict, when nothing was
    /// written); <see cref="Story"/> the story as stored now (someone else's after a conflict);
    /// <see cref="Refused"/> why <c>then</c> refused (its rules, its checklist): the content
    /// was saved all the same, as a save made before the move would have been.
    /// </summary>
    internal sealed record Outcome(SaveResult Result, Story Story, DomainException? Refused);

    /// <summary>
    /// Saves <paramref name="content"/> if the story is still at <paramref name="expectedVersion"/>,
    /// otherwise returns the server's version as a conflict and changes nothing (but the lease it
    /// took); <paramref name="then"/>, when given, runs on the saved story before the SaveChanges.
    /// </summary>
    internal static async Task<Outcome> SaveAsync(
        NewsroomDbContext db, EditLeaseService leases, TimeProvider clock, Actor actor, Guid id, int expectedVersion, StoryContent content,
        SaveReason reason, AfterContent? then, CancellationToken cancellationToken, bool leaseRaceLost = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var loaded = await LoadForWritingAsync(db, actor, id, cancellationToken);
        actor = loaded.Actor;
        var story = loaded.Story;
        EnsureCanView(actor, story);
        if (!story.Allows(actor, StoryAction.Edit))
            throw new AccessDeniedException(StoryRules.Refusal(actor, story.AuthorId, story.State, StoryAction.Edit)!);
        var leaseTaken = EditLeaseService.EnsureHeld(db, loaded.Lease, actor, id, now);
        if (story.Version != expectedVersion)
        {
            if (leaseTaken)
            {
                await db.SaveChangesAsync(cancellationToken);
                leases.AnnounceTaken(actor, id, now);
            }
            return new Outcome(await ConflictAsync(db, story, cancellationToken), story, null);
        }
        if (story.FirstPublishedAt is not null)
            await db.Entry(story).Collection(s => s.PastSlugs).LoadAsync(cancellationToken);

        var (slugBefore, featuredBefore) = (story.Slug, story.FeaturedMediaId);
        var normalized = content.Normalized();
        var slug = await ResolveSlugAsync(db, story, normalized, cancellationToken);
        var kind = story.Edit(actor, normalized, slug, now);
        var revisionKind = reason switch
        {
            SaveReason.KeepMineAfterConflict => RevisionKind.ConflictCopy,
            SaveReason.RestoreRevision => RevisionKind.Restore,
            _ => kind,
        };
        KeepRevision(story, loaded.LatestRevision, actor, revisionKind, now);
        var group = loaded.TranslationsMayBeOutdated
            ? await MarkTranslationsOutdatedAsync(db, story, now, cancellationToken)
            : null;
        // The checklist of the new content: from the facts read with the story unless the content
        // changed what they depend on (its slug, its featured photo). Neither fact depends on this
        // story's own row, so reading them before its SaveChanges gives what reading after would.
        var checklist = story.Slug == slugBefore && story.FeaturedMediaId == featuredBefore
            ? PublishingChecklist.Evaluate(story, loaded.SlugUsedElsewhere, loaded.FeaturedImageLacksAlt)
            : await StoryLoading.ChecklistAsync(db, story, cancellationToken);
        DomainException? refused = null;
        try
        {
            then?.Invoke(actor, story, checklist);
        }
        catch (DomainException e)
        {
            // Refused before it changed anything: the content is saved as a save before the move was.
            refused = e;
        }
        try
        {
            await SaveMarkingTranslationsAsync(db, story, group, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stands, ours goes back as a conflict.
            db.ChangeTracker.Clear();
            var current = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
            return new Outcome(await ConflictAsync(db, current, cancellationToken), current, null);
        }
        catch (DbUpdateException) when (leaseTaken && !leaseRaceLost)
        {
            // Someone took the free lease in the same instant, and nothing of ours was written. Theirs
            // stands; when it is the writer's own (a second tab), the save is tried again once, now
            // against the lease and the story as they are: a conflict if the other tab saved first.
            db.ChangeTracker.Clear();
            var winner = await db.EditLeases.AsNoTracking().SingleOrDefaultAsync(l => l.StoryId == id, cancellationToken);
            if (winner is not null && winner.HolderId != actor.UserId)
                throw new LeaseLostException(winner.HolderName);
            return await SaveAsync(db, leases, clock, actor, id, expectedVersion, content, reason, then, cancellationToken, leaseRaceLost: true);
        }
        if (leaseTaken)
            leases.AnnounceTaken(actor, id, now);
        return new Outcome(new SaveResult(story.Version, now, null) { Story = story, Checklist = checklist }, story, refused);
    }

    /// <summary>A custom slug is kept as typed; one made from the headline gets "-2", "-3"… when taken in this language.</summary>
    private static async Task<string> ResolveSlugAsync(NewsroomDbContext db, Story story, StoryContent content, CancellationToken cancellationToken)
    {
        if (content.Slug.Length > 0)
            return content.Slug;
        var wanted = Slugs.FromText(content.Headline);
        if (wanted.Length == 0)
            return "";
        if (wanted == story.Slug && story.CustomSlug.Length == 0)
            return wanted;
        return await UniqueSlugAsync(db, story.Language, wanted, story.Id, cancellationToken);
    }

    /// <summary>
    /// Loads the group of <paramref name="story"/> into the save's context and marks its published
    /// translations outdated if it is their original (the rule is <see cref="Story.MarkTranslationsOutdated"/>);
    /// the marks are written by the save's own SaveChanges.
    /// </summary>
    private static async Task<List<Story>> MarkTranslationsOutdatedAsync(NewsroomDbContext db, Story story, DateTime now, CancellationToken cancellationToken)
    {
        var group = await db.Stories.Where(s => s.TranslationGroupId == story.TranslationGroupId).ToListAsync(cancellationToken);
        Story.MarkTranslationsOutdated(group, story.Id, now);
        return group;
    }

    /// <summary>
    /// Saves; a translation saved by someone else at the same moment never turns the writer's own
    /// save into a conflict: that translation is read again as it is now, marked again if it still
    /// needs it, and the save retried. A conflict on the story itself is the caller's to report.
    /// </summary>
    private static async Task SaveMarkingTranslationsAsync(NewsroomDbContext db, Story story, List<Story>? group, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (group is not null && attempt < 3 && e.Entries.All(x => x.Entity is Story s && s.Id != story.Id))
            {
                foreach (var entry in e.Entries)
                    await entry.ReloadAsync(cancellationToken);
                Story.MarkTranslationsOutdated(group, story.Id, now);
            }
        }
    }

    /// <summary>Folds an autosave into the writer's recent revision (<paramref name="latest"/>, read with the story), or starts a new one.</summary>
    private static void KeepRevision(Story story, StoryRevision? latest, Actor actor, RevisionKind kind, DateTime now)
    {
        if (kind == RevisionKind.Edit && latest is { Kind: RevisionKind.Edit } && latest.AuthorId == actor.UserId && now - latest.UpdatedAt < StoryWriting.RevisionWindow)
        {
            latest.Refresh(story, now);
            return;
        }
        story.AddRevision(actor, now, kind);
    }
}
