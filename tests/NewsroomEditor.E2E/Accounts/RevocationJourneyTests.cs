using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;
using NewsroomEditor.Testing;

namespace NewsroomEditor.E2E.Accounts;

/// <summary>
/// Revocation is immediate: an editor whose role is removed while their editor is open is refused
/// by the server at their next action, without reloading the page or waiting for the circuit's
/// revalidation. Uses people of its own, so the shared newsroom's other tests are not disturbed.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class RevocationJourneyTests(NewsroomServer server)
{
    private static readonly Person DemotedEditor = new("bien.tap.tam@baothunghiem.vn", "Lê Văn Tạm");
    private static readonly Person Writer = new("phong.vien.tam@baothunghiem.vn", "Đỗ Thị Viết");
    private static readonly Person DeactivatedWriter = new("phong.vien.nghi@baothunghiem.vn", "Phan Văn Nghỉ");

    [Fact]
    public Task A_demoted_editor_clicking_Publish_in_an_already_open_story_is_refused() => server.RunAsync(async () =>
    {
            await server.CreateUserAsync(DemotedEditor, NewsroomServer.Password, Roles.Editor);
            await server.CreateUserAsync(Writer, NewsroomServer.Password, Roles.Reporter);
            var storyId = await StoryInReviewAsync();

            var editor = await server.SignInAsync(DemotedEditor);
            await editor.GotoAsync($"/stories/{storyId}");
            await editor.WaitForCircuitAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("In review");
            var publish = editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true });
            await Expect(publish).ToBeEnabledAsync();

            // An admin removes the Editor role, as the users page will: roles and security stamp.
            await UsersAsync(async users =>
            {
                var user = (await users.FindByEmailAsync(DemotedEditor.Email))!;
                Assert.True((await users.RemoveFromRoleAsync(user, Roles.Editor)).Succeeded);
                Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
            });

            await publish.ClickAsync();

            await Expect(editor.GetByText("Only reporters and editors work on stories.")).ToBeVisibleAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("In review");
            await using var scope = server.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
            Assert.Equal(StoryState.InReview, stored.State);
            Assert.Null(stored.FirstPublishedAt);
    });

    [Fact]
    public Task A_writer_deactivated_with_unsaved_changes_is_told_their_access_changed_on_Submit() => server.RunAsync(async () =>
    {
            await server.CreateUserAsync(DeactivatedWriter, NewsroomServer.Password, Roles.Reporter);
            var storyId = await DraftAsync(DeactivatedWriter);

            var writer = await server.SignInAsync(DeactivatedWriter);
            await writer.GotoAsync($"/stories/{storyId}");
            await writer.WaitForCircuitAsync();
            await writer.GetByLabel("Headline").FillAsync("Tỉnh khánh thành cầu mới qua sông Vàm Cỏ Đông sáng nay");
            await UsersAsync(async users =>
            {
                var user = (await users.FindByEmailAsync(DeactivatedWriter.Email))!;
                user.DeactivatedAt = DateTime.UtcNow;
                Assert.True((await users.UpdateAsync(user)).Succeeded);
            });

            await writer.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true }).ClickAsync();

            // The save that Submit waits for is refused; the writer is told why, not just "not saved".
            await Expect(writer.GetByText("Your access has changed; reload the page.").First).ToBeVisibleAsync();
            await Expect(writer.GetByText("Your changes are not saved yet", new() { Exact = false })).ToHaveCountAsync(0);
            await Expect(writer.StateChip()).ToHaveTextAsync("Draft");
    });

    /// <summary>A draft by <paramref name="person"/>, not held by anyone.</summary>
    private async Task<Guid> DraftAsync(Person person)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(person.Email))!;
        var author = Actor.Create(user.Id, person.DisplayName, Roles.Reporter);
        var sectionId = await services.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
        var stories = StoryServices.From(services);
        var story = await stories.CreateAsync(author, "vi", sectionId);
        await services.As(author).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
        return story.Id;
    }

    /// <summary>A story by <see cref="Writer"/> that passes the checklist, submitted for review.</summary>
    private async Task<Guid> StoryInReviewAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var writer = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Writer.Email))!;
        var author = Actor.Create(writer.Id, Writer.DisplayName, Roles.Reporter);
        var sectionId = await services.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync();
        var stories = StoryServices.From(services);
        var story = await stories.CreateAsync(author, "vi", sectionId);
        var saved = await stories.SaveAsync(author, story.Id, story.Version, new StoryContent(
            "Tỉnh khánh thành cầu mới qua sông Vàm Cỏ Đông",
            "Sáng nay, cây cầu nối hai huyện chính thức thông xe sau hai năm thi công.",
            StoryBody.FromParagraphs(["Cầu dài 600 mét, rộng 12 mét, với bốn làn xe."]),
            sectionId, ["Giao thông"], Writer.DisplayName, "", ""));
        Assert.True(saved.Saved);
        await services.As(author).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
        await stories.TransitionAsync(author, story.Id, StoryAction.Submit);
        return story.Id;
    }

    private async Task UsersAsync(Func<UserManager<ApplicationUser>, Task> action)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }
}
