using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Core.Stories;

/// <summary>One move of a story through the workflow: who, when, from, to, and the note given.</summary>
public class WorkflowEvent
{
    private WorkflowEvent() { }

    internal WorkflowEvent(Guid storyId, Actor actor, DateTime at, StoryState from, StoryState to, StoryAction action, string? note)
    {
        StoryId = storyId;
        ActorId = actor.UserId;
        ActorName = actor.DisplayName;
        At = at;
        From = from;
        To = to;
        Action = action;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid StoryId { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public StoryState From { get; private set; }
    public StoryState To { get; private set; }
    public StoryAction Action { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>Why a revision was written.</summary>
public enum RevisionKind
{
    Edit,
    Transition,
    Correction,
    Restore,
    ConflictCopy,
}

/// <summary>A snapshot of a story's content, kept so that any version can be compared and restored.</summary>
public class StoryRevision
{
    private StoryRevision() { }

    internal StoryRevision(Story story, int number, Actor actor, DateTime at, RevisionKind kind)
    {
        StoryId = story.Id;
        Number = number;
        AuthorId = actor.UserId;
        AuthorName = actor.DisplayName;
        Kind = kind;
        Capture(story, at);
    }

    public long Id { get; private set; }
    public Guid StoryId { get; private set; }
    public int Number { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public RevisionKind Kind { get; private set; }
    public StoryState State { get; private set; }
    public string Headline { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public string BodyJson { get; private set; } = "";
    public string BodyText { get; private set; } = "";
    public int? SectionId { get; private set; }
    public string Tags { get; private set; } = "";
    public string Byline { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string MetaDescription { get; private set; } = "";
    public Guid? FeaturedMediaId { get; private set; }
    public string FeaturedCaption { get; private set; } = "";

    /// <summary>
    /// The revision's content in the one shape the app edits, compares and restores (the editor
    /// form, the revision comparison, a restore): a field added to <see cref="StoryContent"/> is
    /// captured and read back here, nowhere else. <c>Slug</c> is the slug the story had.
    /// </summary>
    public StoryContent Content => new(
        Headline, Lead, RichText.StoryBody.Parse(BodyJson), SectionId,
        Tags.Length == 0 ? [] : Tags.Split(Story.TagSeparator), Byline, Slug, MetaDescription)
    {
        FeaturedMediaId = FeaturedMediaId,
        FeaturedCaption = FeaturedCaption,
    };

    /// <summary>Takes the given content instead of the story's (a version set aside).</summary>
    internal void Capture(StoryContent content, DateTime at) => Capture(content, content.Body.ToJson(), content.Body.ToPlainText(), at);

    /// <summary>Autosaves by one person within a short time are folded into one revision.</summary>
    internal void Refresh(Story story, DateTime at) => Capture(story, at, keepCreated: true);

    private void Capture(Story story, DateTime at, bool keepCreated = false)
    {
        if (!keepCreated)
            CreatedAt = at;
        State = story.State;
        // The story's stored body and its text as they are: no need to render them again.
        Capture(story.Content with { Slug = story.Slug }, story.BodyJson, story.BodyText, at);
    }

    private void Capture(StoryContent content, string bodyJson, string bodyText, DateTime at)
    {
        UpdatedAt = at;
        Headline = content.Headline;
        Lead = content.Lead;
        BodyJson = bodyJson;
        BodyText = bodyText;
        SectionId = content.SectionId;
        Tags = string.Join(Story.TagSeparator, content.Tags);
        Byline = content.Byline;
        Slug = content.Slug;
        MetaDescription = content.MetaDescription;
        FeaturedMediaId = content.FeaturedMediaId;
        FeaturedCaption = content.FeaturedCaption;
    }
}

/// <summary>An editorial note on a story: seen by its author and the editors, never published.</summary>
public class EditorialNote
{
    public const int MaxLength = 4000;

    private EditorialNote() { }

    internal EditorialNote(Guid storyId, Actor author, DateTime at, string text)
    {
        StoryId = storyId;
        AuthorId = author.UserId;
        AuthorName = author.DisplayName;
        CreatedAt = at;
        Text = text;
    }

    public long Id { get; private set; }
    public Guid StoryId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>Trims and normalizes a note; refuses an empty or overlong one.</summary>
    public static string Clean(string? text)
    {
        var note = (text ?? "").Trim().Normalize();
        if (note.Length == 0)
            throw new WorkflowException("Write a note first.");
        if (note.Length > MaxLength)
            throw new WorkflowException("A note is at most {0} characters.", MaxLength);
        return note;
    }
}
