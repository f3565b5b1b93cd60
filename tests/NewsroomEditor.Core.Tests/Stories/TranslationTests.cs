using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Stories.RichText;
using NewsroomEditor.Core.Tests.Support;
using static NewsroomEditor.Core.Tests.Stories.StoryFactory;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// A story's versions in other languages: who may start one, what it copies, that each version
/// has its own workflow, and how a translation is marked outdated when its original changes.
/// </summary>
public sealed class TranslationTests : IAsyncLifetime
{
    private static readonly string[] SiteLanguages = ["vi", "en"];
    private static readonly Guid Photo = Guid.Parse("6f0c2a8e-6d0b-4f7e-9a51-0c6c3f1d2b11");

    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _minh = default!;
    private Actor _editor = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _minh = await UserAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        _editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void An_editor_starts_a_draft_in_the_same_group_and_section_copying_the_content_and_reusing_the_photos()
    {
        var source = InState(StoryState.Published);
        source.Edit(Editor, WithPhoto(Content()), "hoi-nghi", Now);

        var translation = source.CreateTranslation(Editor, "en", SiteLanguages, "hoi-nghi", Now.AddHours(1));

        Assert.NotEqual(source.Id, translation.Id);
        Assert.Equal(source.TranslationGroupId, translation.TranslationGroupId);
        Assert.Equal("en", translation.Language);
        Assert.Equal(source.SectionId, translation.SectionId);
        Assert.Equal(StoryState.Draft, translation.State);
        Assert.Equal(Editor.UserId, translation.AuthorId);
        Assert.Equal("Nguyễn Thu", translation.Byline);
        Assert.Equal(source.Headline, translation.Headline);
        Assert.Equal(source.Lead, translation.Lead);
        Assert.Equal(source.Tags, translation.Tags);
        Assert.Equal(Photo, translation.FeaturedMediaId);
        Assert.Equal("Toàn cảnh hội nghị", translation.FeaturedCaption);
        var figure = Assert.Single(StoryBody.Parse(translation.BodyJson).Figures);
        Assert.Equal(Photo, figure.MediaId);
        Assert.Equal("hoi-nghi", translation.Slug);
        Assert.Null(translation.FirstPublishedAt);
        Assert.Equal(RevisionKind.Edit, Assert.Single(translation.Revisions).Kind);
    }

    [Fact]
    public void A_reporter_translates_their_own_story_and_writes_the_translation()
    {
        var source = InState(StoryState.Draft);

        var translation = source.CreateTranslation(Lan, "en", SiteLanguages, "hoi-nghi", Now);

        Assert.Equal(Lan.UserId, translation.AuthorId);
        Assert.Equal("Hoàng Lan", translation.Byline);
        Assert.True(translation.Allows(Lan, StoryAction.Edit));
    }

    [Fact]
    public void Another_reporter_cannot_translate_someone_elses_story()
    {
        var source = InState(StoryState.Published);

        var error = Assert.Throws<AccessDeniedException>(() => source.CreateTranslation(Minh, "en", SiteLanguages, "hoi-nghi", Now));

        Assert.Equal("Reporters translate their own stories only.", error.Message);
        Assert.False(source.CanBeTranslatedBy(Minh));
        Assert.Throws<AccessDeniedException>(() => source.CreateTranslation(Admin, "en", SiteLanguages, "hoi-nghi", Now));
    }

    [Fact]
    public void A_translation_into_the_same_language_or_one_the_site_lacks_is_refused()
    {
        var source = InState(StoryState.Draft);

        var same = Assert.Throws<WorkflowException>(() => source.CreateTranslation(Editor, "vi", SiteLanguages, "hoi-nghi", Now));
        var foreign = Assert.Throws<WorkflowException>(() => source.CreateTranslation(Editor, "fr", SiteLanguages, "hoi-nghi", Now));

        Assert.Equal("This story is already in Vietnamese; a translation needs another language.", same.Message);
        Assert.Equal("Language \"fr\" is not one of this site's languages (vi, en).", foreign.Message);
    }

