using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using static NewsroomEditor.Core.Stories.StoryLoading;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// Writing a story: create it, save its content with conflict detection, keep a version aside,
/// restore a revision, and its editorial notes. Each operation is one unit of work: one
/// DbContext, the actor verified in it once, one SaveChanges.
/// </summary>
public interface IStoryWriting
{
    Task<Story> CreateAsync(string? language = null, int? sectionId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the writer's content if the story is still at <paramref name="expectedVersion"/>;
    /// otherwise returns the server's version as a conflict and changes nothing.
    /// <paramref name="reason"/> says why: a plain edit (autosaves fold into one revision), "keep
    /// mine" after a conflict, or a restored revision; the latter two always start a new revision.
    /// </summary>
    Task<SaveResult> SaveAsync(Guid id, int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps <paramref name="content"/> as a revision without making it the story's content: a
    /// writer who reloads someone else's version after a conflict loses nothing of their own.
    /// </summary>
    Task KeepAsRevisionAsync(Guid id, StoryContent content, CancellationToken cancellationToken = default);

    /// <summary>Restores an old revision's content as a new revision (nothing in between is lost).</summary>
    Task<SaveResult> RestoreRevisionAsync(Guid id, int number, int expectedVersion, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EditorialNote>> NotesAsync(Guid id, CancellationToken cancellationToken = default);

    Task<EditorialNote> AddNoteAsync(Guid id, string text, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IStoryWriting"/>
public sealed class StoryWriting(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    EditLeaseService leases,
    IOptionsMonitor<SiteOptions> site,
    CurrentActor current) : IStoryWriting
{
    /// <summary>Autosaves by one person within this time are kept as one revision.</summary>
    public static readonly TimeSpan RevisionWindow = TimeSpan.FromMinutes(10);

    public async Task<Story> CreateAsync(string? language = null, int? sectionId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var languages = site.CurrentValue.Languages;
        var chosen = string.IsNullOrWhiteSpace(language) ? languages[0] : language.Trim();
        StoryRules.EnsureSiteLanguage(chosen, languages);
        if (sectionId is not null && !await db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken))
            throw new WorkflowException("That section does not exist.");

        var story = Story.Create(actor, chosen, sectionId, Now);
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);
        return story;
    }

    /// <summary>
    /// Saves the writer's content if the story is still at <paramref name="expectedVersion"/>;
    /// otherwise returns the server's version as a conflict and changes nothing.
    /// <paramref name="reason"/> says why: a plain edit (autosaves fold into one revision), "keep
    /// mine" after a conflict, or a restored revision; the latter two always start a new revision.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Guid id, int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SaveAsync(db, actor, id, expectedVersion, content, reason, cancellationToken);
    }

    /// <summary>
    /// The save, in one context and one SaveChanges: the story, its revision, the lease when it
    /// must be (re)taken and the translations it outdates are written together or not at all.
    /// </summary>
    private async Task<SaveResult> SaveAsync(
        NewsroomDbContext db, Actor actor, Guid id, int expectedVersion, StoryContent content, SaveReason reason, CancellationToken cancellationToken,
        bool leaseRaceLost = false)
    {
        var now = Now;
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
            return await ConflictAsync(db, story, cancellationToken);
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
        try
        {
            await SaveMarkingTranslationsAsync(db, story, group, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stands, ours goes back as a conflict.
            db.ChangeTracker.Clear();
            var current = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
            return await ConflictAsync(db, current, cancellationToken);
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
            return await SaveAsync(db, actor, id, expectedVersion, content, reason, cancellationToken, leaseRaceLost: true);
        }
        if (leaseTaken)
            leases.AnnounceTaken(actor, id, now);
        // The checklist of what was just saved: from the facts read with the story unless the save
        // changed what they depend on (its slug, its featured photo).
        var checklist = story.Slug == slugBefore && story.FeaturedMediaId == featuredBefore
            ? PublishingChecklist.Evaluate(story, loaded.SlugUsedElsewhere, loaded.FeaturedImageLacksAlt)
            : await ChecklistAsync(db, story, cancellationToken);
        return new SaveResult(story.Version, now, null) { Story = story, Checklist = checklist };
    }

    /// <summary>
    /// Keeps <paramref name="content"/> as a revision without making it the story's content: a
    /// writer who reloads someone else's version after a conflict loses nothing of their own.
    /// </summary>
    public async Task KeepAsRevisionAsync(Guid id, StoryContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        if (!story.Allows(actor, StoryAction.Edit))
            throw new AccessDeniedException(StoryRules.Refusal(actor, story.AuthorId, story.State, StoryAction.Edit)!);
        story.KeepAside(actor, content.Normalized(), Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Restores an old revision's content as a new revision (nothing in between is lost).</summary>
    public async Task<SaveResult> RestoreRevisionAsync(Guid id, int number, int expectedVersion, CancellationToken cancellationToken = default)
    {
        // The actor is verified once, by the save below, as when the revision was read through RevisionAsync.
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadVisibleAsync(db, actor, id, cancellationToken);
        var revision = await db.StoryRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.StoryId == id && r.Number == number, cancellationToken)
            ?? throw new WorkflowException("Revision {0} does not exist.", number);
        // A revision keeps the slug the story had; it is restored as chosen only when it was.
        var content = revision.Content with { Slug = "" };
        if (story.CustomSlug.Length > 0 || revision.Slug != Slugs.FromText(revision.Headline))
            content = content with { Slug = revision.Slug };
        return await SaveAsync(db, actor, id, expectedVersion, content, SaveReason.RestoreRevision, cancellationToken);
    }

    public async Task<IReadOnlyList<EditorialNote>> NotesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadVisibleAsync(db, actor, id, cancellationToken);
        if (!story.CanReadNotes(actor))
            throw new AccessDeniedException("Notes on a story are for its author and the editors.");
        return await db.EditorialNotes.AsNoTracking().Where(n => n.StoryId == id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }

    public async Task<EditorialNote> AddNoteAsync(Guid id, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        var note = story.AddNote(actor, text, Now);
        await db.SaveChangesAsync(cancellationToken);
        return note;
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
        if (kind == RevisionKind.Edit && latest is { Kind: RevisionKind.Edit } && latest.AuthorId == actor.UserId && now - latest.UpdatedAt < RevisionWindow)
        {
            latest.Refresh(story, now);
            return;
        }
        story.AddRevision(actor, now, kind);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Why content is being saved; decides how the revision is kept.</summary>
public enum SaveReason
{
    Edit,
    KeepMineAfterConflict,
    RestoreRevision,
}

/// <summary>No story has that id (or it was never visible to the asker).</summary>
public sealed class StoryNotFoundException() : DomainException("That story does not exist.");
