using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// What the story slices share: who may see a story, loading it for reading or writing in the
/// caller's context, the conflict answer, unique slugs and the checklist's database facts.
/// </summary>
internal static class StoryLoading
{
    internal static IQueryable<Story> Visible(NewsroomDbContext db, Actor actor)
    {
        var stories = db.Stories.AsNoTracking();
        if (actor.IsEditor)
            return stories;
        if (actor.IsReporter)
            return stories.Where(s => s.AuthorId == actor.UserId);
        return stories.Where(_ => false);
    }

    internal static IQueryable<StorySummary> Summaries(IQueryable<Story> stories) =>
        stories.Select(s => new StorySummary(
            s.Id, s.Headline, s.State, s.AuthorId, s.AuthorName, s.SectionId, s.Language, s.UpdatedAt, s.SubmittedAt, s.PublishedAt, s.ScheduledAt));

    internal static bool CanView(Actor actor, Story story) => StoryRules.IsEditorOrOwner(actor, story.AuthorId);

    internal static void EnsureCanView(Actor actor, Story story)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CanView(actor, story))
            return;
        throw actor.CanWrite
            ? new AccessDeniedException("Reporters work on their own stories only.")
            : new AccessDeniedException("Only reporters and editors work on stories.");
    }

    internal static async Task<Story> LoadVisibleAsync(NewsroomDbContext db, Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new StoryNotFoundException();
        EnsureCanView(actor, story);
        return story;
    }

    internal static async Task<Story> LoadTrackedAsync(NewsroomDbContext db, Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new StoryNotFoundException();
        EnsureCanView(actor, story);
        return story;
    }

    internal static async Task SaveOrConflictAsync(NewsroomDbContext db, CancellationToken cancellationToken)
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

    internal static async Task<SaveResult> ConflictAsync(NewsroomDbContext db, Story current, CancellationToken cancellationToken)
    {
        var updatedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new SaveResult(current.Version, current.UpdatedAt, new StoryConflict(current.Version, updatedBy ?? "Someone", current.UpdatedAt, current.Content));
    }

    /// <summary>
    /// <paramref name="wanted"/>, or with "-2", "-3"… when another story of the language has it, or
    /// had it when published: an old address keeps leading to its own story, never to a newer one.
    /// </summary>
    internal static async Task<string> UniqueSlugAsync(NewsroomDbContext db, string language, string wanted, Guid? excludeId, CancellationToken cancellationToken)
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

    internal static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(NewsroomDbContext db, Story story, CancellationToken cancellationToken)
    {
        var slugUsedElsewhere = story.Slug.Length > 0 && await db.Stories.AnyAsync(
            s => s.Id != story.Id && s.Language == story.Language && s.Slug == story.Slug && s.State != StoryState.Archived,
            cancellationToken);
        var featuredImageLacksAlt = story.FeaturedMediaId is { } featured
            && await db.MediaAssets.AnyAsync(a => a.Id == featured && a.AltText == "", cancellationToken);
        return PublishingChecklist.Evaluate(story, slugUsedElsewhere, featuredImageLacksAlt);
    }

    /// <summary>A story with the two facts of its publishing checklist that only the database knows.</summary>
    internal sealed class StoryWithChecklistFacts
    {
        public required Story Story { get; init; }
        public bool SlugUsedElsewhere { get; init; }
        public bool FeaturedImageLacksAlt { get; init; }
    }

    /// <summary>
    /// Each story with its checklist's database facts (<see cref="PublishingChecklist.Evaluate"/>): the
    /// one place these are written as a query, composed into the read and the write of a story so
    /// that both evaluate the checklist alike, in their one query.
    /// </summary>
    internal static IQueryable<StoryWithChecklistFacts> WithChecklistFacts(this IQueryable<Story> stories, NewsroomDbContext db) =>
        stories.Select(s => new StoryWithChecklistFacts
        {
            Story = s,
            SlugUsedElsewhere = s.Slug != "" && db.Stories.Any(
                o => o.Id != s.Id && o.Language == s.Language && o.Slug == s.Slug && o.State != StoryState.Archived),
            FeaturedImageLacksAlt = s.FeaturedMediaId != null && db.MediaAssets.Any(a => a.Id == s.FeaturedMediaId && a.AltText == ""),
        });

    /// <summary>A story tracked for writing, with what its save and its checklist need, read in one query.</summary>
    internal sealed record LoadedForWriting(
        Actor Actor, Story Story, StoryRevision? LatestRevision, EditLease? Lease, bool SlugUsedElsewhere, bool FeaturedImageLacksAlt, bool TranslationsMayBeOutdated);

    /// <summary>
    /// One query for everything a write decides on: the actor's standing now (the verification of
    /// <see cref="ActorVerifier"/>, made here rather than in a query of its own; it is checked
    /// before the story is), the story (tracked), its latest revision (an
    /// autosave folds into it), its edit lease, the two database facts of its checklist, and
    /// whether a published translation of it may need marking outdated (most stories have none).
    /// </summary>
    internal static async Task<LoadedForWriting> LoadForWritingAsync(NewsroomDbContext db, Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var standing = ActorVerifier.Standing(db, actor);
        var row = await db.Stories
            .Where(s => s.Id == id)
            .WithChecklistFacts(db)
            .Select(f => new
            {
                f.Story,
                f.SlugUsedElsewhere,
                f.FeaturedImageLacksAlt,
                AccountExists = standing.Any(),
                AccountActive = standing.Any(a => a.IsActive),
                IsReporter = standing.Any(a => a.IsReporter),
                IsEditor = standing.Any(a => a.IsEditor),
                IsAdmin = standing.Any(a => a.IsAdmin),
                // Filtered by the id given, not only by the story's: EF Core turns a first-of-each
                // into a window over the table it reads (ROW_NUMBER() OVER (PARTITION BY StoryId)),
                // and SQLite cannot push the join's key into it, so the correlated form alone read
                // every revision of every story, whole, on each save. The id inside the window's
                // query keeps it to this story's rows, found by the (StoryId, Number) index.
                Latest = db.StoryRevisions.Where(r => r.StoryId == id && r.StoryId == f.Story.Id).OrderByDescending(r => r.Number).FirstOrDefault(),
                Lease = db.EditLeases.FirstOrDefault(l => l.StoryId == id && l.StoryId == f.Story.Id),
                TranslationsMayBeOutdated = db.Stories.Any(
                    t => t.TranslationGroupId == f.Story.TranslationGroupId && t.Id != f.Story.Id && t.FirstPublishedAt != null && t.TranslationOutdatedSince == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        // The actor first: someone whose access was taken away learns that, not whether a story exists.
        if (!ReferenceEquals(actor, Actor.System))
            actor = ActorVerifier.Verified(actor, row is null
                ? await standing.SingleOrDefaultAsync(cancellationToken)
                : AccountStanding.Of(row.AccountExists, row.AccountActive, row.IsReporter, row.IsEditor, row.IsAdmin));
        if (row is null)
            throw new StoryNotFoundException();
        return new LoadedForWriting(actor, row.Story, row.Latest, row.Lease, row.SlugUsedElsewhere, row.FeaturedImageLacksAlt, row.TranslationsMayBeOutdated);
    }
}
