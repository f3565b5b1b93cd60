using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

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
/// An editor at work in a running app (<see cref="NewsroomAppFactory"/>): stories written, published,
/// scheduled or taken down through <see cref="StoryService"/>, as the editing UI does, so that the
/// public site's cache is told exactly as it is in production.
/// </summary>
public sealed class PublishingDesk
{
    private readonly NewsroomAppFactory _app;
    private readonly StoryActor _editor;

    private PublishingDesk(NewsroomAppFactory app, StoryActor editor)
    {
        _app = app;
        _editor = editor;
    }

    /// <summary>Sets the newsroom up and creates the editor who will publish.</summary>
    public static async Task<PublishingDesk> OpenAsync(NewsroomAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.CompleteSetupAsync();
        var user = await app.CreateUserAsync("editor@example.vn", "Nguyễn Thu", Roles.Editor);
        return new PublishingDesk(app, StoryActor.Create(user.Id, user.DisplayName, Roles.Editor));
    }

    /// <summary>Uploads a photo (a plain JPEG made here) through the media service and describes it.</summary>
    public async Task<MediaItem> UploadPhotoAsync(string altText, int width = 1600, int height = 1000)
    {
        byte[] jpeg;
        using (var image = NetVips.Image.Black(width, height, bands: 3).Linear([1.0, 1.0, 1.0], [200.0, 120.0, 40.0]))
            jpeg = image.JpegsaveBuffer(q: 85);
        await using var scope = _app.Services.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<IMediaService>();
        using var content = new MemoryStream(jpeg);
        var uploaded = await media.UploadAsync(_editor, "ảnh hội nghị.jpg", content);
        Assert.Null(uploaded.Refusal);
        return await media.UpdateMetadataAsync(_editor, uploaded.Stored!.Id, new MediaMetadata(altText, "", "Ảnh: Hoàng Lan"));
    }

    /// <summary>Written and saved, never submitted.</summary>
    public Task<Story> DraftAsync(StoryDraft draft) => WriteAsync(draft);

    /// <summary>Written, then published at once (an editor approves and publishes).</summary>
    public async Task<Story> PublishAsync(StoryDraft draft, Story? translationOf = null)
    {
        var story = await WriteAsync(draft, translationOf);
        await TransitionAsync(story.Id, StoryAction.Submit);
        return await TransitionAsync(story.Id, StoryAction.Publish);
    }

    /// <summary>Written, approved and scheduled for <paramref name="publishAt"/>.</summary>
    public async Task<Story> ScheduleAsync(StoryDraft draft, DateTimeOffset publishAt)
    {
        var story = await WriteAsync(draft);
        await TransitionAsync(story.Id, StoryAction.Submit);
        await TransitionAsync(story.Id, StoryAction.Approve);
        return await TransitionAsync(story.Id, StoryAction.Schedule, publishAt.UtcDateTime);
    }

    /// <summary>Published, then taken down.</summary>
    public async Task<Story> UnpublishedAsync(StoryDraft draft)
    {
        return await TakeDownAsync(await PublishAsync(draft));
    }

    /// <summary>Takes a published story down.</summary>
    public Task<Story> TakeDownAsync(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return TransitionAsync(story.Id, StoryAction.Unpublish);
    }

    private async Task<Story> WriteAsync(StoryDraft draft, Story? translationOf = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sections = await services.GetRequiredService<SectionCatalog>().ListAsync();
        var section = sections.Single(s => s.NameVi == draft.Section);
        var stories = services.GetRequiredService<StoryService>();

        var story = await stories.CreateAsync(_editor, draft.Language, section.Id);
        if (translationOf is not null)
        {
            // No public API links translations yet (StoryService.AddTranslationAsync is being added
            // elsewhere): the test joins the story to the original's translation group directly in the
            // database, before it is published, so publishing still tells the site's cache.
            var db = services.GetRequiredService<NewsroomDbContext>();
            await db.Stories.Where(s => s.Id == story.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.TranslationGroupId, translationOf.TranslationGroupId));
        }
        await services.GetRequiredService<EditLeaseService>().AcquireAsync(_editor, story.Id);
        var content = new StoryContent(
            draft.Headline,
            draft.Lead,
            StoryBody.FromParagraphs(draft.Body ?? ["Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", "Hội nghị đã thảo luận và thống nhất cao."]),
            section.Id,
            draft.Tags ?? [],
            draft.Byline,
            Slug: "",
            MetaDescription: "")
        {
            FeaturedMediaId = draft.FeaturedMediaId,
        };
        var saved = await stories.SaveAsync(_editor, story.Id, story.Version, content);
        Assert.Null(saved.Conflict);
        await services.GetRequiredService<EditLeaseService>().ReleaseAsync(_editor, story.Id);
        return await stories.GetAsync(_editor, story.Id);
    }

    private async Task<Story> TransitionAsync(Guid id, StoryAction action, DateTime? publishAt = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoryService>().TransitionAsync(_editor, id, action, publishAt: publishAt);
    }
}
