namespace NewsroomEditor.Core.Publishing;

/// <summary>
/// A slug a published story no longer uses (its headline changed). Its old address answers with a
/// permanent redirect to the current one, so shared and indexed links keep working.
/// </summary>
public class PastSlug
{
    private PastSlug() { }

    internal PastSlug(Guid storyId, string language, string slug, DateTime retiredAt)
    {
        StoryId = storyId;
        Language = language;
        Slug = slug;
        RetiredAt = retiredAt;
    }

    public long Id { get; private set; }
    public Guid StoryId { get; private set; }
    public string Language { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public DateTime RetiredAt { get; private set; }
}
