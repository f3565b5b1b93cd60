using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.E2E.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>Two browsers of the same editor on one story: every conflict asks once, and "keep mine" keeps it.</summary>
[Collection(NewsroomCollection.Name)]
public class ConflictRoundsTests(NewsroomServer server, ITestOutputHelper output)
{
    /// <summary>5 rounds in CI, 20 with NEWSROOM_SOAK=1.</summary>
    [Fact]
    public Task Every_conflict_shows_one_dialog_and_one_click_keeps_the_losing_text_as_a_revision() => server.RunAsync(async () =>
    {
        var rounds = SoakSwitch.Pick(5, 20);
        var first = await server.SignInAsync(NewsroomServer.Editor);
        var storyId = await first.CreateStoryAsync();
        await first.GetByLabel("Headline").PressSequentiallyAsync("Hai trình duyệt, một bài");
        await first.WaitUntilSavedAsync();
        var second = await server.SignInAsync(NewsroomServer.Editor);
        await second.GotoAsync($"/stories/{storyId}");
        await second.WaitForCircuitAsync();
        await second.Body().WaitForAsync();
        await Expect(second.GetByLabel("Headline")).ToHaveValueAsync("Hai trình duyệt, một bài");

        // The winner saves on the version both opened; the loser, a version behind, then conflicts.
        // After "keep mine" the loser holds the newest version and wins the next round.
        var (winner, loser) = (first, second);
        var kept = 0;
        for (var round = 1; round <= rounds; round++)
        {
            await TypeAtTheEndAsync(winner, $" Vòng {round}: bản thắng.");
            await winner.WaitUntilSavedAsync();

            var losing = $" Vòng {round}: bản của tôi, phải được giữ.";
            await TypeAtTheEndAsync(loser, losing);
            var dialog = loser.Locator(".mud-dialog", new() { HasText = "Someone else saved this story" });
            await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(dialog).ToHaveCountAsync(1);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep mine as a new revision" }).ClickAsync();
            await Expect(loser.Locator(".mud-dialog")).ToHaveCountAsync(0);
            await loser.WaitUntilSavedAsync();

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var copies = await db.StoryRevisions.AsNoTracking()
                .Where(r => r.StoryId == storyId && r.Kind == RevisionKind.ConflictCopy)
                .Select(r => r.BodyJson).ToListAsync();
            if (copies.Any(body => TextOf(body).Contains(losing.Trim(), StringComparison.Ordinal)))
                kept++;
            (winner, loser) = (loser, winner);
        }

        output.WriteLine($"Conflicts: {rounds}; losing texts kept as revisions: {kept}.");
        Assert.Equal(rounds, kept);
    });

    /// <summary>The text of a stored body (ProseMirror JSON), whatever escaping the JSON uses.</summary>
    private static string TextOf(string bodyJson)
    {
        var text = new System.Text.StringBuilder();
        void Walk(System.Text.Json.JsonElement node)
        {
            if (node.ValueKind != System.Text.Json.JsonValueKind.Object)
                return;
            if (node.TryGetProperty("text", out var value))
                text.Append(value.GetString());
            if (node.TryGetProperty("content", out var content))
                foreach (var child in content.EnumerateArray())
                    Walk(child);
        }
        using var document = System.Text.Json.JsonDocument.Parse(bodyJson);
        Walk(document.RootElement);
        return text.ToString();
    }

    private static async Task TypeAtTheEndAsync(IPage page, string text)
    {
        await page.Body().ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text);
    }
}
