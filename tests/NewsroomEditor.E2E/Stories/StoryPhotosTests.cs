using Microsoft.Playwright;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>A reporter uploads two photos, describes them, places them in the sample article and sees them in preview.</summary>
[Collection(NewsroomCollection.Name)]
public class StoryPhotosTests(NewsroomServer server)
{
    [Fact]
    public Task Photos_are_uploaded_described_placed_and_previewed_with_their_renditions() => server.RunAsync(async () =>
    {
            var article = SampleArticle.Load();
            var folder = Directory.CreateTempSubdirectory("newsroom-photos-").FullName;
            try
            {
                string[] files = [TestPhotos.Write(folder, "hoi-nghi-1.jpg", [180, 40, 40]), TestPhotos.Write(folder, "hoi-nghi-2.jpg", [40, 90, 180])];
                var page = await server.SignInAsync(NewsroomServer.Reporter);

                await page.UploadAndDescribeAsync(files, article.Captions);

                // Write the start of the article and place both photos.
                await page.CreateStoryAsync();
                await page.GetByLabel("Headline").FillAsync(article.Headline);
                await page.GetByLabel("Lead").FillAsync(article.Lead);
                await page.Body().ClickAsync();
                await page.Keyboard.TypeAsync(article.Paragraphs[0]);
                // Two photos in a row, without clicking in between: the second goes after the first
                // (the first, still selected, is not replaced).
                for (var i = 0; i < 2; i++)
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
                    var picker = page.GetByRole(AriaRole.Dialog);
                    await picker.GetByRole(AriaRole.Tab, new() { Name = "Library" }).ClickAsync();
                    await picker.GetByRole(AriaRole.Button, new() { Name = $"Choose {article.Captions[i]}" }).ClickAsync();
                    await Expect(picker).ToHaveCountAsync(0);
                    await Expect(page.Body().Locator("figure")).ToHaveCountAsync(i + 1);
                }
                // The cursor waits below the photo: typing writes a paragraph there and replaces nothing.
                await page.Keyboard.TypeAsync(article.Paragraphs[1]);
                await Expect(page.Body().Locator("figure")).ToHaveCountAsync(2);
                await Expect(page.Body().Locator("figure + p").Last).ToHaveTextAsync(article.Paragraphs[1]);
                // While editable, the caption is shown in the figure's inline caption input (inside its figcaption).
                await Expect(page.Body().Locator("figure figcaption").First.GetByLabel("Caption")).ToHaveValueAsync(article.Captions[0]);
                await page.WaitUntilSavedAsync();

                // The preview shows both with responsive renditions, alt text and the captions.
                var storyUrl = page.Url;
                await page.GotoAsync(storyUrl + "/preview");
                var figures = page.Locator("article figure");
                await Expect(figures).ToHaveCountAsync(2);
                for (var i = 0; i < 2; i++)
                {
                    var image = figures.Nth(i).Locator("img");
                    await Expect(figures.Nth(i).Locator("figcaption")).ToHaveTextAsync(article.Captions[i]);
                    await Expect(image).ToHaveAttributeAsync("alt", $"Ảnh {i + 1}: {article.Captions[i]}");
                    await Expect(image).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"/media/[0-9a-f]{16}-320\.jpg 320w"));
                    await Expect(figures.Nth(i).Locator("picture > source[type='image/webp']"))
                        .ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"/media/[0-9a-f]{16}-320\.webp 320w"));
                    // The browser really loads the rendition, and Chromium takes the WebP over the JPEG fallback.
                    await Expect(image).ToHaveJSPropertyAsync("complete", true);
                    Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);
                    Assert.EndsWith(".webp", await image.EvaluateAsync<string>("img => img.currentSrc"), StringComparison.Ordinal);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
    });

    [Fact]
    public Task A_figure_caption_typed_in_place_is_saved_and_previewed() => server.RunAsync(async () =>
    {
            var article = SampleArticle.Load();
            const string newCaption = "Đại biểu biểu quyết thông qua nghị quyết tại phiên bế mạc";
            var folder = Directory.CreateTempSubdirectory("newsroom-photos-").FullName;
            try
            {
                // Its own file and caption: the library is shared with the other tests.
                const string firstCaption = "Toàn cảnh phiên bế mạc hội nghị";
                string[] files = [TestPhotos.Write(folder, "phien-be-mac.jpg", [40, 140, 60])];
                var page = await server.SignInAsync(NewsroomServer.Reporter);
                await page.UploadAndDescribeAsync(files, [firstCaption]);

                await page.CreateStoryAsync();
                await page.GetByLabel("Headline").FillAsync(article.Headline);
                await page.Body().ClickAsync();
                await page.Keyboard.TypeAsync(article.Paragraphs[0]);
                await page.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
                var picker = page.GetByRole(AriaRole.Dialog);
                await picker.GetByRole(AriaRole.Tab, new() { Name = "Library" }).ClickAsync();
                await picker.GetByRole(AriaRole.Button, new() { Name = $"Choose {firstCaption}" }).ClickAsync();
                await Expect(picker).ToHaveCountAsync(0);
                // Typing key by key right after a photo placed at the end writes below it and replaces nothing.
                await page.Keyboard.TypeAsync("Ảnh ở trên.");
                await Expect(page.Body().Locator("figure")).ToHaveCountAsync(1);
                await Expect(page.Body().Locator("figure + p")).ToHaveTextAsync("Ảnh ở trên.");
                await page.WaitUntilSavedAsync();

                // The writer replaces the caption in place: select all, delete, type. The input keeps its
                // own keys (Control+A, Backspace, Enter do not reach the editor: the figure stays).
                var figure = page.Body().Locator("figure");
                var caption = figure.GetByLabel("Caption");
                await Expect(caption).ToHaveValueAsync(firstCaption);
                await caption.ClickAsync();
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.PressAsync("Backspace");
                await page.Keyboard.TypeAsync(newCaption);
                await page.Keyboard.PressAsync("Enter");
                await Expect(figure).ToHaveCountAsync(1);
                await Expect(caption).ToHaveValueAsync(newCaption);
                await Expect(caption).ToBeFocusedAsync();

                // It is an edit like any other: the page sees the change, then saves it.
                await Expect(page.SaveStatus()).ToHaveTextAsync("Unsaved changes");
                await page.WaitUntilSavedAsync();

                await page.GotoAsync(page.Url + "/preview");
                var previewed = page.Locator("article figure");
                await Expect(previewed).ToHaveCountAsync(1);
                await Expect(previewed.Locator("figcaption")).ToHaveTextAsync(newCaption);
                await Expect(previewed.Locator("img")).ToHaveAttributeAsync("alt", $"Ảnh 1: {firstCaption}");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
    });

    [Fact]
    public Task A_featured_photo_is_chosen_captioned_and_previewed_above_the_body() => server.RunAsync(async () =>
    {
            var article = SampleArticle.Load();
            var folder = Directory.CreateTempSubdirectory("newsroom-photos-").FullName;
            try
            {
                const string libraryCaption = "Quang cảnh hội nghị Ban Chấp hành";
                const string storyCaption = "Quang cảnh hội nghị lần thứ 16";
                string[] files = [TestPhotos.Write(folder, "quang-canh.jpg", [150, 120, 40])];
                var page = await server.SignInAsync(NewsroomServer.Reporter);
                await page.UploadAndDescribeAsync(files, [libraryCaption]);

                await page.CreateStoryAsync();
                await page.GetByLabel("Headline").FillAsync(article.Headline);
                await page.GetByRole(AriaRole.Button, new() { Name = "Choose featured image" }).ClickAsync();
                var picker = page.GetByRole(AriaRole.Dialog);
                await picker.GetByRole(AriaRole.Tab, new() { Name = "Library" }).ClickAsync();
                await picker.GetByRole(AriaRole.Button, new() { Name = $"Choose {libraryCaption}" }).ClickAsync();
                await Expect(picker).ToHaveCountAsync(0);

                // Its caption starts as the library's and is the story's own to change.
                var caption = page.GetByLabel("Featured caption");
                await Expect(caption).ToHaveValueAsync(libraryCaption);
                await caption.FillAsync(storyCaption);
                await page.WaitUntilSavedAsync();

                await page.GotoAsync(page.Url + "/preview");
                var featured = page.Locator("article .article-featured figure");
                await Expect(featured.Locator("figcaption")).ToHaveTextAsync(storyCaption);
                await Expect(featured.Locator("img")).ToHaveAttributeAsync("alt", $"Ảnh 1: {libraryCaption}");
                await Expect(featured.Locator("img")).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"/media/[0-9a-f]{16}-320\.jpg 320w"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
    });
}
