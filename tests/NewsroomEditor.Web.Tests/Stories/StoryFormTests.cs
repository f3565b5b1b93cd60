using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;

namespace NewsroomEditor.Web.Tests.Stories;

public class StoryFormTests
{
    private static readonly StoryBody Body = StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]);

    [Fact]
    public void Tags_are_split_on_commas_and_trimmed_and_empty_ones_dropped()
    {
        var form = new StoryForm { Tags = " Hội nghị,Kinh tế ,  , Tỉnh ủy,," };

        var content = form.ToContent(Body);

        Assert.Equal(["Hội nghị", "Kinh tế", "Tỉnh ủy"], content.Tags);
    }

    [Fact]
    public void No_tags_typed_gives_no_tags()
    {
        var content = new StoryForm { Tags = "   " }.ToContent(Body);

        Assert.Empty(content.Tags);
    }

    [Fact]
    public void ToContent_carries_every_field_and_the_given_body()
    {
        var form = new StoryForm
        {
            Headline = "Hội nghị Ban Chấp hành",
            Lead = "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.",
            SectionId = 3,
            Tags = "Hội nghị",
            Byline = "Hoàng Lan",
            Slug = "hoi-nghi",
            MetaDescription = "Hội nghị lần thứ 15.",
        };

        var content = form.ToContent(Body);

        Assert.Equal("Hội nghị Ban Chấp hành", content.Headline);
        Assert.Equal("Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.", content.Lead);
        Assert.Same(Body, content.Body);
        Assert.Equal(3, content.SectionId);
        Assert.Equal("Hoàng Lan", content.Byline);
        Assert.Equal("hoi-nghi", content.Slug);
        Assert.Equal("Hội nghị lần thứ 15.", content.MetaDescription);
    }

    [Fact]
    public void A_content_comes_back_from_the_form_with_every_field()
    {
        var content = new StoryContent(
            "Hội nghị Ban Chấp hành", "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.", Body, 3,
            ["Hội nghị", "Tỉnh ủy"], "Hoàng Lan", "hoi-nghi", "Hội nghị lần thứ 15.")
        {
            FeaturedMediaId = Guid.Parse("5b0d7c1e-7f52-4f0e-9d3a-1c2b3a4d5e6f"),
            FeaturedCaption = "Toàn cảnh hội nghị.",
        };

        var back = StoryForm.From(content).ToContent(Body);

        // Every property of the record, read by reflection: a field added to StoryContent and
        // forgotten by the form fails here.
        foreach (var property in typeof(StoryContent).GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            var expected = property.GetValue(content);
            var actual = property.GetValue(back);
            if (expected is IEnumerable<string> items && expected is not string)
                Assert.Equal(items, (IEnumerable<string>)actual!);
            else
                Assert.True(Equals(expected, actual), $"{property.Name}: expected {expected}, got {actual}.");
        }
    }

    [Fact]
    public void Apply_restores_the_fields_a_browser_kept()
    {
        var form = new StoryForm { Headline = "Old", Lead = "Old lead", SectionId = 2, Tags = "a", Byline = "Old byline", Slug = "old", MetaDescription = "Old meta" };

        form.Apply(new Dictionary<string, string>
        {
            [StoryForm.Fields.Headline] = "Hội nghị lần thứ 15",
            [StoryForm.Fields.Lead] = "Chiều 11/4, hội nghị bế mạc.",
            [StoryForm.Fields.Tags] = "Hội nghị, Tỉnh ủy",
            [StoryForm.Fields.Byline] = "Hoàng Lan",
            [StoryForm.Fields.Slug] = "hoi-nghi-15",
            [StoryForm.Fields.MetaDescription] = "Bế mạc hội nghị.",
        });

        Assert.Equal("Hội nghị lần thứ 15", form.Headline);
        Assert.Equal("Chiều 11/4, hội nghị bế mạc.", form.Lead);
        Assert.Equal("Hội nghị, Tỉnh ủy", form.Tags);
        Assert.Equal("Hoàng Lan", form.Byline);
        Assert.Equal("hoi-nghi-15", form.Slug);
        Assert.Equal("Bế mạc hội nghị.", form.MetaDescription);
        // The section is no text field the browser keeps.
        Assert.Equal(2, form.SectionId);
    }

    [Fact]
    public void Apply_keeps_fields_the_browser_copy_does_not_have()
    {
        var form = new StoryForm { Headline = "Kept headline", Lead = "Kept lead", Tags = "Kept", Byline = "Kept byline", Slug = "kept", MetaDescription = "Kept meta" };

        form.Apply(new Dictionary<string, string> { [StoryForm.Fields.Lead] = "New lead", ["somethingElse"] = "ignored" });

        Assert.Equal("New lead", form.Lead);
        Assert.Equal("Kept headline", form.Headline);
        Assert.Equal("Kept", form.Tags);
        Assert.Equal("Kept byline", form.Byline);
        Assert.Equal("kept", form.Slug);
        Assert.Equal("Kept meta", form.MetaDescription);
    }

    [Fact]
    public void Apply_restores_an_emptied_field_as_empty()
    {
        var form = new StoryForm { Lead = "A lead the writer then deleted" };

        form.Apply(new Dictionary<string, string> { [StoryForm.Fields.Lead] = "" });

        Assert.Equal("", form.Lead);
    }

    [Fact]
    public void From_content_and_back_round_trips_every_field()
    {
        var content = new StoryContent(
            "Hội nghị Ban Chấp hành", "Sáng 11/4, hội nghị khai mạc.", Body, 4,
            ["Hội nghị", "Tỉnh ủy", "Kinh tế"], "Hoàng Lan", "hoi-nghi-bch", "Hội nghị lần thứ 15.");

        var form = StoryForm.From(content);
        var back = form.ToContent(content.Body);

        Assert.Equal("Hội nghị, Tỉnh ủy, Kinh tế", form.Tags);
        Assert.Equal(content.Headline, back.Headline);
        Assert.Equal(content.Lead, back.Lead);
        Assert.Equal(content.SectionId, back.SectionId);
        Assert.Equal(content.Tags, back.Tags);
        Assert.Equal(content.Byline, back.Byline);
        Assert.Equal(content.Slug, back.Slug);
        Assert.Equal(content.MetaDescription, back.MetaDescription);
        Assert.Equal(content.Body.ToJson(), back.Body.ToJson());
    }

    [Fact]
    public void From_a_story_takes_its_content_with_the_custom_slug_only()
    {
        var lan = Actor.Create("user-lan", "Hoàng Lan", Roles.Reporter);
        var now = new DateTime(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);
        var story = Story.Create(lan, "vi", 1, now);
        story.Edit(lan, new StoryContent("Hội nghị Ban Chấp hành", "Sáng 11/4.", Body, 1, ["Hội nghị"], "Hoàng Lan", "", ""), "hoi-nghi-ban-chap-hanh", now);

        var form = StoryForm.From(story);

        Assert.Equal("Hội nghị Ban Chấp hành", form.Headline);
        Assert.Equal("Sáng 11/4.", form.Lead);
        Assert.Equal(1, form.SectionId);
        Assert.Equal("Hội nghị", form.Tags);
        // The slug follows the headline, so the form's slug stays empty.
        Assert.Equal("", form.Slug);
    }
}
