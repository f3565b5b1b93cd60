using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

/// <summary>
/// The story editor page in an interactive render, its browser module faked at the JS boundary:
/// what a writer is told when the save that an action waits for is refused.
/// </summary>
public sealed class StoryEditorRefusalTests : StoryComponentTest
{
    [Fact]
    public async Task Submitting_after_the_account_was_deactivated_says_the_access_changed_not_that_changes_are_unsaved()
    {
        var lan = await Host.UserAsync(SignIn("Hoàng Lan", Roles.Reporter));
        var storyId = await Host.WriteStoryAsync(lan, "Hội nghị Ban Chấp hành");
        var bodyJson = (await Host.StoriesAsync(stories => stories.GetAsync(lan, storyId))).BodyJson;
        AddPageServices();
        FakeEditorModule(bodyJson);
        var page = RenderEditor(storyId);
        page.WaitForAssertion(() => Assert.Contains("Submit for review", page.Markup, StringComparison.Ordinal));

        // The writer types in the headline; meanwhile an admin deactivates the account.
        await HeadlineInput(page).ChangeAsync(new() { Value = "Hội nghị Ban Chấp hành lần thứ 15" });
        await Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(lan.UserId))!;
            user.DeactivatedAt = DateTime.UtcNow;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Submit for review").ClickAsync(new());

        page.WaitForAssertion(() => Assert.True(
            page.Markup.Contains("Your access has changed; reload the page.", StringComparison.Ordinal),
            "The page says: " + string.Join(" | ", page.FindAll(".mud-alert").Select(a => a.TextContent.Trim()))));
        Assert.DoesNotContain("not saved yet", page.Markup, StringComparison.Ordinal);
        Assert.Equal(StoryState.Draft, (await Host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId))).State);
    }

    /// <summary>The body editor's module: the body and fields as the browser would hand them over.</summary>
    private void FakeEditorModule(string bodyJson)
    {
        var module = JSInterop.SetupModule("./js/story-editor.js");
        var editor = module.SetupModule("createStoryEditor", _ => true);
        editor.Setup<IJSStreamReference>("getBodyBytes", _ => true).SetResult(new BodyStream(bodyJson));
        editor.Setup<long>("getReadSequence", _ => true).SetResult(1);
        editor.Setup<Dictionary<string, string>>("getReadFields", _ => true).SetResult([]);
    }

    private void AddPageServices()
    {
        Host.AddTo(Services);
        // A scope of the host, acting as the person the test signed in (StoryComponentTest).
        Services.AddSingleton(Host.Services.CreateScope().ServiceProvider.GetRequiredService<IStoryPreviews>());
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<PreviewLinks>();
    }

    private IRenderedComponent<IComponent> RenderEditor(Guid storyId)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<StoryEditorPage>(2);
            builder.AddAttribute(3, nameof(StoryEditorPage.Id), storyId);
            builder.CloseComponent();
        });
    }

    private static AngleSharp.Dom.IElement HeadlineInput(IRenderedComponent<IComponent> page)
    {
        var label = page.FindAll("label").First(l => l.TextContent.Trim() == "Headline");
        return page.Find($"#{label.GetAttribute("for")}");
    }

    private sealed class BodyStream(string json) : IJSStreamReference
    {
        public long Length => Encoding.UTF8.GetByteCount(json);

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