    [Fact]
    public void Each_version_moves_through_the_workflow_on_its_own()
    {
        var source = InState(StoryState.InReview);
        var translation = source.CreateTranslation(Lan, "en", SiteLanguages, "conference", Now);

        source.Publish(Editor, Passing, Now);
        Assert.Equal(StoryState.Draft, translation.State);

        translation.Submit(Lan, Now);
        translation.RequestChanges(Editor, "Translate the captions too.", Now);
        Assert.Equal(StoryState.ChangesRequested, translation.State);
        Assert.Equal(StoryState.Published, source.State);

        source.Unpublish(Editor, Now);
        Assert.Equal(StoryState.ChangesRequested, translation.State);
        Assert.DoesNotContain(source.Events, e => e.StoryId == translation.Id);
    }

    [Fact]
    public async Task The_service_adds_a_version_with_the_same_figures_and_a_slug_from_the_headline()
    {
        var source = await WriteAsync(_lan, WithPhoto(Content("Hội nghị Ban Chấp hành")));

        var translation = await Service(s => s.AddTranslationAsync(_lan, source.Id, "en"));

        var stored = await Service(s => s.GetAsync(_lan, translation.Id));
        Assert.Equal(source.TranslationGroupId, stored.TranslationGroupId);
        Assert.Equal(source.SectionId, stored.SectionId);
        Assert.Equal("en", stored.Language);
        Assert.Equal("hoi-nghi-ban-chap-hanh", stored.Slug);
        Assert.Equal(Photo, Assert.Single(StoryBody.Parse(stored.BodyJson).Figures).MediaId);
        Assert.Equal(Photo, stored.FeaturedMediaId);
    }

    [Fact]
    public async Task A_second_version_in_the_same_language_is_refused_whichever_version_it_starts_from()
    {
        var source = await WriteAsync(_lan, Content());
        var english = await Service(s => s.AddTranslationAsync(_editor, source.Id, "en"));

        var again = await Assert.ThrowsAsync<WorkflowException>(() => Service(s => s.AddTranslationAsync(_editor, source.Id, "en")));
        var back = await Assert.ThrowsAsync<WorkflowException>(() => Service(s => s.AddTranslationAsync(_editor, english.Id, "vi")));

        Assert.Equal("This story already has a version in English; open it from the list of versions.", again.Message);
        Assert.Equal("This story already has a version in Vietnamese; open it from the list of versions.", back.Message);
        var group = await Service(s => s.TranslationsAsync(_editor, source.Id));
        Assert.Equal(english.Id, Assert.Single(group.Others).Id);
        Assert.Empty(group.LanguagesToAdd);
    }

