using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// The use cases of stories: create, open, save with conflict detection, move through the
/// workflow, list and search, revisions and notes. Every rule is the domain's (<see cref="Story"/>,
/// <see cref="StoryRules"/>); this service loads, saves and tells the event bus.
/// </summary>
public sealed class StoryService(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    EditLeaseService leases,
    IOptions<SiteOptions> site,
    ActorVerifier actors)
{
    /// <summary>Autosaves by one person within this time are kept as one revision.</summary>
    public static readonly TimeSpan RevisionWindow = TimeSpan.FromMinutes(10);

    public async Task<Story> CreateAsync(StoryActor actor, string? language = null, int? sectionId = null, CancellationToken cancellationToken = default)
    {
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var languages = site.Value.Languages;
        var chosen = string.IsNullOrWhiteSpace(language) ? languages[0] : language.Trim();
        if (!languages.Contains(chosen))
            throw new WorkflowException("Language \"{0}\" is not one of this site's languages ({1}).", chosen, string.Join(", ", languages));
        if (sectionId is not null && !await db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken))
            throw new WorkflowException("That section does not exist.");

        var story = Story.Create(actor, chosen, sectionId, Now);
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);
        return story;
    }

    /// <summary>Loads a story for reading or editing; refuses people who may not see it.</summary>
    public async Task<Story> GetAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadVisibleAsync(db, actor, id, cancellationToken);
    }

    /// <summary>
    /// Saves the writer's content if the story is still at <paramref name="expectedVersion"/>;
    /// otherwise returns the server's version as a conflict and changes nothing.
    /// <paramref name="reason"/> says why: a plain edit (autosaves fold into one revision), "keep
    /// mine" after a conflict, or a restored revision; the latter two always start a new revision.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        StoryActor actor, Guid id, int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        if (!story.Allows(actor, StoryAction.Edit))
            throw new AccessDeniedException(StoryRules.Refusal(actor, story.AuthorId, story.State, StoryAction.Edit)!);
        await leases.EnsureHeldAsync(actor, id, cancellationToken);
        if (story.Version != expectedVersion)
            return await ConflictAsync(db, story, cancellationToken);
        if (story.FirstPublishedAt is not null)
            await db.Entry(story).Collection(s => s.PastSlugs).LoadAsync(cancellationToken);

        var now = Now;
        var normalized = content.Normalized();
        var slug = await ResolveSlugAsync(db, story, normalized, cancellationToken);
        var kind = story.Edit(actor, normalized, slug, now);
        var revisionKind = reason switch
        {
            SaveReason.KeepMineAfterConflict => RevisionKind.ConflictCopy,
            SaveReason.RestoreRevision => RevisionKind.Restore,
            _ => kind,
        };
        await KeepRevisionAsync(db, story, actor, revisionKind, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: theirs stands, ours goes back as a conflict.
            db.ChangeTracker.Clear();
            var current = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
            return await ConflictAsync(db, current, cancellationToken);
        }
        await MarkTranslationsOutdatedAsync(story.TranslationGroupId, id, now, cancellationToken);
        return new SaveResult(story.Version, now, null);
    }

    /// <summary>
    /// Starts the version of story <paramref name="sourceId"/> in <paramref name="language"/>: a
    /// draft in the same translation group and section, its content copied from the source to be
    /// translated (see <see cref="Story.CreateTranslation"/>). Editors may, and the source's author.
    /// </summary>
    public async Task<Story> AddTranslationAsync(StoryActor actor, Guid sourceId, string language, CancellationToken cancellationToken = default)
    {
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await LoadVisibleAsync(db, actor, sourceId, cancellationToken);
        var chosen = (language ?? "").Trim();
        var languages = site.Value.Languages;
        source.EnsureCanTranslate(actor, chosen, languages);
        if (await VersionExistsAsync(db, source.TranslationGroupId, chosen, cancellationToken))
            throw TranslationExists(chosen);

        var slug = await UniqueSlugAsync(db, chosen, Slugs.FromText(source.Headline), excludeId: null, cancellationToken);
        var translation = source.CreateTranslation(actor, chosen, languages, slug, Now);
        db.Stories.Add(translation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same language a moment before: the unique index kept one, theirs.
            db.ChangeTracker.Clear();
            if (await VersionExistsAsync(db, source.TranslationGroupId, chosen, cancellationToken))
                throw TranslationExists(chosen);
            throw;
        }
        return translation;
    }

    /// <summary>
    /// The other language versions of story <paramref name="id"/>, what <paramref name="actor"/> may
    /// add, and whether this version is outdated against its original, for the editor's panel.
    /// </summary>
    public async Task<StoryTranslations> TranslationsAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadVisibleAsync(db, actor, id, cancellationToken);
        var group = await db.Stories.AsNoTracking().Where(s => s.TranslationGroupId == story.TranslationGroupId).ToListAsync(cancellationToken);
        var original = Story.OriginalOf(group);
        var languages = site.Value.Languages;
        var others = group
            .Where(s => s.Id != id)
            .OrderBy(s => languages.Contains(s.Language) ? languages.IndexOf(s.Language) : int.MaxValue)
            .ThenBy(s => s.Language, StringComparer.Ordinal)
            .Select(s => new TranslationVersion(s.Id, s.Language, s.Headline, s.State, s.Id == original.Id, CanView(actor, s)))
            .ToList();
        var toAdd = story.CanBeTranslatedBy(actor)
            ? languages.Where(l => group.TrueForAll(s => s.Language != l)).ToList()
            : [];
        return new StoryTranslations(
            others,
            toAdd,
            story.TranslationOutdatedSince,
            others.FirstOrDefault(o => o.IsOriginal),
            actor.IsEditor && story.TranslationOutdatedSince is not null);
    }

    /// <summary>An editor says translation <paramref name="id"/> follows its original again; a note records it.</summary>
    public async Task MarkTranslationCurrentAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        var group = await db.Stories.AsNoTracking()
            .Where(s => s.TranslationGroupId == story.TranslationGroupId && s.Id != id)
            .ToListAsync(cancellationToken);
        var originalLanguage = group.Count == 0 ? story.Language : Story.OriginalOf([.. group, story]).Language;
        if (!story.MarkTranslationCurrent(actor, originalLanguage, Now))
            return;
        await SaveOrConflictAsync(db, cancellationToken);
    }

    /// <summary>Moves a story through the workflow; <paramref name="note"/> is required to request changes.</summary>
    public async Task<Story> TransitionAsync(
        StoryActor actor, Guid id, StoryAction action, string? note = null, DateTime? publishAt = null,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        if (expectedVersion is not null && story.Version != expectedVersion)
            throw new WorkflowException("The story has changed since you opened it; look at the latest version first.");

        var from = story.State;
        var now = Now;
        switch (action)
        {
            case StoryAction.Submit: story.Submit(actor, now); break;
            case StoryAction.Withdraw: story.Withdraw(actor, now); break;
            case StoryAction.Resubmit: story.Resubmit(actor, now); break;
            case StoryAction.RequestChanges: story.RequestChanges(actor, note ?? "", now); break;
            case StoryAction.Approve: story.Approve(actor, now); break;
            case StoryAction.Publish: story.Publish(actor, await ChecklistAsync(story, cancellationToken), now); break;
            case StoryAction.Schedule:
                story.Schedule(actor, publishAt ?? throw new WorkflowException("Choose when to publish."), await ChecklistAsync(story, cancellationToken), now);
                break;
            case StoryAction.Unpublish: story.Unpublish(actor, now); break;
            case StoryAction.Archive: story.Archive(actor, now); break;
            case StoryAction.Restore: story.Restore(actor, now); break;
            default: throw new WorkflowException("{0} is not a workflow move.", action);
        }
        await SaveOrConflictAsync(db, cancellationToken);
        return story;
    }

    /// <summary>The publishing checklist of a story as it is stored now.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(story);
        var slugUsedElsewhere = story.Slug.Length > 0 && await db.Stories.AnyAsync(
            s => s.Id != story.Id && s.Language == story.Language && s.Slug == story.Slug && s.State != StoryState.Archived,
            cancellationToken);
        var featuredImageLacksAlt = story.FeaturedMediaId is { } featured
            && await db.MediaAssets.AnyAsync(a => a.Id == featured && a.AltText == "", cancellationToken);
        return PublishingChecklist.Evaluate(story, slugUsedElsewhere, featuredImageLacksAlt);
    }

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
            var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (story is null)
                continue;
            try
            {
                if (!story.PublishIfDue(await ChecklistAsync(story, cancellationToken), now))
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

    public async Task<StoryPage> ListAsync(StoryActor actor, StoryQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var stories = Visible(db, actor);
        if (query.State is { } state)
            stories = stories.Where(s => s.State == state);
        if (query.SectionId is { } sectionId)
            stories = stories.Where(s => s.SectionId == sectionId);
        if (!string.IsNullOrEmpty(query.AuthorId))
            stories = stories.Where(s => s.AuthorId == query.AuthorId);
        if (!string.IsNullOrEmpty(query.Language))
            stories = stories.Where(s => s.Language == query.Language);
        foreach (var term in SearchText.Terms(query.Search))
            stories = stories.Where(s => s.SearchIndex.Contains(term));

        var total = await stories.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var items = await Summaries(stories.OrderByDescending(s => s.UpdatedAt).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new StoryPage(items, total);
    }

    /// <summary>
    /// The distinct authors of the stories <paramref name="actor"/> may see, by name: every author
    /// for an editor, only themselves for a reporter. Feeds the story list's author filter.
    /// </summary>
    public async Task<IReadOnlyList<StoryAuthor>> AuthorsAsync(StoryActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authors = await Visible(db, actor)
            .GroupBy(s => s.AuthorId)
            .Select(g => new { Id = g.Key, Name = g.Max(s => s.AuthorName) })
            .ToListAsync(cancellationToken);
        // Sorted here, not in SQL: the providers' collations disagree on Vietnamese names.
        return authors
            .Select(a => new StoryAuthor(a.Id, a.Name ?? ""))
            .OrderBy(a => a.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Dashboard> DashboardAsync(StoryActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(actor);
        var mine = db.Stories.AsNoTracking().Where(s => s.AuthorId == actor.UserId);
        var counts = (await mine.GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var recent = await Summaries(mine.OrderByDescending(s => s.UpdatedAt).Take(10)).ToListAsync(cancellationToken);
        var queue = actor.IsEditor ? await ReviewQueueAsync(actor, cancellationToken) : [];
        var published = actor.CanWrite
            ? await Summaries(Visible(db, actor).Where(s => s.State == StoryState.Published).OrderByDescending(s => s.PublishedAt).Take(10)).ToListAsync(cancellationToken)
            : [];
        return new Dashboard(counts, recent, queue, published);
    }

    /// <summary>Stories waiting for an editor, oldest first.</summary>
    public async Task<IReadOnlyList<StorySummary>> ReviewQueueAsync(StoryActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsEditor)
            throw new AccessDeniedException("The review queue is for editors.");
        return await Summaries(db.Stories.AsNoTracking().Where(s => s.State == StoryState.InReview).OrderBy(s => s.SubmittedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.WorkflowEvents.AsNoTracking().Where(e => e.StoryId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking()
            .Where(r => r.StoryId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.AuthorName, r.CreatedAt, r.UpdatedAt, r.State, r.Kind, r.Headline))
            .ToListAsync(cancellationToken);
    }

    public async Task<StoryRevision> RevisionAsync(StoryActor actor, Guid id, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.StoryId == id && r.Number == number, cancellationToken)
            ?? throw new WorkflowException("Revision {0} does not exist.", number);
    }

    /// <summary>
    /// Keeps <paramref name="content"/> as a revision without making it the story's content: a
    /// writer who reloads someone else's version after a conflict loses nothing of their own.
    /// </summary>
    public async Task KeepAsRevisionAsync(StoryActor actor, Guid id, StoryContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        if (!story.Allows(actor, StoryAction.Edit))
            throw new AccessDeniedException(StoryRules.Refusal(actor, story.AuthorId, story.State, StoryAction.Edit)!);
        story.KeepAside(actor, content.Normalized(), Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Restores an old revision's content as a new revision (nothing in between is lost).</summary>
    public async Task<SaveResult> RestoreRevisionAsync(StoryActor actor, Guid id, int number, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revision = await RevisionAsync(actor, id, number, cancellationToken);
        var content = new StoryContent(
            revision.Headline, revision.Lead, RichText.StoryBody.Parse(revision.BodyJson), revision.SectionId,
            revision.Tags.Length == 0 ? [] : revision.Tags.Split(Story.TagSeparator), revision.Byline, "", revision.MetaDescription)
        {
            FeaturedMediaId = revision.FeaturedMediaId,
            FeaturedCaption = revision.FeaturedCaption,
        };
        var story = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        if (story.CustomSlug.Length > 0 || revision.Slug != Slugs.FromText(revision.Headline))
            content = content with { Slug = revision.Slug };
        return await SaveAsync(actor, id, expectedVersion, content, SaveReason.RestoreRevision, cancellationToken);
    }

    public async Task<IReadOnlyList<EditorialNote>> NotesAsync(StoryActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadVisibleAsync(db, actor, id, cancellationToken);
        if (!story.CanReadNotes(actor))
            throw new AccessDeniedException("Notes on a story are for its author and the editors.");
        return await db.EditorialNotes.AsNoTracking().Where(n => n.StoryId == id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }

    public async Task<EditorialNote> AddNoteAsync(StoryActor actor, Guid id, string text, CancellationToken cancellationToken = default)
    {
        actor = await actors.CurrentAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        var note = story.AddNote(actor, text, Now);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    private static IQueryable<Story> Visible(NewsroomDbContext db, StoryActor actor)
    {
        var stories = db.Stories.AsNoTracking();
        if (actor.IsEditor)
            return stories;
        if (actor.IsReporter)
            return stories.Where(s => s.AuthorId == actor.UserId);
        return stories.Where(_ => false);
    }

    private static IQueryable<StorySummary> Summaries(IQueryable<Story> stories) =>
        stories.Select(s => new StorySummary(
            s.Id, s.Headline, s.State, s.AuthorId, s.AuthorName, s.SectionId, s.Language, s.UpdatedAt, s.SubmittedAt, s.PublishedAt, s.ScheduledAt));

    private static bool CanView(StoryActor actor, Story story) => actor.IsEditor || (actor.IsReporter && story.AuthorId == actor.UserId);

    private static void EnsureCanView(StoryActor actor, Story story)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CanView(actor, story))
            return;
        throw actor.CanWrite
            ? new AccessDeniedException("Reporters work on their own stories only.")
            : new AccessDeniedException("Only reporters and editors work on stories.");
    }

    private static async Task<Story> LoadVisibleAsync(NewsroomDbContext db, StoryActor actor, Guid id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new StoryNotFoundException();
        EnsureCanView(actor, story);
        return story;
    }

    private static async Task<Story> LoadTrackedAsync(NewsroomDbContext db, StoryActor actor, Guid id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new StoryNotFoundException();
        EnsureCanView(actor, story);
        return story;
    }

    private static async Task SaveOrConflictAsync(NewsroomDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new WorkflowException("Someone changed the story at the same moment; look at the latest version and try again.");
        }
    }

    private static async Task<SaveResult> ConflictAsync(NewsroomDbContext db, Story current, CancellationToken cancellationToken)
    {
        var updatedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new SaveResult(current.Version, current.UpdatedAt, new StoryConflict(current.Version, updatedBy ?? "Someone", current.UpdatedAt, current.Content));
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
    /// <paramref name="wanted"/>, or with "-2", "-3"… when another story of the language has it, or
    /// had it when published: an old address keeps leading to its own story, never to a newer one.
    /// </summary>
    private static async Task<string> UniqueSlugAsync(NewsroomDbContext db, string language, string wanted, Guid? excludeId, CancellationToken cancellationToken)
    {
        if (wanted.Length == 0)
            return "";
        var taken = (await db.Stories.AsNoTracking()
            .Where(s => s.Id != excludeId && s.Language == language && s.Slug.StartsWith(wanted))
            .Select(s => s.Slug)
            .Concat(db.PastSlugs.Where(p => p.StoryId != excludeId && p.Language == language && p.Slug.StartsWith(wanted)).Select(p => p.Slug))
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var candidate = wanted;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = $"{wanted}-{n}";
        return candidate;
    }

    private static Task<bool> VersionExistsAsync(NewsroomDbContext db, Guid groupId, string language, CancellationToken cancellationToken) =>
        db.Stories.AnyAsync(s => s.TranslationGroupId == groupId && s.Language == language, cancellationToken);

    private static WorkflowException TranslationExists(string language) =>
        new("This story already has a version in {0}; open it from the list of versions.", LanguageNames.Local(language));

    /// <summary>
    /// After story <paramref name="changedId"/> was saved, marks its group's published translations
    /// outdated if it is their original (the rule is <see cref="Story.MarkTranslationsOutdated"/>).
    /// It runs after the save, in a context of its own, so that a translation saved at the same
    /// moment never turns the writer's own save into a conflict; it retries that race instead.
    /// </summary>
    private async Task MarkTranslationsOutdatedAsync(Guid groupId, Guid changedId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Most saves are of a story with no published, still-current translation: one cheap query.
        if (!await db.Stories.AnyAsync(
                s => s.TranslationGroupId == groupId && s.Id != changedId && s.FirstPublishedAt != null && s.TranslationOutdatedSince == null,
                cancellationToken))
            return;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var group = await db.Stories.Where(s => s.TranslationGroupId == groupId).ToListAsync(cancellationToken);
            if (Story.MarkTranslationsOutdated(group, changedId, now).Count == 0)
                return;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Folds an autosave into the writer's recent revision, or starts a new one.</summary>
    private static async Task KeepRevisionAsync(NewsroomDbContext db, Story story, StoryActor actor, RevisionKind kind, DateTime now, CancellationToken cancellationToken)
    {
        if (kind == RevisionKind.Edit)
        {
            var latest = await db.StoryRevisions
                .Where(r => r.StoryId == story.Id)
                .OrderByDescending(r => r.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is { Kind: RevisionKind.Edit } && latest.AuthorId == actor.UserId && now - latest.UpdatedAt < RevisionWindow)
            {
                latest.Refresh(story, now);
                return;
            }
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
