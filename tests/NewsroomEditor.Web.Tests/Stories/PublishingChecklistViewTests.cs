using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class PublishingChecklistViewTests : NewsroomComponentTest
{
    private static readonly DateTime Now = new(2024, 4, 11, 12, 45, 0, DateTimeKind.Utc);
    private static readonly Actor Lan = Actor.Create("user-lan", "Hoàng Lan", Roles.Reporter);

    [Fact]
    public void A_story_without_lead_and_section_shows_those_two_as_to_do_with_their_problems()
    {
        var story = StoryWith(lead: "", sectionId: null);

        var view = RenderChecklist(story, slugUsedElsewhere: false);

        var failed = view.FindAll("li.failed");
        Assert.Equal(["lead", "section"], failed.Select(li => li.GetAttribute("data-check")));
        var lead = view.Find("li[data-check='lead']");
        Assert.Equal("To do:", lead.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Contains("Lead", lead.TextContent, StringComparison.Ordinal);
        Assert.Contains("Write the lead (standfirst).", lead.TextContent, StringComparison.Ordinal);
        var section = view.Find("li[data-check='section']");
        Assert.Equal("To do:", section.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Contains("Section", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose a section.", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_items_are_shown_with_their_label_as_done_and_without_a_problem()
    {
        var story = StoryWith(lead: "", sectionId: null);

        var view = RenderChecklist(story, slugUsedElsewhere: false);

        var passed = view.FindAll("li.passed");
        Assert.Equal(["headline", "body", "slug", "alt"], passed.Select(li => li.GetAttribute("data-check")));
        Assert.All(passed, li =>
        {
            Assert.Equal("Done:", li.QuerySelector(".visually-hidden")!.TextContent);
            Assert.Empty(li.QuerySelectorAll(".mud-typography-caption"));
        });
        Assert.Contains("Headline", view.Find("li[data-check='headline']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Alt text on every image", view.Find("li[data-check='alt']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_story_shows_every_item_done()
    {
        var story = StoryWith(lead: "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.", sectionId: 1);

        var view = RenderChecklist(story, slugUsedElsewhere: false);

        Assert.Equal(6, view.FindAll("li.passed").Count);
        Assert.Empty(view.FindAll("li.failed"));
        Assert.DoesNotContain("To do:", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_another_story_uses_is_shown_as_to_do_with_the_slug_problem()
    {
        var story = StoryWith(lead: "Sáng 11/4, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị.", sectionId: 1);

        var view = RenderChecklist(story, slugUsedElsewhere: true);

        var failed = Assert.Single(view.FindAll("li.failed"));
        Assert.Equal("slug", failed.GetAttribute("data-check"));
        Assert.Equal("To do:", failed.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Contains("Slug unique in its language", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Another Vietnamese story already uses the slug \"hoi-nghi-ban-chap-hanh\".", failed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_is_labelled_for_screen_readers_and_its_icons_are_hidden_from_them()
    {
        var story = StoryWith(lead: "", sectionId: null);

        var view = RenderChecklist(story, slugUsedElsewhere: false);

        Assert.Equal("Publishing checklist", view.Find("ul.publishing-checklist").GetAttribute("aria-label"));
        var icons = view.FindAll("li svg");
        Assert.Equal(6, icons.Count);
        Assert.All(icons, icon => Assert.Equal("true", icon.GetAttribute("aria-hidden")));
    }

    private IRenderedComponent<PublishingChecklistView> RenderChecklist(Story story, bool slugUsedElsewhere) =>
        Render<PublishingChecklistView>(p => p.Add(x => x.Items, PublishingChecklist.Evaluate(story, slugUsedElsewhere)));

    private static Story StoryWith(string lead, int? sectionId)
    {
        var story = Story.Create(Lan, "vi", sectionId: null, Now);
        story.Edit(Lan, new StoryContent(
            "Hội nghị Ban Chấp hành",
            lead,
            StoryBody.FromParagraphs(["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị."]),
            sectionId,
            Tags: ["Hội nghị"],
            Byline: Lan.DisplayName,
            Slug: "",
            MetaDescription: ""), "hoi-nghi-ban-chap-hanh", Now);
        return story;
    }
}
