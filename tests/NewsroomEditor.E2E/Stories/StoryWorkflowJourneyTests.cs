using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>
/// A reporter writes the sample article and submits it; an editor sends it back with a note; the
/// reporter sees the note, fixes and resubmits; the editor approves and publishes — in two browsers.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class StoryWorkflowJourneyTests(NewsroomServer server)
{
    [Fact]
    public Task A_story_goes_from_draft_through_changes_to_published() => server.RunAsync(async () =>
    {
            var article = SampleArticle.Load();
            var reporter = await server.SignInAsync(NewsroomServer.Reporter);
            var editor = await server.SignInAsync(NewsroomServer.Editor);

            // The editor keeps the review queue open while the reporter writes.
            await editor.GotoAsync("/review");
            await editor.WaitForCircuitAsync();

            var storyId = await reporter.CreateStoryAsync();
            await reporter.GetByLabel("Headline").PressSequentiallyAsync(article.Headline);
            await reporter.GetByLabel("Lead").PressSequentiallyAsync(article.Lead);
            await reporter.Body().ClickAsync();
            for (var i = 0; i < article.Paragraphs.Count; i++)
            {
                if (i > 0)
                    await reporter.Keyboard.PressAsync("Enter");
                await reporter.Keyboard.TypeAsync(article.Paragraphs[i]);
            }
            await reporter.GetByLabel("Section").ClickAsync();
            await reporter.GetByRole(AriaRole.Option, new() { Name = "Thời sự" }).ClickAsync();
            await reporter.WaitUntilSavedAsync();
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(reporter.StateChip()).ToHaveTextAsync("In review");

            // It appears in the open queue without a reload.
            var inQueue = editor.GetByRole(AriaRole.Link, new() { Name = article.Headline, Exact = true });
            await Expect(inQueue).ToBeVisibleAsync();
            await inQueue.ClickAsync();
            await editor.WaitForCircuitAsync();
            await Expect(editor.GetByText("Being edited by Hoàng Lan")).ToBeVisibleAsync();
            const string note = "Bổ sung tên đầy đủ của Đảng ủy khối ở đoạn đầu.";
            await editor.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await editor.GetByLabel("Note to the author").FillAsync(note);
            await editor.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Changes requested");

            // The reporter, still in the editor, sees why at once.
            await Expect(reporter.StateChip()).ToHaveTextAsync("Changes requested");
            await Expect(reporter.GetByText(note).First).ToBeVisibleAsync();
            await reporter.Body().ClickAsync();
            await reporter.Keyboard.PressAsync("Control+End");
            await reporter.Keyboard.PressAsync("Enter");
            await reporter.Keyboard.TypeAsync("Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh Long An chủ trì hội nghị.");
            await reporter.WaitUntilSavedAsync();
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Resubmit" }).ClickAsync();
            await Expect(reporter.StateChip()).ToHaveTextAsync("In review");

            // The editor approves and publishes.
            await Expect(editor.StateChip()).ToHaveTextAsync("In review");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Approved");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Published");

            // What was published is what the reporter typed, character for character.
            await using var scope = server.Services.CreateAsyncScope();
            var stories = scope.ServiceProvider.GetRequiredService<StoryService>();
            var published = await stories.GetAsync(StoryActor.Create("check", "Kiểm tra", NewsroomEditor.Core.Accounts.Roles.Editor), storyId);
            Assert.Equal(StoryState.Published, published.State);
            Assert.Equal(article.Headline, published.Headline);
            Assert.Equal(article.Lead, published.Lead);
            Assert.Equal("Hoàng Lan", published.Byline);
            foreach (var paragraph in article.Paragraphs)
                Assert.Contains(paragraph, published.BodyText, StringComparison.Ordinal);
            Assert.Contains("chủ trì hội nghị.", published.BodyText, StringComparison.Ordinal);

            // The preview shows it as readers will.
            await editor.GotoAsync($"/stories/{storyId}/preview");
            await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1, Name = article.Headline })).ToBeVisibleAsync();
            await Expect(editor.GetByText(article.Paragraphs[0])).ToBeVisibleAsync();
    });
}
