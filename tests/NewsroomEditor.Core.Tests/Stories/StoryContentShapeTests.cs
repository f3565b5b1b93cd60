using System.Reflection;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// <see cref="StoryContent"/> is the one shape of a story's content: an edit writes it, a revision
/// keeps it, a translation and a restore start from it. These tests read every property of the
/// record by reflection, so a field added to it and forgotten by one of those conversions fails here.
/// </summary>
public sealed class StoryContentShapeTests
{
    private static readonly Guid Photo = Guid.Parse("5b0d7c1e-7f52-4f0e-9d3a-1c2b3a4d5e6f");

    /// <summary>A content with every property set to something other than its default.</summary>
    private static StoryContent EveryFieldSet() => new(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.",
        StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]),
        SectionId: 3,
        Tags: ["Hội nghị", "Tỉnh ủy"],
        Byline: "Hoàng Lan",
        Slug: "hoi-nghi-lan-thu-15",
        MetaDescription: "Hội nghị lần thứ 15 của Ban Chấp hành Đảng bộ tỉnh.")
    {
        FeaturedMediaId = Photo,
        FeaturedCaption = "Toàn cảnh hội nghị.",
    };

    private static IEnumerable<PropertyInfo> ContentProperties() =>
        typeof(StoryContent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    [Fact]
    public void The_sample_content_sets_every_field()
    {
        var sample = EveryFieldSet();
        var empty = StoryContent.Empty("");
        foreach (var property in ContentProperties())
            Assert.False(Same(property.GetValue(empty), property.GetValue(sample)), $"{property.Name} is left at its empty value in the sample.");
    }

    [Fact]
    public void A_story_gives_back_every_field_it_was_edited_with()
    {
        var story = Story.Create(StoryFactory.Lan, "vi", null, StoryFactory.Now);
        var content = EveryFieldSet();
        story.Edit(StoryFactory.Lan, content, content.Slug, StoryFactory.Now);

        AssertSameContent(content, story.Content);
    }

    [Fact]
    public void A_revision_keeps_every_field_of_the_content()
    {
        var story = Story.Create(StoryFactory.Lan, "vi", null, StoryFactory.Now);
        var content = EveryFieldSet();
        story.Edit(StoryFactory.Lan, content, content.Slug, StoryFactory.Now);
        var revision = story.AddRevision(StoryFactory.Lan, StoryFactory.Now, RevisionKind.Edit);

        AssertSameContent(content, revision.Content);
    }

    [Fact]
    public void A_version_set_aside_keeps_every_field_of_the_content()
    {
        var story = Story.Create(StoryFactory.Lan, "vi", null, StoryFactory.Now);
        var content = EveryFieldSet();
        var revision = story.KeepAside(StoryFactory.Lan, content, StoryFactory.Now);

        AssertSameContent(content, revision.Content);
        Assert.Equal("", story.Headline);
    }

    [Fact]
    public void A_translation_starts_from_the_content_but_its_own_byline_slug_and_meta_description()
    {
        var story = Story.Create(StoryFactory.Lan, "vi", null, StoryFactory.Now);
        var content = EveryFieldSet();
        story.Edit(StoryFactory.Lan, content, content.Slug, StoryFactory.Now);

        var translation = story.CreateTranslation(StoryFactory.Editor, "en", ["vi", "en"], "the-15th-conference", StoryFactory.Now);

        AssertSameContent(content with { Byline = StoryFactory.Editor.DisplayName, Slug = "", MetaDescription = "" }, translation.Content);
        Assert.Equal("the-15th-conference", translation.Slug);
        Assert.Contains(SearchText.Fold(content.Headline), translation.SearchIndex, StringComparison.Ordinal);
    }

    private static void AssertSameContent(StoryContent expected, StoryContent actual)
    {
        foreach (var property in ContentProperties())
            Assert.True(Same(property.GetValue(expected), property.GetValue(actual)), $"{property.Name}: expected {Show(property.GetValue(expected))}, got {Show(property.GetValue(actual))}.");
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (StoryBody x, StoryBody y) => x.ToJson() == y.ToJson(),
        (IEnumerable<string> x, IEnumerable<string> y) => x.SequenceEqual(y, StringComparer.Ordinal),
        _ => Equals(a, b),
    };

    private static string Show(object? value) => value switch
    {
        StoryBody body => body.ToJson(),
        IEnumerable<string> items when value is not string => string.Join(", ", items),
        _ => value?.ToString() ?? "null",
    };
}
