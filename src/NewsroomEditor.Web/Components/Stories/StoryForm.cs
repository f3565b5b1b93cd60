using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Components.Stories;

/// <summary>The editor's fields as the writer types them; turned into <see cref="StoryContent"/> to save.</summary>
public sealed class StoryForm
{
    public string Headline { get; set; } = "";
    public string Lead { get; set; } = "";
    public int? SectionId { get; set; }
    /// <summary>Tags as typed, separated by commas.</summary>
    public string Tags { get; set; } = "";
    public string Byline { get; set; } = "";
    /// <summary>Empty: the slug follows the headline.</summary>
    public string Slug { get; set; } = "";
    public string MetaDescription { get; set; } = "";
    public Guid? FeaturedMediaId { get; set; }
    public string FeaturedCaption { get; set; } = "";

    /// <summary>Names of the fields the browser keeps in its local copy (data-draft-field).</summary>
    public static class Fields
    {
        public const string Headline = "headline";
        public const string Lead = "lead";
        public const string Tags = "tags";
        public const string Byline = "byline";
        public const string Slug = "slug";
        public const string MetaDescription = "metaDescription";
        public const string FeaturedCaption = "featuredCaption";
    }

    public static StoryForm From(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return From(story.Content);
    }

    public static StoryForm From(StoryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StoryForm
        {
            Headline = content.Headline,
            Lead = content.Lead,
            SectionId = content.SectionId,
            Tags = string.Join(", ", content.Tags),
            Byline = content.Byline,
            Slug = content.Slug,
            MetaDescription = content.MetaDescription,
            FeaturedMediaId = content.FeaturedMediaId,
            FeaturedCaption = content.FeaturedCaption,
        };
    }

    public StoryContent ToContent(StoryBody body) => new(
        Headline, Lead, body, SectionId,
        Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Byline, Slug, MetaDescription)
    {
        FeaturedMediaId = FeaturedMediaId,
        FeaturedCaption = FeaturedCaption,
    };

    public StoryForm Copy() => (StoryForm)MemberwiseClone();

    /// <summary>Whether a browser-kept copy's fields say anything these fields do not.</summary>
    public bool DiffersFrom(IReadOnlyDictionary<string, string> fields)
    {
        var copy = new StoryForm { SectionId = SectionId };
        copy.Apply(fields);
        return (copy.Headline, copy.Lead, copy.Tags, copy.Byline, copy.Slug, copy.MetaDescription, copy.FeaturedCaption)
            != (Headline, Lead, Tags, Byline, Slug, MetaDescription, FeaturedCaption);
    }

    /// <summary>Takes the values a browser-kept copy had (restoring unsaved work after a crash).</summary>
    public void Apply(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Headline = fields.GetValueOrDefault(Fields.Headline, Headline);
        Lead = fields.GetValueOrDefault(Fields.Lead, Lead);
        Tags = fields.GetValueOrDefault(Fields.Tags, Tags);
        Byline = fields.GetValueOrDefault(Fields.Byline, Byline);
        Slug = fields.GetValueOrDefault(Fields.Slug, Slug);
        MetaDescription = fields.GetValueOrDefault(Fields.MetaDescription, MetaDescription);
        FeaturedCaption = fields.GetValueOrDefault(Fields.FeaturedCaption, FeaturedCaption);
    }
}
