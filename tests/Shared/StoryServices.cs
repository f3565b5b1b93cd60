using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Testing;

/// <summary>
/// The story services of one DI scope side by side, for tests that drive several of them in a
/// row (write, move, read back): each call goes to the slice that owns it
/// (<see cref="IStoryWriting"/>, <see cref="IStoryWorkflow"/>, <see cref="IStoryTranslations"/>,
/// <see cref="IStoryQueries"/>, <see cref="IScheduledPublishing"/>), as the components call them.
/// </summary>
public sealed class StoryServices(IStoryWriting writing, IStoryWorkflow workflow, IStoryTranslations translations, IStoryQueries queries, IScheduledPublishing scheduling, CurrentActor current)
{
    public IStoryWriting Writing { get; } = writing;
    public IStoryWorkflow Workflow { get; } = workflow;
    public IStoryTranslations Translations { get; } = translations;
    public IStoryQueries Queries { get; } = queries;
    public IScheduledPublishing Scheduling { get; } = scheduling;

    /// <summary>Who acts in the scope: each call below acts as the actor it is given, as a signed-in person's circuit would.</summary>
    public CurrentActor Current { get; } = current;

    /// <summary>The story services of the scope <paramref name="services"/> belongs to.</summary>
    public static StoryServices From(IServiceProvider services) => new(
        services.GetRequiredService<IStoryWriting>(),
        services.GetRequiredService<IStoryWorkflow>(),
        services.GetRequiredService<IStoryTranslations>(),
        services.GetRequiredService<IStoryQueries>(),
        services.GetRequiredService<IScheduledPublishing>(),
        services.GetRequiredService<CurrentActor>());

    public Task<Story> CreateAsync(Actor actor, string? language = null, int? sectionId = null, CancellationToken cancellationToken = default) =>
        As(actor).Writing.CreateAsync(language, sectionId, cancellationToken);

    public Task<SaveResult> SaveAsync(Actor actor, Guid id, int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default) =>
        As(actor).Writing.SaveAsync(id, expectedVersion, content, reason, cancellationToken);

    public Task KeepAsRevisionAsync(Actor actor, Guid id, StoryContent content, CancellationToken cancellationToken = default) =>
        As(actor).Writing.KeepAsRevisionAsync(id, content, cancellationToken);

    public Task<SaveResult> RestoreRevisionAsync(Actor actor, Guid id, int number, int expectedVersion, CancellationToken cancellationToken = default) =>
        As(actor).Writing.RestoreRevisionAsync(id, number, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<EditorialNote>> NotesAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Writing.NotesAsync(id, cancellationToken);

    public Task<EditorialNote> AddNoteAsync(Actor actor, Guid id, string text, CancellationToken cancellationToken = default) =>
        As(actor).Writing.AddNoteAsync(id, text, cancellationToken);

    public Task<Story> TransitionAsync( Actor actor, Guid id, StoryAction action, string? note = null, DateTime? publishAt = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        As(actor).Workflow.TransitionAsync(id, action, note, publishAt, expectedVersion, cancellationToken);

    public Task<StoryMove> MoveAsync(
        Actor actor, Guid id, StoryAction action, string? note = null, DateTime? publishAt = null, int? expectedVersion = null,
        StoryContent? unsavedContent = null, CancellationToken cancellationToken = default) =>
        As(actor).Workflow.MoveAsync(id, action, note, publishAt, expectedVersion, unsavedContent, cancellationToken);

    public Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default) =>
        Workflow.ChecklistAsync(story, cancellationToken);

    public Task<Story> AddTranslationAsync(Actor actor, Guid sourceId, string language, CancellationToken cancellationToken = default) =>
        As(actor).Translations.AddTranslationAsync(sourceId, language, cancellationToken);

    public Task<TranslationOverview> TranslationsAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Translations.TranslationsAsync(id, cancellationToken);

    public Task MarkTranslationCurrentAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Translations.MarkTranslationCurrentAsync(id, cancellationToken);

    public Task<Story> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Queries.GetAsync(id, cancellationToken);

    public Task<StoryPage> ListAsync(Actor actor, StoryQuery query, CancellationToken cancellationToken = default) =>
        As(actor).Queries.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<StoryAuthor>> AuthorsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        As(actor).Queries.AuthorsAsync(cancellationToken);

    public Task<Dashboard> DashboardAsync(Actor actor, CancellationToken cancellationToken = default) =>
        As(actor).Queries.DashboardAsync(cancellationToken);

    public Task<StoryPage> ReviewQueueAsync(Actor actor, int page = 0, int pageSize = StoryQueries.ReviewQueuePageSize, CancellationToken cancellationToken = default) =>
        As(actor).Queries.ReviewQueueAsync(page, pageSize, cancellationToken);

    public Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Queries.HistoryAsync(id, cancellationToken);

    public Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        As(actor).Queries.RevisionsAsync(id, cancellationToken);

    public Task<StoryRevision> RevisionAsync(Actor actor, Guid id, int number, CancellationToken cancellationToken = default) =>
        As(actor).Queries.RevisionAsync(id, number, cancellationToken);

    /// <summary>The services, the scope now acting as <paramref name="actor"/>.</summary>
    public StoryServices As(Actor actor)
    {
        Current.ActAs(actor);
        return this;
    }

    public Task<int> PublishDueAsync(CancellationToken cancellationToken = default) =>
        Scheduling.PublishDueAsync(cancellationToken);
}
