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
    /// Trims and NFC-normalizes every text, and refuses what does not fit, with a message that
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
        Require(featuredCaption.Length <= FeaturedCaptionMaxLength,
            $"Featured caption is {featuredCaption.Length} characters; at most {FeaturedCaptionMaxLength}.");
        Require(headline.Length <= HeadlineMaxLength, $"Headline is {headline.Length} characters; at most {HeadlineMaxLength}.");
        Require(lead.Length <= LeadMaxLength, $"Lead is {lead.Length} characters; at most {LeadMaxLength}.");
        Require(byline.Length <= BylineMaxLength, $"Byline is {byline.Length} characters; at most {BylineMaxLength}.");
        Require(meta.Length <= MetaDescriptionMaxLength, $"Meta description is {meta.Length} characters; at most {MetaDescriptionMaxLength}.");
        if (slug.Length > 0)
        {
            var cleanSlug = Publishing.Slugs.FromText(slug);
            Require(cleanSlug.Length > 0, "Slug needs at least one letter or digit.");
            slug = cleanSlug;
        }

        var tags = (Tags ?? [])
            .Select(Clean)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        Require(tags.Count <= MaxTags, $"At most {MaxTags} tags.");
        var longTag = tags.FirstOrDefault(t => t.Length > TagMaxLength);
        Require(longTag is null, $"Tag \"{longTag}\" is longer than {TagMaxLength} characters.");

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

    private static string Clean(string? text) =>
        string.Join(' ', (text ?? "").Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new WorkflowException(message);
    }
}
