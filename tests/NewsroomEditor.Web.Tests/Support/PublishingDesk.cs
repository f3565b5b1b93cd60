using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// A reporter and an editor of a test newsroom, publishing through the real services exactly as
/// the editing UI does (create, save under the lease, submit, publish), so the public site is
/// tested on stories made the way the newsroom makes them.
/// </summary>
public sealed class PublishingDesk
{
    private readonly NewsroomAppFactory _app;

    private PublishingDesk(NewsroomAppFactory app, StoryActor reporter, StoryActor editor)
    {
        _app = app;
        Reporter = reporter;
        Editor = editor;
    }

    public StoryActor Reporter { get; }

    public StoryActor Editor { get; }

    /// <summary>Completes setup and adds Hoàng Lan (reporter) and Nguyễn Thu (editor).</summary>
    public static async Task<PublishingDesk> OpenAsync(NewsroomAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.CompleteSetupAsync();
        var lan = await app.CreateUserAsync("lan@baothunghiem.vn", "Hoàng Lan", Roles.Reporter);
        var thu = await app.CreateUserAsync("thu@baothunghiem.vn", "Nguyễn Thu", Roles.Editor);
        return new PublishingDesk(app, StoryActor.Create(lan.Id, "Hoàng Lan", Roles.Reporter), StoryActor.Create(thu.Id, "Nguyễn Thu", Roles.Editor));
    }

    /// <summary>A section's id by its Vietnamese slug ("thoi-su", "kinh-te"…).</summary>
    public Task<int> SectionAsync(string slugVi = "thoi-su") =>
        InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Where(s => s.SlugVi == slugVi).Select(s => s.Id).SingleAsync());

    /// <summary>A story with a headline, lead and paragraphs in the given section, ready to publish.</summary>
    public static StoryContent Content(int sectionId, string headline, string lead, params string[] paragraphs) =>
        new(headline, lead, StoryBody.FromParagraphs(paragraphs), sectionId, [], "Hoàng Lan", "", "");

    /// <summary>The reporter writes and submits; nothing is published.</summary>
    public async Task<Story> SubmitAsync(StoryContent content, string language = "vi")
    {
        var story = await StoriesAsync(s => s.CreateAsync(Reporter, language, content.SectionId));
        await StoriesAsync(s => s.SaveAsync(Reporter, story.Id, story.Version, content));
        await InScopeAsync(async sp => { await sp.GetRequiredService<EditLeaseService>().ReleaseAsync(Reporter, story.Id); return 0; });
        return await StoriesAsync(s => s.TransitionAsync(Reporter, story.Id, StoryAction.Submit));
    }

    /// <summary>The reporter writes and submits, the editor publishes.</summary>
    public async Task<Story> PublishAsync(StoryContent content, string language = "vi")
    {
        var submitted = await SubmitAsync(content, language);
        return await StoriesAsync(s => s.TransitionAsync(Editor, submitted.Id, StoryAction.Publish));
    }

    /// <summary>The editor changes a published story (a correction) and lets go of it.</summary>
    public async Task<Story> CorrectAsync(Guid id, Func<StoryContent, StoryContent> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var story = await StoriesAsync(s => s.GetAsync(Editor, id));
        var result = await StoriesAsync(s => s.SaveAsync(Editor, id, story.Version, change(story.Content)));
        Assert.True(result.Saved, "The correction met a conflict.");
        await InScopeAsync(async sp => { await sp.GetRequiredService<EditLeaseService>().ReleaseAsync(Editor, id); return 0; });
        return await StoriesAsync(s => s.GetAsync(Editor, id));
    }

    public Task<Story> MoveAsync(Guid id, StoryAction action) => StoriesAsync(s => s.TransitionAsync(Editor, id, action));

    public Task<T> StoriesAsync<T>(Func<StoryService, Task<T>> action) => InScopeAsync(sp => action(sp.GetRequiredService<StoryService>()));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
