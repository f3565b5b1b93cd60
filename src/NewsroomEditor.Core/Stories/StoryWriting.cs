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

    /// <summary>The save, in the caller's context and one SaveChanges (see <see cref="ContentSaving"/>).</summary>
    private async Task<SaveResult> SaveAsync(
        NewsroomDbContext db, Actor actor, Guid id, int expectedVersion, StoryContent content, SaveReason reason, CancellationToken cancellationToken) =>
        (await ContentSaving.SaveAsync(db, leases, clock, actor, id, expectedVersion, content, reason, then: null, cancellationToken)).Result;

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
