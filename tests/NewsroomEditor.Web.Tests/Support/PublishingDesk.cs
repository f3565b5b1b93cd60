using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>What a story says; the section is named by its Vietnamese name ("Thời sự").</summary>
public sealed record StoryDraft(
    string Headline,
    string Lead,
    string Section = "Thời sự",
    string Language = "vi",
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Body = null,
    string Byline = "Hoàng Lan",
    Guid? FeaturedMediaId = null);

/// <summary>
/// A reporter (Hoàng Lan) and an editor (Nguyễn Thu) at work in a running app
/// (<see cref="NewsroomAppFactory"/>): stories written under the edit lease, submitted, published,
/// scheduled, corrected or taken down through <see cref="StoryServices"/>, as the editing UI does,
/// so that the public site's cache is told exactly as it is in production.
/// </summary>
public sealed class PublishingDesk
{
    private readonly NewsroomAppFactory _app;

    private PublishingDesk(NewsroomAppFactory app, Actor reporter, Actor editor)
    {
        _app = app;
        Reporter = reporter;
        Editor = editor;
    }

    public Actor Reporter { get; }

    public Actor Editor { get; }

    /// <summary>Completes setup and adds the reporter and the editor.</summary>
    public static async Task<PublishingDesk> OpenAsync(NewsroomAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.CompleteSetupAsync();
        var lan = await app.CreateUserAsync("lan@baothunghiem.vn", "Hoàng Lan", Roles.Reporter);
        var thu = await app.CreateUserAsync("thu@baothunghiem.vn", "Nguyễn Thu", Roles.Editor);
        return new PublishingDesk(app, Actor.Create(lan.Id, lan.DisplayName, Roles.Reporter), Actor.Create(thu.Id, thu.DisplayName, Roles.Editor));
    }

