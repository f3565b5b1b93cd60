using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// A story and its workflow (DESIGN.md §2). Every change goes through a guarded method that takes the
/// acting person and asks <see cref="StoryRules"/> first; an illegal move throws and changes nothing.
/// Every transition appends a <see cref="WorkflowEvent"/> and a <see cref="StoryRevision"/>.
/// </summary>
public class Story : Entity
{
    public const int LanguageMaxLength = 10;

    private readonly List<WorkflowEvent> _events = [];
    private readonly List<StoryRevision> _revisions = [];
    private readonly List<EditorialNote> _notes = [];
    private readonly List<PastSlug> _pastSlugs = [];

    private Story() { }

    public Guid Id { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public StoryState State { get; private set; }
    public string Language { get; private set; } = "vi";
    /// <summary>Links the versions of one story in different languages.</summary>
    public Guid TranslationGroupId { get; private set; }

    public string Headline { get; private set; } = "";
    public string Lead { get; private set; } = "";
    /// <summary>The canonical ProseMirror JSON, validated by <see cref="StoryBody"/>.</summary>
    public string BodyJson { get; private set; } = "";
    /// <summary>The body as plain text, for search and comparing revisions.</summary>
    public string BodyText { get; private set; } = "";
    public int? SectionId { get; private set; }
    /// <summary>Tags joined by <see cref="TagSeparator"/>; see <see cref="Tags"/>.</summary>
    public string TagList { get; private set; } = "";
    /// <summary>
    /// The tags' slugs, each framed by <see cref="TagSeparator"/> ("|hoi-nghi|kinh-te|"), so that a
    /// tag page finds its stories with one LIKE that works the same on SQLite and SQL Server.
    /// </summary>
    public string TagSlugs { get; private set; } = "";
    public string Byline { get; private set; } = "";
    /// <summary>The slug in use: the custom one, or one made from the headline.</summary>
    public string Slug { get; private set; } = "";
    /// <summary>A slug the writer typed; empty while the slug follows the headline.</summary>
    public string CustomSlug { get; private set; } = "";
    public string MetaDescription { get; private set; } = "";
    public Guid? FeaturedMediaId { get; private set; }
    public string FeaturedCaption { get; private set; } = "";
    /// <summary>Case- and diacritic-folded text of every searchable field (<see cref="SearchText"/>).</summary>
    public string SearchIndex { get; private set; } = "";
    /// <summary>The headline folded on its own, so that a search ranks headline matches first.</summary>
    public string SearchHeadline { get; private set; } = "";
    /// <summary>The lead folded on its own, so that a search ranks lead matches above body matches.</summary>
    public string SearchLead { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedById { get; private set; } = "";
    /// <summary>When the story last entered review; the review queue is ordered by it, oldest first.</summary>
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? ScheduledAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? FirstPublishedAt { get; private set; }
    /// <summary>When a published story was last corrected; shown as "Updated" on the public page.</summary>
    public DateTime? CorrectedAt { get; private set; }

    /// <summary>
    /// When the group's original changed after this translation was published, so readers may be
    /// reading an older text than the original's; null while the translation is current. Cleared
    /// only by an editor (<see cref="MarkTranslationCurrent"/>), never by editing: a fixed typo is
    /// not a re-translation.
    /// </summary>
    public DateTime? TranslationOutdatedSince { get; private set; }

    /// <summary>
    /// The content's concurrency token, managed by the app because SQLite has no rowversion: every
    /// edit increments it, and a save from an older version is a conflict, never a silent overwrite.
    /// Workflow moves leave it alone (they change no content, so an open editor stays current);
    /// racing moves are caught by <see cref="State"/>, the row's second concurrency token.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>The number of the newest revision, so that new ones are numbered without a query.</summary>
    public int LatestRevisionNumber { get; private set; }

    public const char TagSeparator = '|';

    public IReadOnlyList<string> Tags => TagList.Length == 0 ? [] : TagList.Split(TagSeparator);

    public IReadOnlyList<WorkflowEvent> Events => _events;

    public IReadOnlyList<StoryRevision> Revisions => _revisions;

    public IReadOnlyList<EditorialNote> Notes => _notes;

    /// <summary>Slugs this story was published under before a headline change; their URLs redirect here.</summary>
    public IReadOnlyList<PastSlug> PastSlugs => _pastSlugs;

    /// <summary>The tag-slug pattern a story carrying <paramref name="tagSlug"/> has in <see cref="TagSlugs"/>.</summary>
    public static string TagSlugPattern(string tagSlug) => $"{TagSeparator}{tagSlug}{TagSeparator}";

    // The body of the last content written, so that reading the content back after an edit (the
    // revision an autosave keeps, the editor's form) does not parse the body again; a story read
    // from the database parses it once, when first asked.
    private StoryBody? _body;

    public StoryContent Content => new(Headline, Lead, _body ??= StoryBody.Parse(BodyJson), SectionId, Tags, Byline, CustomSlug, MetaDescription)
    {
        FeaturedMediaId = FeaturedMediaId,
        FeaturedCaption = FeaturedCaption,
    };

    public static Story Create(Actor actor, string language, int? sectionId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        if (!actor.CanWrite)
            throw new AccessDeniedException("Only reporters and editors create stories.");

        var story = new Story
        {
            Id = Guid.NewGuid(),
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            State = StoryState.Draft,
            Language = language,
            TranslationGroupId = Guid.NewGuid(),
            SectionId = sectionId,
            Byline = actor.DisplayName,
            BodyJson = StoryBody.Empty.ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedById = actor.UserId,
            Version = 1,
        };
        story.SearchIndex = SearchText.Fold(story.Byline);
        story.AddRevision(actor, now, RevisionKind.Edit);
        return story;
    }

    /// <summary>Whether <paramref name="actor"/> may start versions of this story in other languages: editors, and its author if a reporter.</summary>
    public bool CanBeTranslatedBy(Actor actor) => TranslationRefusal(actor) is null;

    /// <summary>
    /// Refuses a translation into <paramref name="language"/> that <paramref name="actor"/> may not
    /// start or that makes no sense. Whether the group already has that language is the service's
    /// to check (it needs the other versions).
    /// </summary>
    public void EnsureCanTranslate(Actor actor, string language, IReadOnlyCollection<string> siteLanguages)
    {
        ArgumentNullException.ThrowIfNull(siteLanguages);
        if (TranslationRefusal(actor) is { } refusal)
            throw State == StoryState.Archived && MayTranslate(actor) ? new WorkflowException(refusal) : new AccessDeniedException(refusal);
        if (string.IsNullOrWhiteSpace(language))
            throw new WorkflowException("Choose the language of the new version.");
        if (language == Language)
            throw new WorkflowException("This story is already in {0}; a translation needs another language.", LanguageNames.Local(Language));
        StoryRules.EnsureSiteLanguage(language, siteLanguages);
    }

    /// <summary>
    /// Starts this story's version in <paramref name="language"/>: a new draft in the same
    /// translation group and section, written and bylined by <paramref name="actor"/>, that goes
    /// through the workflow on its own. The service has checked that the group has no version in
    /// that language yet and made <paramref name="slug"/> (from the headline) unique in it.
    /// </summary>
    public Story CreateTranslation(Actor actor, string language, IReadOnlyCollection<string> siteLanguages, string slug, DateTime now)
    {
        EnsureCanTranslate(actor, language, siteLanguages);
        ArgumentNullException.ThrowIfNull(slug);

        // The text is copied rather than left empty: a translator overwrites it paragraph by
        // paragraph, so headings, links and figures stay where the original has them. Figures keep
        // their media ids (the images are reused, never uploaded twice); their captions and alt
        // text are then rewritten in the new language, in this copy only. The meta description is
        // not copied: it shows nowhere in the editor's main fields, so an untranslated one would
        // reach search engines unnoticed.
        var translation = new Story
        {
            Id = Guid.NewGuid(),
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            State = StoryState.Draft,
            Language = language,
            TranslationGroupId = TranslationGroupId,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedById = actor.UserId,
            Version = 1,
        };
        translation.WriteContent(Content with { Byline = actor.DisplayName, Slug = "", MetaDescription = "" }, slug);
        translation.AddRevision(actor, now, RevisionKind.Edit);
        return translation;
    }

    /// <summary>
    /// The version a group's translations are made from: the first one written. A translation is
    /// always started after its source exists, so creation times tell them apart; the id only
    /// orders versions made at the very same instant (a frozen test clock), arbitrarily but stably.
    /// </summary>
    public static Story OriginalOf(IEnumerable<Story> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).FirstOrDefault()
            ?? throw new ArgumentException("A translation group has at least one version.", nameof(group));
    }

    /// <summary>
    /// After the version <paramref name="changedId"/> of <paramref name="group"/> was edited at
    /// <paramref name="changedAt"/>: when it is the group's original, every translation published
    /// before then is marked outdated (once; the first change is the one that matters). A
    /// translation's own edits outdate nothing, since the original is not translated from it.
    /// Returns the translations newly marked.
    /// </summary>
    public static IReadOnlyList<Story> MarkTranslationsOutdated(IReadOnlyCollection<Story> group, Guid changedId, DateTime changedAt)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count < 2 || OriginalOf(group).Id != changedId)
            return [];
        var marked = new List<Story>();
        foreach (var translation in group.Where(s => s.Id != changedId))
        {
            if (translation.FirstPublishedAt is null || translation.FirstPublishedAt > changedAt || translation.TranslationOutdatedSince is not null)
                continue;
            translation.TranslationOutdatedSince = changedAt;
            marked.Add(translation);
        }
        return marked;
    }

    /// <summary>
    /// An editor has checked this translation against its original (in <paramref name="originalLanguage"/>)
    /// and says it is current again; the note keeps who said so and when. Returns false when it was not outdated.
    /// </summary>
    public bool MarkTranslationCurrent(Actor actor, string originalLanguage, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsEditor)
            throw new AccessDeniedException("Only an editor may mark a translation as up to date.");
        if (TranslationOutdatedSince is null)
            return false;
        TranslationOutdatedSince = null;
        _notes.Add(new EditorialNote(Id, actor, now, $"Marked as up to date with the {LanguageNames.English(originalLanguage)} version."));
        return true;
    }

    private string? TranslationRefusal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanWrite)
            return DomainText.Get("Only reporters and editors work on stories.");
        if (!MayTranslate(actor))
            return DomainText.Get("Reporters translate their own stories only.");
        if (State == StoryState.Archived)
            return DomainText.Get("An archived story cannot be translated; restore it first.");
        return null;
    }

    private bool MayTranslate(Actor actor) => StoryRules.IsEditorOrOwner(actor, AuthorId);

    /// <summary>Derives <see cref="TagSlugs"/> from the tags; false when it was already right.</summary>
    internal bool RefreshTagSlugs()
    {
        var tagSlugs = Tags.Select(Slugs.FromText).Where(t => t.Length > 0).Distinct().ToList();
        var refreshed = tagSlugs.Count == 0 ? "" : $"{TagSeparator}{string.Join(TagSeparator, tagSlugs)}{TagSeparator}";
        if (refreshed == TagSlugs)
            return false;
        TagSlugs = refreshed;
        return true;
    }

    public bool Allows(Actor actor, StoryAction action) => StoryRules.IsAllowed(actor, AuthorId, State, action);

    /// <summary>
    /// Replaces the content. <paramref name="slug"/> is the slug to use (the service makes it unique
    /// per language); <c>content.Slug</c> says whether the writer chose it. Editing a published
    /// story is a correction. Returns the kind of revision this edit amounts to.
    /// </summary>
    public RevisionKind Edit(Actor actor, StoryContent content, string slug, DateTime now)
    {
        Ensure(actor, StoryAction.Edit);
        ArgumentNullException.ThrowIfNull(content);
        var clean = content.Normalized();

        // Readers may have the old address (shared, indexed): once published, a slug keeps redirecting.
        if (FirstPublishedAt is not null && Slug.Length > 0 && Slug != slug && _pastSlugs.TrueForAll(p => p.Slug != Slug))
            _pastSlugs.Add(new PastSlug(Id, Language, Slug, now));
        WriteContent(clean, slug);
        Touch(actor, now);
        Version++;

        if (State != StoryState.Published)
        {
            AddDomainEvent(new StoryContentSaved(this, actor.UserId, actor.DisplayName, IsCorrection: false, now));
            return RevisionKind.Edit;
        }
        CorrectedAt = now;
        AddDomainEvent(new StoryCorrected(this, actor.UserId, actor.DisplayName, now));
        AddDomainEvent(new StoryContentSaved(this, actor.UserId, actor.DisplayName, IsCorrection: true, now));
        return RevisionKind.Correction;
    }

    /// <summary>
    /// The one place a <see cref="StoryContent"/> becomes the story's columns (an edit, a new
    /// translation): <paramref name="clean"/> is normalized, <paramref name="slug"/> the slug to use,
    /// <c>clean.Slug</c> whether the writer chose it. The search index follows the content.
    /// </summary>
    private void WriteContent(StoryContent clean, string slug)
    {
        Headline = clean.Headline;
        Lead = clean.Lead;
        _body = clean.Body;
        BodyJson = clean.Body.ToJson();
        BodyText = clean.Body.ToPlainText();
        SectionId = clean.SectionId;
        TagList = string.Join(TagSeparator, clean.Tags.Select(t => t.Replace(TagSeparator, ' ')));
        RefreshTagSlugs();
        Byline = clean.Byline;
        CustomSlug = clean.Slug;
        Slug = slug;
        MetaDescription = clean.MetaDescription;
        FeaturedMediaId = clean.FeaturedMediaId;
        FeaturedCaption = clean.FeaturedCaption;
        SearchIndex = SearchText.Index(Headline, Lead, BodyText, Byline, string.Join(' ', clean.Tags));
        SearchHeadline = SearchText.Fold(Headline);
        SearchLead = SearchText.Fold(Lead);
    }

    public void Submit(Actor actor, DateTime now)
    {
        Move(actor, StoryAction.Submit, now);
        SubmittedAt = now;
    }

    public void Withdraw(Actor actor, DateTime now) => Move(actor, StoryAction.Withdraw, now);

    public void Resubmit(Actor actor, DateTime now)
    {
        Move(actor, StoryAction.Resubmit, now);
        SubmittedAt = now;
    }

    /// <summary>Sends the story back to its author; the note says why and joins the story's notes.</summary>
    public void RequestChanges(Actor actor, string note, DateTime now)
    {
        Ensure(actor, StoryAction.RequestChanges);
        if (string.IsNullOrWhiteSpace(note))
            throw new WorkflowException("Say what should change: a note is required to request changes.");
        var clean = EditorialNote.Clean(note);
        Move(actor, StoryAction.RequestChanges, now, clean, note.Trim());
        _notes.Add(new EditorialNote(Id, actor, now, clean));
    }

    public void Approve(Actor actor, DateTime now) => Move(actor, StoryAction.Approve, now);

    /// <summary>Publishes now (from Approved, or straight from review). The checklist must pass.</summary>
    public void Publish(Actor actor, IReadOnlyList<ChecklistItem> checklist, DateTime now)
    {
        Ensure(actor, StoryAction.Publish);
        PublishingChecklist.EnsurePassed(checklist, StoryAction.Publish);
        Move(actor, StoryAction.Publish, now);
        PublishedAt = now;
        FirstPublishedAt ??= now;
        CorrectedAt = null;
        ScheduledAt = null;
    }

    /// <summary>Publishes at a future time (an approved story). The checklist must pass now.</summary>
    public void Schedule(Actor actor, DateTime publishAt, IReadOnlyList<ChecklistItem> checklist, DateTime now)
    {
        Ensure(actor, StoryAction.Schedule);
        if (publishAt <= now)
            throw new WorkflowException("Choose a publication time in the future.");
        PublishingChecklist.EnsurePassed(checklist, StoryAction.Schedule);
        Move(actor, StoryAction.Schedule, now, $"For {publishAt:yyyy-MM-dd HH:mm} UTC");
        ScheduledAt = publishAt;
    }

    /// <summary>The scheduler's move: a scheduled story whose time has come is published.</summary>
    public bool PublishIfDue(IReadOnlyList<ChecklistItem> checklist, DateTime now)
    {
        if (State != StoryState.Scheduled || ScheduledAt is null || ScheduledAt > now)
            return false;
        PublishingChecklist.EnsurePassed(checklist, StoryAction.Publish);
        Record(Actor.System, StoryAction.Publish, StoryState.Published, now, note: null);
        PublishedAt = ScheduledAt;
        FirstPublishedAt ??= ScheduledAt;
        CorrectedAt = null;
        return true;
    }

    public void Unpublish(Actor actor, DateTime now) => Move(actor, StoryAction.Unpublish, now);

    public void Archive(Actor actor, DateTime now) => Move(actor, StoryAction.Archive, now);

    public void Restore(Actor actor, DateTime now) => Move(actor, StoryAction.Restore, now);

    /// <summary>Adds a note to the thread; the author and editors may write (and read) notes.</summary>
    public EditorialNote AddNote(Actor actor, string text, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanReadNotes(actor))
            throw new AccessDeniedException("Notes on a story are for its author and the editors.");
        var note = new EditorialNote(Id, actor, now, EditorialNote.Clean(text));
        _notes.Add(note);
        return note;
    }

    /// <summary>Editorial notes are for the story's author and the editors only.</summary>
    public bool CanReadNotes(Actor actor) => StoryRules.IsEditorOrOwner(actor, AuthorId);

    /// <summary>
    /// Records <paramref name="content"/> as a revision while the story keeps its own content (a
    /// writer's version set aside after a conflict).
    /// </summary>
    public StoryRevision KeepAside(Actor actor, StoryContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var revision = new StoryRevision(this, ++LatestRevisionNumber, actor, now, RevisionKind.ConflictCopy);
        revision.Capture(content, now);
        _revisions.Add(revision);
        return revision;
    }

    /// <summary>Writes a revision of the current content; see <see cref="StoryRevision"/>.</summary>
    public StoryRevision AddRevision(Actor actor, DateTime now, RevisionKind kind)
    {
        var revision = new StoryRevision(this, ++LatestRevisionNumber, actor, now, kind);
        _revisions.Add(revision);
        return revision;
    }

    private void Move(Actor actor, StoryAction action, DateTime now, string? note = null, string? personsNote = null)
    {
        Ensure(actor, action);
        Record(actor, action, StoryRules.Target(State, action)!.Value, now, note, personsNote);
    }

    // personsNote: the note as the person typed it, for the audit log and open screens.
    private void Record(Actor actor, StoryAction action, StoryState to, DateTime now, string? note, string? personsNote = null)
    {
        _events.Add(new WorkflowEvent(Id, actor, now, State, to, action, note));
        AddDomainEvent(to == StoryState.Published
            ? new StoryPublished(this, State, actor.UserId, actor.DisplayName, OnSchedule: ReferenceEquals(actor, Actor.System), now)
            : State == StoryState.Published
                ? new StoryUnpublished(this, to, actor.UserId, actor.DisplayName, personsNote, now)
                : new StoryMoved(this, State, to, actor.UserId, actor.DisplayName, personsNote, now));
        State = to;
        Touch(actor, now);
        AddRevision(actor, now, RevisionKind.Transition);
    }

    private void Touch(Actor actor, DateTime now)
    {
        UpdatedAt = now;
        UpdatedById = actor.UserId;
    }

    private void Ensure(Actor actor, StoryAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var refusal = StoryRules.Refusal(actor, AuthorId, State, action);
        if (refusal is null)
            return;
        if (StoryRules.Target(State, action) is null)
            throw new WorkflowException(refusal);
        throw new AccessDeniedException(refusal);
    }
}
