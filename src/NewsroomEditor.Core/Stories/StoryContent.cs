using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Stories;

/// <summary>
/// Everything a writer edits on a story, as one value: what the editor saves, what a revision keeps.
/// <see cref="Slug"/> empty means "follow the headline".
/// </summary>
public sealed record StoryContent(
    string Headline,
    string Lead,
    StoryBody Body,
    int? SectionId,
    IReadOnlyList<string> Tags,
    string Byline,
    string Slug,
    string MetaDescription)
{
    public const int HeadlineMaxLength = 200;
    public const int LeadMaxLength = 600;
    public const int BylineMaxLength = 100;
    public const int MetaDescriptionMaxLength = 300;
    public const int TagMaxLength = 50;
    public const int MaxTags = 20;
    public const int FeaturedCaptionMaxLength = 1000;

    /// <summary>The photo shown above the story (and in shares), from the media library; null for none.</summary>
    public Guid? FeaturedMediaId { get; init; }

    /// <summary>The featured photo's caption in this story's language.</summary>
    public string FeaturedCaption { get; init; } = "";

    public static StoryContent Empty(string byline) => new("", "", StoryBody.Empty, null, [], byline, "", "");

    /// <summary>
    /// Trims and NFC-normalizes every text (dropping control characters, see <see cref="Clean"/>), and refuses what does not fit, with a message that
    /// names the field, so that nothing half-valid is ever stored.
    /// </summary>
    public StoryContent Normalized()
    {
        var headline = Clean(Headline);
        var lead = Clean(Lead);
        var byline = Clean(Byline);
        var meta = Clean(MetaDescription);
        var slug = Clean(Slug);
        var featuredCaption = FeaturedMediaId is null ? "" : Clean(FeaturedCaption);
        if (featuredCaption.Length > FeaturedCaptionMaxLength)
            throw new WorkflowException("Featured caption is {0} characters; at most {1}.", featuredCaption.Length, FeaturedCaptionMaxLength);
        if (headline.Length > HeadlineMaxLength)
            throw new WorkflowException("Headline is {0} characters; at most {1}.", headline.Length, HeadlineMaxLength);
        if (lead.Length > LeadMaxLength)
            throw new WorkflowException("Lead is {0} characters; at most {1}.", lead.Length, LeadMaxLength);
        if (byline.Length > BylineMaxLength)
            throw new WorkflowException("Byline is {0} characters; at most {1}.", byline.Length, BylineMaxLength);
        if (meta.Length > MetaDescriptionMaxLength)
            throw new WorkflowException("Meta description is {0} characters; at most {1}.", meta.Length, MetaDescriptionMaxLength);
        if (slug.Length > 0)
        {
            var cleanSlug = Publishing.Slugs.FromText(slug);
            if (cleanSlug.Length == 0)
                throw new WorkflowException("Slug needs at least one letter or digit.");
            slug = cleanSlug;
        }

        var tags = (Tags ?? [])
            .Select(Clean)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (tags.Count > MaxTags)
            throw new WorkflowException("At most {0} tags.", MaxTags);
        var longTag = tags.FirstOrDefault(t => t.Length > TagMaxLength);
        if (longTag is not null)
            throw new WorkflowException("Tag \"{0}\" is longer than {1} characters.", longTag, TagMaxLength);

        return this with
        {
            Headline = headline,
            Lead = lead,
            Byline = byline,
            MetaDescription = meta,
            Slug = slug,
            Tags = tags,
            Body = Body ?? StoryBody.Empty,
            FeaturedCaption = featuredCaption,
        };
    }

    /// <summary>
    /// NFC; white space trimmed and each run of it one space; control characters that are not white
    /// space (backspace, bell, escape…) dropped: they are never meant in a headline or a tag, show as
    /// nothing or as boxes, and XML (the feeds) cannot carry them at all.
    /// </summary>
    private static string Clean(string? text)
    {
        var normalized = (text ?? "").Normalize();
        if (normalized.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
            normalized = string.Concat(normalized.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)));
        return string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
