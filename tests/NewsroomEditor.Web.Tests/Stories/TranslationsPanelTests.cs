using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Stories;

public class TranslationsPanelTests : StoryComponentTest
{
    [Fact]
    public async Task An_editor_adds_the_English_version_and_is_taken_to_it()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var panel = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, story));

        panel.WaitForAssertion(() => Assert.Single(Buttons(panel), "Add English version"));
        Assert.DoesNotContain("Add Vietnamese version", Buttons(panel));
        panel.FindAll("button").Single(b => Name(b) == "Add English version").Click();

        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        panel.WaitForAssertion(() => Assert.Matches("/stories/[0-9a-f-]{36}$", navigation.Uri));
        var translationId = Guid.Parse(navigation.Uri[^36..]);
        var translation = await Host.StoriesAsync(s => s.GetAsync(editor, translationId));
        Assert.Equal("en", translation.Language);
        Assert.Equal("Hội nghị Ban Chấp hành", translation.Headline);
        // A full load: the editor page is never reused in place for another story.
        Assert.True(navigation.History.First().Options.ForceLoad);
    }

    [Fact]
    public async Task The_author_sees_the_button()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");

        var panel = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, story));

        panel.WaitForAssertion(() => Assert.Equal(["Add English version"], Buttons(panel)));
    }

    [Fact]
    public async Task Another_reporter_gets_no_button_on_someone_elses_story()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var story = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        await Host.UserAsync(SignIn("Trần Minh", Roles.Reporter));

        var panel = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, story));

        panel.WaitForAssertion(() => Assert.Contains("Reporters work on their own stories only.", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(Buttons(panel));
    }

    [Fact]
    public async Task Existing_versions_are_listed_as_links_with_their_state_and_are_not_offered_again()
    {
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var story = await Host.WriteStoryAsync(editor, "Hội nghị Ban Chấp hành");
        var english = await Host.StoriesAsync(s => s.AddTranslationAsync(editor, story, "en"));

        var fromSource = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, story));
        var fromTranslation = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, english.Id));

        fromSource.WaitForAssertion(() => Assert.Single(fromSource.FindAll("li[data-translation]")));
        var item = fromSource.Find("li[data-translation='en']");
        Assert.Equal("English version: Hội nghị Ban Chấp hành (Draft)", Squeeze(item.TextContent));
        Assert.Equal($"stories/{english.Id}", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(Buttons(fromSource));
        fromTranslation.WaitForAssertion(() => Assert.Equal(
            "Vietnamese version: Hội nghị Ban Chấp hành (Draft)", Squeeze(fromTranslation.Find("li[data-translation='vi']").TextContent)));
    }

    [Fact]
    public async Task An_outdated_translation_shows_the_banner_and_an_editor_marks_it_up_to_date()
    {
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var (source, english) = await PublishedPairAsync(editor);
        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await SaveAsync(editor, source, "Hội nghị Ban Chấp hành (cập nhật)");

        var panel = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, english));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-translation-outdated]")));
        var banner = panel.Find("[data-translation-outdated]");
        Assert.Contains("The Vietnamese version changed after this translation was published.", Squeeze(banner.TextContent), StringComparison.Ordinal);
        Assert.Equal($"stories/{source}", banner.QuerySelector("a")!.GetAttribute("href"));
        panel.FindAll("button").Single(b => Name(b) == "Mark as up to date").Click();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-translation-outdated]")));
        Assert.Null((await Host.StoriesAsync(s => s.GetAsync(editor, english))).TranslationOutdatedSince);
    }

    [Fact]
    public async Task The_translator_sees_the_banner_without_the_editors_button()
    {
        var editor = await Host.UserAsync(SignIn("Nguyễn Thu", Roles.Editor));
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var source = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        await ReleaseAsync(lan, source);
        Host.Clock.Advance(TimeSpan.FromMinutes(5)); // a translation is started after its source exists
        var english = (await Host.StoriesAsync(s => s.AddTranslationAsync(lan, source, "en"))).Id;
        await SaveAsync(lan, english, "Provincial Party Committee meets");
        foreach (var id in new[] { source, english })
        {
            await Host.TransitionAsync(lan, id, StoryAction.Submit);
            await Host.TransitionAsync(editor, id, StoryAction.Publish);
        }
        Host.Clock.Advance(TimeSpan.FromMinutes(30));
        await SaveAsync(editor, source, "Hội nghị Ban Chấp hành (cập nhật)");

        SignIn("Hoàng Lan", Roles.Reporter);
        var panel = Render<TranslationsPanel>(p => p.Add(x => x.StoryId, english));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-translation-outdated]")));
        Assert.DoesNotContain("Mark as up to date", Buttons(panel));
    }

    /// <summary>A Vietnamese story and its English translation, both published.</summary>
    private async Task<(Guid Source, Guid English)> PublishedPairAsync(Actor editor)
    {
        var source = await Host.WriteStoryAsync(editor, "Hội nghị Ban Chấp hành");
        await Host.TransitionAsync(editor, source, StoryAction.Submit);
        await Host.TransitionAsync(editor, source, StoryAction.Publish);
        Host.Clock.Advance(TimeSpan.FromMinutes(5)); // a translation is started after its source exists
        var english = (await Host.StoriesAsync(s => s.AddTranslationAsync(editor, source, "en"))).Id;
        await SaveAsync(editor, english, "Provincial Party Committee meets");
        await Host.TransitionAsync(editor, english, StoryAction.Submit);
        await Host.TransitionAsync(editor, english, StoryAction.Publish);
        return (source, english);
    }

    private async Task SaveAsync(Actor actor, Guid id, string headline)
    {
        var current = await Host.StoriesAsync(s => s.GetAsync(actor, id));
        var result = await Host.StoriesAsync(s => s.SaveAsync(actor, id, current.Version, new StoryContent(
            headline, "Sáng 11/4, hội nghị lần thứ 15.", StoryBody.FromParagraphs(["Hội nghị đã thảo luận."]),
            current.SectionId, [], actor.DisplayName, "", "")));
        Assert.True(result.Saved);
        await ReleaseAsync(actor, id);
    }

    private Task ReleaseAsync(Actor actor, Guid id) =>
        Host.InScopeAsync(sp => sp.As(actor).GetRequiredService<EditLeaseService>().ReleaseAsync(id));

    private static List<string> Buttons<T>(IRenderedComponent<T> panel) where T : Microsoft.AspNetCore.Components.IComponent =>
        panel.FindAll("button").Select(Name).ToList();

    /// <summary>A button's accessible name as a browser computes it from its text.</summary>
    private static string Name(AngleSharp.Dom.IElement element) => Squeeze(element.TextContent);

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
