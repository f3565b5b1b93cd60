using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Stories;

/// <summary>Filters of the story list; <see cref="Search"/> is case- and diacritic-insensitive.</summary>
public sealed record StoryQuery(
    string? Search = null,
    StoryState? State = null,
    int? SectionId = null,
    string? AuthorId = null,
    string? Language = null,
    int Page = 0,
    int PageSize = 20);

/// <summary>One row of a story list.</summary>
public sealed record StorySummary(
    Guid Id, string Headline, StoryState State, string AuthorId, string AuthorName, int? SectionId, string Language,
    DateTime UpdatedAt, DateTime? SubmittedAt, DateTime? PublishedAt, DateTime? ScheduledAt)
{
    /// <summary>In a search's results, the headline and a passage with the matched words marked; null otherwise.</summary>
    public SearchExcerpt? Excerpt { get; init; }
}

/// <summary>Someone who wrote at least one story, as the author filter lists them.</summary>
public sealed record StoryAuthor(string Id, string Name);

/// <summary>A page of a story list and how many stories the whole list has.</summary>
public sealed record StoryPage(IReadOnlyList<StorySummary> Items, int TotalCount);

/// <summary>What the dashboard shows a person; <see cref="ReviewQueue"/> is the oldest few waiting, with how many wait.</summary>
public sealed record Dashboard(
    IReadOnlyDictionary<StoryState, int> MyCounts,
    IReadOnlyList<StorySummary> MyRecent,
    StoryPage ReviewQueue,
    IReadOnlyList<StorySummary> RecentlyPublished);

/// <summary>A revision as the revisions panel lists it.</summary>
public sealed record RevisionSummary(int Number, string AuthorName, DateTime CreatedAt, DateTime UpdatedAt, StoryState State, RevisionKind Kind, string Headline);

/// <summary>The server's version of a story that someone else saved first.</summary>
public sealed record StoryConflict(int Version, string UpdatedByName, DateTime UpdatedAt, StoryContent Theirs);

/// <summary>The outcome of a save: stored (with the new version) or a conflict to resolve.</summary>
public sealed record SaveResult(int Version, DateTime SavedAt, StoryConflict? Conflict)
{
    public bool Saved => Conflict is null;

    /// <summary>The story as saved (null for a conflict), so that the editor need not read it again.</summary>
    public Story? Story { get; init; }

    /// <summary>The saved story's publishing checklist (empty for a conflict).</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];
}

/// <summary>A story as stored, with its publishing checklist.</summary>
public sealed record StoryWithChecklist(Story Story, IReadOnlyList<ChecklistItem> Checklist);

/// <summary>
/// A story after a workflow move, with its publishing checklist. A move given the content still
/// unsaved on the page saves it first, in the same unit of work: <see cref="Save"/> says how that
/// went (a conflict leaves everything as it was, and <see cref="Story"/> is the server's), and
/// <see cref="Refused"/> why the move did not happen after its content was saved.
/// </summary>
public sealed record StoryMove(Story Story, IReadOnlyList<ChecklistItem> Checklist)
{
    /// <summary>The save of the unsaved content the move was given; null when it was given none.</summary>
    public SaveResult? Save { get; init; }

    /// <summary>Why the move was refused (its rules, the checklist) once the content it was given was saved.</summary>
    public DomainException? Refused { get; init; }

    public bool Moved => Refused is null && Save is not { Saved: false };
}
