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
public sealed class StoryServices(IStoryWriting writing, IStoryWorkflow workflow, IStoryTranslations translations, IStoryQueries queries, IScheduledPublishing scheduling)
{
    public IStoryWriting Writing { get; } = writing;
    public IStoryWorkflow Workflow { get; } = workflow;
    public IStoryTranslations Translations { get; } = translations;
    public IStoryQueries Queries { get; } = queries;
    public IScheduledPublishing Scheduling { get; } = scheduling;

    /// <summary>The story services of the scope <paramref name="services"/> belongs to.</summary>
    public static StoryServices From(IServiceProvider services) => new(
        services.GetRequiredService<IStoryWriting>(),
        services.GetRequiredService<IStoryWorkflow>(),
        services.GetRequiredService<IStoryTranslations>(),
        services.GetRequiredService<IStoryQueries>(),
        services.GetRequiredService<IScheduledPublishing>());

    public Task<Story> CreateAsync(Actor actor, string? language = null, int? sectionId = null, CancellationToken cancellationToken = default) =>
        Writing.CreateAsync(actor, language, sectionId, cancellationToken);

    public Task<SaveResult> SaveAsync(Actor actor, Guid id, int expectedVersion, StoryContent content, SaveReason reason = SaveReason.Edit, CancellationToken cancellationToken = default) =>
        Writing.SaveAsync(actor, id, expectedVersion, content, reason, cancellationToken);

    public Task KeepAsRevisionAsync(Actor actor, Guid id, StoryContent content, CancellationToken cancellationToken = default) =>
        Writing.KeepAsRevisionAsync(actor, id, content, cancellationToken);

    public Task<SaveResult> RestoreRevisionAsync(Actor actor, Guid id, int number, int expectedVersion, CancellationToken cancellationToken = default) =>
        Writing.RestoreRevisionAsync(actor, id, number, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<EditorialNote>> NotesAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Writing.NotesAsync(actor, id, cancellationToken);

    public Task<EditorialNote> AddNoteAsync(Actor actor, Guid id, string text, CancellationToken cancellationToken = default) =>
        Writing.AddNoteAsync(actor, id, text, cancellationToken);

    public Task<Story> TransitionAsync( Actor actor, Guid id, StoryAction action, string? note = null, DateTime? publishAt = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Workflow.TransitionAsync(actor, id, action, note, publishAt, expectedVersion, cancellationToken);

    public Task<StoryMove> MoveAsync( Actor actor, Guid id, StoryAction action, string? note = null, DateTime? publishAt = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Workflow.MoveAsync(actor, id, action, note, publishAt, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Story story, CancellationToken cancellationToken = default) =>
        Workflow.ChecklistAsync(story, cancellationToken);

    public Task<Story> AddTranslationAsync(Actor actor, Guid sourceId, string language, CancellationToken cancellationToken = default) =>
        Translations.AddTranslationAsync(actor, sourceId, language, cancellationToken);

    public Task<TranslationOverview> TranslationsAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Translations.TranslationsAsync(actor, id, cancellationToken);

    public Task MarkTranslationCurrentAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Translations.MarkTranslationCurrentAsync(actor, id, cancellationToken);

    public Task<Story> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Queries.GetAsync(actor, id, cancellationToken);

    public Task<StoryPage> ListAsync(Actor actor, StoryQuery query, CancellationToken cancellationToken = default) =>
        Queries.ListAsync(actor, query, cancellationToken);

    public Task<IReadOnlyList<StoryAuthor>> AuthorsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        Queries.AuthorsAsync(actor, cancellationToken);

    public Task<Dashboard> DashboardAsync(Actor actor, CancellationToken cancellationToken = default) =>
        Queries.DashboardAsync(actor, cancellationToken);

    public Task<IReadOnlyList<StorySummary>> ReviewQueueAsync(Actor actor, CancellationToken cancellationToken = default) =>
        Queries.ReviewQueueAsync(actor, cancellationToken);

    public Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Queries.HistoryAsync(actor, id, cancellationToken);

    public Task<IReadOnlyList<RevisionSummary>> RevisionsAsync(Actor actor, Guid id, CancellationToken cancellationToken = default) =>
        Queries.RevisionsAsync(actor, id, cancellationToken);

    public Task<StoryRevision> RevisionAsync(Actor actor, Guid id, int number, CancellationToken cancellationToken = default) =>
        Queries.RevisionAsync(actor, id, number, cancellationToken);

    public Task<int> PublishDueAsync(CancellationToken cancellationToken = default) =>
        Scheduling.PublishDueAsync(cancellationToken);
}