    /// <summary>A section's id by its Vietnamese slug ("thoi-su", "kinh-te"…).</summary>
    public Task<int> SectionAsync(string slugVi = "thoi-su") =>
        InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Where(s => s.SlugVi == slugVi).Select(s => s.Id).SingleAsync());

    /// <summary>A story with a headline, lead and paragraphs in the given section, ready to publish.</summary>
    public static StoryContent Content(int sectionId, string headline, string lead, params string[] paragraphs) =>
        new(headline, lead, StoryBody.FromParagraphs(paragraphs), sectionId, [], "Hoàng Lan", "", "");

    /// <summary>Uploads a photo (a plain JPEG made here, coloured by <paramref name="shade"/> so that photos differ) and describes it.</summary>
    public async Task<MediaItem> UploadPhotoAsync(string altText, int width = 1600, int height = 1000, string caption = "", double shade = 200)
    {
        byte[] jpeg;
        using (var image = NetVips.Image.Black(width, height, bands: 3).Linear([1.0, 1.0, 1.0], [shade, 120.0, 40.0]))
            jpeg = image.JpegsaveBuffer(q: 85);
        return await InScopeAsync(async sp =>
        {
            var media = sp.As(Reporter).GetRequiredService<IMediaService>();
            using var content = new MemoryStream(jpeg);
            var uploaded = await media.UploadAsync("ảnh hội nghị.jpg", content);
            Assert.Null(uploaded.Refusal);
            return await media.UpdateMetadataAsync(uploaded.Stored!.Id, new MediaMetadata(altText, caption, "Ảnh: Hoàng Lan"));
        });
    }

    /// <summary>Written by the reporter and saved, never submitted.</summary>
    public async Task<Story> DraftAsync(StoryDraft draft, Story? translationOf = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var sectionId = await InScopeAsync(async sp => (await sp.GetRequiredService<ISectionCatalog>().ListAsync()).Single(s => s.NameVi == draft.Section).Id);
        var content = new StoryContent(
            draft.Headline,
            draft.Lead,
            StoryBody.FromParagraphs(draft.Body ?? ["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", "Hội nghị đã thảo luận và thống nhất cao."]),
            sectionId,
            draft.Tags ?? [],
            draft.Byline,
            Slug: "",
            MetaDescription: "")
        {
            FeaturedMediaId = draft.FeaturedMediaId,
        };
        return await WriteAsync(content, draft.Language, translationOf);
    }

    /// <summary>Written by the reporter and submitted; nothing is published.</summary>
    public async Task<Story> SubmitAsync(StoryContent content, string language = "vi")
    {
        var story = await WriteAsync(content, language);
        return await MoveAsync(story.Id, StoryAction.Submit);
    }

    /// <summary>Written and submitted, then published by the editor.</summary>
    public async Task<Story> PublishAsync(StoryContent content, string language = "vi")
    {
        var submitted = await SubmitAsync(content, language);
        return await MoveAsync(submitted.Id, StoryAction.Publish);
    }

    /// <summary>Written and submitted, then published by the editor.</summary>
    public async Task<Story> PublishAsync(StoryDraft draft, Story? translationOf = null)
    {
        var story = await DraftAsync(draft, translationOf);
        await MoveAsync(story.Id, StoryAction.Submit);
        return await MoveAsync(story.Id, StoryAction.Publish);
    }

    /// <summary>Written, approved and scheduled for <paramref name="publishAt"/>.</summary>
    public async Task<Story> ScheduleAsync(StoryDraft draft, DateTimeOffset publishAt)
    {
        var story = await DraftAsync(draft);
        await MoveAsync(story.Id, StoryAction.Submit);
        await MoveAsync(story.Id, StoryAction.Approve);
        return await StoriesAsync(s => s.TransitionAsync(Editor, story.Id, StoryAction.Schedule, publishAt: publishAt.UtcDateTime));
    }

    /// <summary>Published, then taken down.</summary>
    public async Task<Story> UnpublishedAsync(StoryDraft draft) => await TakeDownAsync(await PublishAsync(draft));

    /// <summary>Takes a published story down.</summary>
    public Task<Story> TakeDownAsync(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return MoveAsync(story.Id, StoryAction.Unpublish);
    }

    /// <summary>The editor changes a published story (a correction) and lets go of it.</summary>
    public async Task<Story> CorrectAsync(Guid id, Func<StoryContent, StoryContent> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var story = await StoriesAsync(s => s.GetAsync(Editor, id));
        var result = await StoriesAsync(s => s.SaveAsync(Editor, id, story.Version, change(story.Content)));
        Assert.True(result.Saved, "The correction met a conflict.");
        await ReleaseAsync(Editor, id);
        return await StoriesAsync(s => s.GetAsync(Editor, id));
    }

    /// <summary>The editor moves a story through the workflow.</summary>
    public Task<Story> MoveAsync(Guid id, StoryAction action) =>
        StoriesAsync(s => s.TransitionAsync(action is StoryAction.Submit ? Reporter : Editor, id, action));

    public Task<T> StoriesAsync<T>(Func<StoryServices, Task<T>> action) => InScopeAsync(sp => action(StoryServices.From(sp)));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private async Task<Story> WriteAsync(StoryContent content, string language, Story? translationOf = null)
    {
        var story = await StoriesAsync(s => s.CreateAsync(Reporter, language, content.SectionId));
        if (translationOf is not null)
        {
            // Joins the story to the original's translation group directly in the database, before
            // it is published, so publishing still tells the site's cache.
            await InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.Where(s => s.Id == story.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.TranslationGroupId, translationOf.TranslationGroupId)));
        }
        var saved = await StoriesAsync(s => s.SaveAsync(Reporter, story.Id, story.Version, content));
        Assert.Null(saved.Conflict);
        await ReleaseAsync(Reporter, story.Id);
        return await StoriesAsync(s => s.GetAsync(Reporter, story.Id));
    }

    private Task ReleaseAsync(Actor actor, Guid id) =>
        InScopeAsync(async sp => { await sp.As(actor).GetRequiredService<EditLeaseService>().ReleaseAsync(id); return 0; });
}
