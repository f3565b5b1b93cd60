using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories.Search;
using static NewsroomEditor.Core.Stories.StoryLoading;

namespace NewsroomEditor.Core.Stories;

/// <summary>Reading stories: one story, the lists and their filters, the dashboard, the review queue, history and revisions.</summary>
public interface IStoryQueries
{
    /// <summary>Loads a story for reading or editing; refuses people who may not see it.</summary>
    Task<Story> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="GetAsync"/>, with the story's publishing checklist, read in the same query.</summary>
    Task<StoryWithChecklist> GetWithChecklistAsync(Guid id, CancellationToken cancellationToken = default);

    Task<StoryPage> ListAsync(StoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The distinct authors of the stories the current actor may see, by name: every author
    /// for an editor, only themselves for a reporter. Feeds the story list's author filter.
    /// </summary>
    Task<IReadOnlyList<StoryAuthor>> AuthorsAsync(CancellationToken cancellationToken = default);

    Task<Dashboard> DashboardAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page (zero-based <paramref name="page"/>, <paramref name="pageSize"/> clamped to 1–100)
    /// of the stories waiting for an editor, oldest first, and how many wait in all.
    /// </summary>
    Task<StoryPage> ReviewQueueAsync(int page = 0, int pageSize = StoryQueries.ReviewQueuePageSize, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(Guid id, CancellationToken cancellationToken = default);

    Task<StoryRevision> RevisionAsync(Guid id, int number, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IStoryQueries"/>
public sealed class StoryQueries(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    CurrentActor current) : IStoryQueries
{
    public const int ReviewQueuePageSize = 25;

    /// <summary>How many of the oldest waiting stories the dashboard names.</summary>
    public const int DashboardQueueSize = 5;

    /// <summary>Loads a story for reading or editing; refuses people who may not see it.</summary>
    public async Task<Story> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadVisibleAsync(db, actor, id, cancellationToken);
    }

    /// <summary>As <see cref="GetAsync"/>, with the story's publishing checklist, read in the same query.</summary>
    public async Task<StoryWithChecklist> GetWithChecklistAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Stories.AsNoTracking()
            .Where(s => s.Id == id)
            .WithChecklistFacts(db)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new StoryNotFoundException();
        EnsureCanView(actor, row.Story);
        return new StoryWithChecklist(row.Story, PublishingChecklist.Evaluate(row.Story, row.SlugUsedElsewhere, row.FeaturedImageLacksAlt));
    }

    public async Task<StoryPage> ListAsync(StoryQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
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
        var search = SearchTerms.Parse(query.Search);
        if (!search.IsEmpty)
            stories = StorySearch.Ranked(db, stories, search);
        else
            stories = stories.OrderByDescending(s => s.UpdatedAt);

        var total = await stories.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var skip = Math.Max(0, query.Page) * pageSize;
        var items = search.IsEmpty
            ? await Summaries(stories.Skip(skip).Take(pageSize)).ToListAsync(cancellationToken)
            : await StorySearch.PageAsync(db, stories, skip, pageSize, Summaries, s => s.Id, cancellationToken);
        if (!search.IsEmpty)
        {
            var excerpts = await StorySearch.ExcerptsAsync(db, items.Select(i => i.Id).ToList(), search, cancellationToken);
            items = items.Select(i => excerpts.TryGetValue(i.Id, out var excerpt) ? i with { Excerpt = excerpt } : i).ToList();
        }
        return new StoryPage(items, total);
    }

    /// <summary>
    /// The distinct authors of the stories the current actor may see, by name: every author
    /// for an editor, only themselves for a reporter. Feeds the story list's author filter.
    /// </summary>
    public async Task<IReadOnlyList<StoryAuthor>> AuthorsAsync(CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
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

    public async Task<Dashboard> DashboardAsync(CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(actor);
        var mine = db.Stories.AsNoTracking().Where(s => s.AuthorId == actor.UserId);
        var counts = (await mine.GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var recent = await Summaries(mine.OrderByDescending(s => s.UpdatedAt).Take(10)).ToListAsync(cancellationToken);
        var queue = actor.IsEditor ? await ReviewQueuePageAsync(db, 0, DashboardQueueSize, cancellationToken) : new StoryPage([], 0);
        var published = actor.CanWrite
            ? await Summaries(Visible(db, actor).Where(s => s.State == StoryState.Published).OrderByDescending(s => s.PublishedAt).Take(10)).ToListAsync(cancellationToken)
            : [];
        return new Dashboard(counts, recent, queue, published);
    }

    /// <summary>
    /// One page (zero-based <paramref name="page"/>, <paramref name="pageSize"/> clamped to 1–100)
    /// of the stories waiting for an editor, oldest first, and how many wait in all.
    /// </summary>
    public async Task<StoryPage> ReviewQueueAsync(int page = 0, int pageSize = ReviewQueuePageSize, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsEditor)
            throw new AccessDeniedException("The review queue is for editors.");
        return await ReviewQueuePageAsync(db, page, pageSize, cancellationToken);
    }

    // A busy newsroom has thousands waiting: the count is counted, and only a page is read. Id breaks
    // ties of SubmittedAt, so that paging neither repeats nor skips a story; the index
    // (State, SubmittedAt, Id) serves both the filter and that order.
    private static async Task<StoryPage> ReviewQueuePageAsync(NewsroomDbContext db, int page, int pageSize, CancellationToken cancellationToken)
    {
        var waiting = db.Stories.AsNoTracking().Where(s => s.State == StoryState.InReview);
        var total = await waiting.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 100);
        var items = await Summaries(waiting.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).Skip(Math.Max(0, page) * size).Take(size))
            .ToListAsync(cancellationToken);
        return new StoryPage(items, total);
    }

    public async Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.WorkflowEvents.AsNoTracking().Where(e => e.StoryId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking()
            .Where(r => r.StoryId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.AuthorName, r.CreatedAt, r.UpdatedAt, r.State, r.Kind, r.Headline))
            .ToListAsync(cancellationToken);
    }

    public async Task<StoryRevision> RevisionAsync(Guid id, int number, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LoadVisibleAsync(db, actor, id, cancellationToken);
        return await db.StoryRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.StoryId == id && r.Number == number, cancellationToken)
            ?? throw new WorkflowException("Revision {0} does not exist.", number);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