    [Fact]
    public async Task The_versions_list_shows_the_others_and_what_one_may_add()
    {
        var source = await WriteAsync(_lan, Content());
        var before = await Service(s => s.TranslationsAsync(_lan, source.Id));
        Assert.Equal(["en"], before.LanguagesToAdd);
        Assert.Empty(before.Others);

        var english = await Service(s => s.AddTranslationAsync(_editor, source.Id, "en"));

        var fromSource = await Service(s => s.TranslationsAsync(_lan, source.Id));
        var other = Assert.Single(fromSource.Others);
        Assert.Equal(("en", StoryState.Draft, false), (other.Language, other.State, other.IsOriginal));
        Assert.False(other.CanOpen); // the editor's translation is not Lan's to open
        Assert.Null(fromSource.Original);
        var fromTranslation = await Service(s => s.TranslationsAsync(_editor, english.Id));
        Assert.Equal(source.Id, fromTranslation.Original!.Id);
        Assert.True(fromTranslation.Original.CanOpen);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(s => s.TranslationsAsync(_minh, source.Id)));
    }

    [Fact]
    public async Task Editing_the_original_after_the_translation_was_published_marks_the_translation_outdated()
    {
        var (source, english) = await PublishedPairAsync();

        await SaveAsync(_editor, source.Id, Content("Hội nghị Ban Chấp hành (cập nhật)"));

        var translation = await Service(s => s.TranslationsAsync(_editor, english.Id));
        Assert.NotNull(translation.OutdatedSince);
        Assert.True(translation.CanMarkCurrent);
        Assert.Equal("vi", translation.Original!.Language);
        Assert.Null((await Service(s => s.GetAsync(_editor, source.Id))).TranslationOutdatedSince);
    }

    [Fact]
    public async Task Editing_the_original_before_the_translation_is_published_marks_nothing()
    {
        var source = await WriteAsync(_editor, Content());
        var english = await Service(s => s.AddTranslationAsync(_editor, source.Id, "en"));
        await SaveAsync(_editor, english.Id, EnglishContent());

        await SaveAsync(_editor, source.Id, Content("Hội nghị Ban Chấp hành (cập nhật)"));
        await Service(s => s.TransitionAsync(_editor, english.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, english.Id, StoryAction.Publish));

        Assert.Null((await Service(s => s.GetAsync(_editor, english.Id))).TranslationOutdatedSince);
    }

    [Fact]
    public async Task Editing_the_translation_neither_clears_its_mark_nor_marks_the_original()
    {
        var (source, english) = await PublishedPairAsync();
        await SaveAsync(_editor, source.Id, Content("Hội nghị Ban Chấp hành (cập nhật)"));
        var markedAt = (await Service(s => s.GetAsync(_editor, english.Id))).TranslationOutdatedSince;

        await SaveAsync(_editor, english.Id, EnglishContent() with { Lead = "A typo fixed in the lead." });

        Assert.Equal(markedAt, (await Service(s => s.GetAsync(_editor, english.Id))).TranslationOutdatedSince);
        Assert.Null((await Service(s => s.GetAsync(_editor, source.Id))).TranslationOutdatedSince);
    }

    [Fact]
    public async Task An_editor_marks_the_translation_current_again_and_a_note_says_so()
    {
        var (source, english) = await PublishedPairAsync();
        await SaveAsync(_editor, source.Id, Content("Hội nghị Ban Chấp hành (cập nhật)"));

        await _host.InScopeAsync(sp => StoryServices.From(sp).MarkTranslationCurrentAsync(_editor, english.Id));

        var translation = await Service(s => s.TranslationsAsync(_editor, english.Id));
        Assert.Null(translation.OutdatedSince);
        Assert.False(translation.CanMarkCurrent);
        var notes = await Service(s => s.NotesAsync(_editor, english.Id));
        Assert.Equal("Marked as up to date with the Vietnamese version.", Assert.Single(notes).Text);
    }

    [Fact]
    public async Task A_reporter_cannot_mark_a_translation_current()
    {
        var source = await WriteAsync(_lan, Content());
        var english = await Service(s => s.AddTranslationAsync(_lan, source.Id, "en"));
        await SaveAsync(_lan, english.Id, EnglishContent());
        foreach (var id in new[] { english.Id, source.Id })
        {
            await Service(s => s.TransitionAsync(_lan, id, StoryAction.Submit));
            await Service(s => s.TransitionAsync(_editor, id, StoryAction.Publish));
        }
        await SaveAsync(_editor, source.Id, Content("Hội nghị Ban Chấp hành (cập nhật)"));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _host.InScopeAsync(sp => StoryServices.From(sp).MarkTranslationCurrentAsync(_lan, english.Id)));

        Assert.Equal("Only an editor may mark a translation as up to date.", error.Message);
        var translation = await Service(s => s.TranslationsAsync(_lan, english.Id));
        Assert.NotNull(translation.OutdatedSince);
        Assert.False(translation.CanMarkCurrent);
    }

    [Fact]
    public async Task The_public_site_finds_a_published_pair_as_each_others_translation()
    {
        var (source, english) = await PublishedPairAsync();
        var section = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.SingleAsync(s => s.Id == source.SectionId));
        var vi = await Service(s => s.GetAsync(_editor, source.Id));
        var en = await Service(s => s.GetAsync(_editor, english.Id));

        var vietnamese = await Published(p => p.FindArticleAsync("vi", section.SlugFor("vi"), vi.Slug));
        var englishPage = await Published(p => p.FindArticleAsync("en", section.SlugFor("en"), en.Slug));

        var viTranslation = Assert.Single(Assert.IsType<ArticleLookup.Found>(vietnamese).Article.Translations);
        Assert.Equal(("en", "Provincial Party Committee meets", en.Slug), (viTranslation.Language, viTranslation.Headline, viTranslation.Slug));
        var enTranslation = Assert.Single(Assert.IsType<ArticleLookup.Found>(englishPage).Article.Translations);
        Assert.Equal(("vi", vi.Headline, vi.Slug), (enTranslation.Language, enTranslation.Headline, enTranslation.Slug));
    }

    /// <summary>A Vietnamese original and its English translation, both published by the editor.</summary>
    private async Task<(Story Source, Story English)> PublishedPairAsync()
    {
        var source = await WriteAsync(_editor, Content());
        await Service(s => s.TransitionAsync(_editor, source.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, source.Id, StoryAction.Publish));
        var english = await Service(s => s.AddTranslationAsync(_editor, source.Id, "en"));
        await SaveAsync(_editor, english.Id, EnglishContent());
        await Service(s => s.TransitionAsync(_editor, english.Id, StoryAction.Submit));
        await Service(s => s.TransitionAsync(_editor, english.Id, StoryAction.Publish));
        Assert.Null((await Service(s => s.GetAsync(_editor, english.Id))).TranslationOutdatedSince);
        return (source, english);
    }

    private static StoryContent EnglishContent() => new(
        "Provincial Party Committee meets",
        "On the morning of April 11, the Provincial Party Committee held its 15th meeting.",
        StoryBody.FromParagraphs(["The Secretary of the Provincial Party Committee chaired the meeting."]),
        SectionId: 1, Tags: ["Conference"], Byline: "Nguyễn Thu", Slug: "", MetaDescription: "");

    /// <summary>The content with a figure of <see cref="Photo"/> after its paragraph, and the same photo featured.</summary>
    private static StoryContent WithPhoto(StoryContent content) => content with
    {
        Body = StoryBody.Parse(Json.Doc(
            Json.P(Json.T("Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.")),
            Json.Figure(Photo, "Đại biểu dự hội nghị", "Các đại biểu biểu quyết."))),
        FeaturedMediaId = Photo,
        FeaturedCaption = "Toàn cảnh hội nghị",
    };

    private async Task<Story> WriteAsync(Actor author, StoryContent content)
    {
        var sectionId = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync());
        var story = await Service(s => s.CreateAsync(author, "vi", sectionId));
        await SaveAsync(author, story.Id, content with { SectionId = sectionId });
        return await Service(s => s.GetAsync(author, story.Id));
    }

    /// <summary>Saves as the next person would: from the current version, and lets go of the lease afterwards.</summary>
    private async Task SaveAsync(Actor actor, Guid id, StoryContent content)
    {
        var current = await Service(s => s.GetAsync(actor, id));
        var result = await Service(s => s.SaveAsync(actor, id, current.Version, content with { SectionId = current.SectionId }));
        Assert.True(result.Saved);
        await _host.InScopeAsync(sp => sp.As(actor).GetRequiredService<EditLeaseService>().ReleaseAsync(id));
    }

    private Task<T> Service<T>(Func<StoryServices, Task<T>> action) =>
        _host.InScopeAsync(sp => action(StoryServices.From(sp)));

    private Task<T> Published<T>(Func<IPublishedStories, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.GetRequiredService<IPublishedStories>()));

    private Task<Actor> UserAsync(string email, string name, string role) => _host.CreateActorAsync(email, name, role);
}
