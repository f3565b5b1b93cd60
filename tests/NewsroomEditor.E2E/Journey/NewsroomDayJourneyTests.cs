using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;
using NewsroomEditor.E2E.Support;
using static Microsoft.Playwright.Assertions;
using NewsroomEditor.Testing;

namespace NewsroomEditor.E2E.Journey;

/// <summary>
/// A whole newsroom day on a fresh app and database, with its three kinds of users together, each in
/// their own browser: setup and invitations, writing the sample article with its photos, review with
/// a note, publication, readers in two languages, a correction, a take-down, and two people on one
/// story. axe-core checks every page on the way, and the README's pictures are taken.
/// </summary>
[Collection(FirstRunCollection.Name)]
public class NewsroomDayJourneyTests(AppServer server)
{
    private const string AdminEmail = "admin@baothunghiem.vn";
    private const string AdminPassword = "mật khẩu của quản trị viên";
    private const string ReporterEmail = "lan@baothunghiem.vn";
    private const string ReporterPassword = "mật khẩu của phóng viên Lan";
    private const string EditorName = "Nguyễn Thu";
    private const string EditorEmail = "thu@baothunghiem.vn";
    private const string EditorPassword = "mật khẩu của biên tập viên Thu";

    private const string EnglishHeadline = "16th meeting of the Provincial Agencies and Enterprises Party Committee";
    private const string EnglishLead = "On the afternoon of 11 April, the Party Committee of Long An's agencies and enterprises held its 16th executive meeting of the 2020-2025 term.";
    private const string EnglishTypo = "Delegates agreed with the draft report and proposed ways to carry it out efectively.";
    private const string EnglishFixed = "Delegates agreed with the draft report and proposed ways to carry it out effectively.";
    private const string EnglishFirst = "Leaders of the Party building boards and the Provincial Party Office attended.";

    [Fact]
    public Task A_newsroom_day_from_setup_to_a_taken_down_story() => server.RunAsync(async () =>
    {
        var article = SampleArticle.Load();
        var photoFolder = Directory.CreateTempSubdirectory("newsroom-journey-").FullName;
        try
        {
            // 1. Setup creates the admin, who invites a reporter (the sample's byline) and an editor.
            var admin = await server.NewPageAsync();
            await admin.GotoAsync("/");
            await Expect(admin).ToHaveURLAsync(new Regex("/setup$"));
            await admin.AssertNoSeriousViolationsAsync("first-run setup");
            await admin.GetByLabel("Email").FillAsync(AdminEmail);
            await admin.GetByLabel("Display name").FillAsync("Quản trị");
            await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
            await admin.GetByLabel("Confirm password").FillAsync(AdminPassword);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/newsroom$"));
            await admin.WaitForCircuitAsync();
            await Expect(admin.GetByText("Welcome, Quản trị.")).ToBeVisibleAsync();

            // The admin can sign out and in again with the password chosen at setup.
            await admin.GetByRole(AriaRole.Button, new() { Name = "Quản trị" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/Account/Login"));
            await admin.AssertNoSeriousViolationsAsync("the sign-in page");
            await admin.GetByLabel("Email").FillAsync(AdminEmail);
            await admin.GetByLabel("Password").FillAsync(AdminPassword);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/newsroom$"));

            await admin.GotoAsync("/admin/users");
            await admin.WaitForCircuitAsync();
            var reporterLink = await InviteAsync(admin, article.Byline, ReporterEmail, Roles.Reporter);
            var editorLink = await InviteAsync(admin, EditorName, EditorEmail, Roles.Editor);
            var reporter = await AcceptAsync(reporterLink, article.Byline, ReporterPassword);
            var editor = await AcceptAsync(editorLink, EditorName, EditorPassword);
            var spent = await server.NewPageAsync();
            await spent.GotoAsync(reporterLink);
            await Expect(spent.Locator("[data-invitation-invalid]")).ToContainTextAsync("already been used or has expired");

            await admin.ReloadAsync();
            await admin.WaitForCircuitAsync();
            var reporterRow = admin.Locator("tr", new() { Has = admin.Locator($"[data-actions-for='{ReporterEmail}']") });
            await Expect(reporterRow.Locator("[data-status]")).ToHaveTextAsync("Active");
            await admin.AssertNoSeriousViolationsAsync("the users page");
            await Screenshots.SaveAsync(admin, "admin-users");

            // 2. The reporter uploads the two photos with captions, alt text and credit…
            string[] photos = [TestPhotos.Write(photoFolder, "hoi-nghi-1.jpg", [180, 40, 40]), TestPhotos.Write(photoFolder, "hoi-nghi-2.jpg", [40, 90, 180])];
            await reporter.UploadAndDescribeAsync(photos, article.Captions);
            await reporter.AssertNoSeriousViolationsAsync("the media library");
            await Screenshots.SaveAsync(reporter, "media-library");

            // …while the editor keeps the review queue open.
            await editor.GotoAsync("/review");
            await editor.WaitForCircuitAsync();
            await editor.AssertNoSeriousViolationsAsync("the empty review queue");

            // …and writes the article (with a slip in the headline), the photos where the sample has them.
            var storyId = await reporter.CreateStoryAsync();
            var slip = article.Headline.Replace("Hội nghị", "Hội nghi", StringComparison.Ordinal);
            Assert.NotEqual(article.Headline, slip);
            await reporter.GetByLabel("Headline").FillAsync(slip);
            await reporter.GetByLabel("Lead").FillAsync(article.Lead);
            await reporter.Body().ClickAsync();
            var first = true;
            foreach (var (isCaption, text) in article.Body)
            {
                if (isCaption)
                {
                    await reporter.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
                    var picker = reporter.GetByRole(AriaRole.Dialog);
                    await picker.GetByRole(AriaRole.Tab, new() { Name = "Library" }).ClickAsync();
                    await picker.GetByRole(AriaRole.Button, new() { Name = $"Choose {text}" }).ClickAsync();
                    await Expect(picker).ToHaveCountAsync(0);
                    // The cursor waits in the paragraph below the photo.
                    first = true;
                    continue;
                }
                if (!first)
                    await reporter.Keyboard.PressAsync("Enter");
                // The first paragraph is typed key by key; the rest arrive as text input, which is faster.
                if (text == article.Paragraphs[0])
                    await reporter.Keyboard.TypeAsync(text);
                else
                    await reporter.Keyboard.InsertTextAsync(text);
                first = false;
            }
            await Expect(reporter.Body().Locator("figure")).ToHaveCountAsync(article.Captions.Count);
            await reporter.GetByLabel("Section").ClickAsync();
            await reporter.GetByRole(AriaRole.Option, new() { Name = "Thời sự" }).ClickAsync();
            await reporter.WaitUntilSavedAsync();
            await reporter.AssertNoSeriousViolationsAsync("the story editor");
            await Screenshots.SaveAsync(reporter, "story-editor");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(reporter.StateChip()).ToHaveTextAsync("In review");

            // 3. The story appears in the editor's open queue without a reload.
            var inQueue = editor.GetByRole(AriaRole.Link, new() { Name = slip, Exact = true });
            await Expect(inQueue).ToBeVisibleAsync();
            await editor.AssertNoSeriousViolationsAsync("the review queue");
            await Screenshots.SaveAsync(editor, "review-queue");
            await inQueue.ClickAsync();
            await editor.WaitForCircuitAsync();
            const string note = "Tiêu đề: \"Hội nghi\" thiếu dấu, sửa thành \"Hội nghị\".";
            await editor.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await editor.AssertNoSeriousViolationsAsync("the request-changes dialog");
            await editor.GetByLabel("Note to the author").FillAsync(note);
            await editor.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Changes requested");

            // The reporter, still in the editor, sees the note at once, fixes the headline and resubmits.
            await Expect(reporter.StateChip()).ToHaveTextAsync("Changes requested");
            await Expect(reporter.GetByText(note).First).ToBeVisibleAsync();
            await reporter.GetByLabel("Headline").FillAsync(article.Headline);
            await reporter.WaitUntilSavedAsync();
            await reporter.GetByRole(AriaRole.Button, new() { Name = "Resubmit" }).ClickAsync();
            await Expect(reporter.StateChip()).ToHaveTextAsync("In review");

            // The editor approves and publishes.
            await Expect(editor.StateChip()).ToHaveTextAsync("In review");
            await Expect(editor.GetByLabel("Headline")).ToHaveValueAsync(article.Headline);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Approved");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Published");
            var published = await StoryAsync(storyId);
            var vietnamesePath = "/thoi-su/" + published.Slug;

            // 4. An anonymous reader finds it on the home page and reads it as the sample has it.
            var reader = await server.NewPageAsync();
            await reader.GotoAsync("/");
            await reader.AssertNoSeriousViolationsAsync("the public home page");

            // The reader looks for it with the header's search, typing without tones.
            var searchWords = SearchText.Fold(string.Join(' ', article.Headline.Split(' ').Take(3)));
            await SearchAsReaderAsync(reader, searchWords);
            var found = reader.Locator($".story-card-headline a[href='{vietnamesePath}']");
            await Expect(found).ToHaveCountAsync(1);
            Assert.True(await found.Locator("mark").CountAsync() >= 3);
            await reader.AssertNoSeriousViolationsAsync("the reader search");
            await reader.GotoAsync("/");
            await reader.Locator($"a[href='{vietnamesePath}']").First.ClickAsync();
            await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == vietnamesePath);
            var story = reader.Locator("article.article");
            await Expect(story.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(article.Headline);
            await Expect(story.Locator(".article-lead")).ToHaveTextAsync(article.Lead);
            await Expect(story.Locator(".article-body > p")).ToHaveTextAsync(article.Paragraphs.ToArray());
            await Expect(story.Locator(".article-body figcaption")).ToHaveTextAsync(article.Captions.ToArray());
            await Expect(story.Locator(".article-byline")).ToHaveTextAsync(article.Byline);
            await Expect(story.Locator(".article-date")).ToHaveTextAsync(DateLine(published.PublishedAt!.Value));
            await reader.AssertNoSeriousViolationsAsync("the public article");
            await Screenshots.SaveAsync(reader, "public-article-desktop");
            await reader.SetViewportSizeAsync(390, 844);
            await Screenshots.SaveAsync(reader, "public-article-phone");
            await reader.SetViewportSizeAsync(1280, 720);

            // The editor adds the English version (with a typo in it) and publishes it.
            await editor.GetByRole(AriaRole.Button, new() { Name = "Add English version" }).ClickAsync();
            await editor.WaitForURLAsync(url => !url.EndsWith(storyId.ToString(), StringComparison.Ordinal) && Regex.IsMatch(url, "/stories/[0-9a-f-]{36}$"), AfterEnhancedNavigation.Options);
            await editor.WaitForCircuitAsync();
            await editor.Body().WaitForAsync();
            var englishId = Guid.Parse(new Uri(editor.Url).Segments[^1]);
            await editor.GetByLabel("Headline").FillAsync(EnglishHeadline);
            await editor.GetByLabel("Lead").FillAsync(EnglishLead);
            await ReplaceBodyAsync(editor, EnglishFirst, EnglishTypo);
            await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("In review");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Published");
            var englishPath = "/en/news/" + (await StoryAsync(englishId)).Slug;

            // The reader switches language on the article.
            await reader.ReloadAsync();
            await story.Locator(".language-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == englishPath);
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(EnglishHeadline);
            await Expect(reader.Locator(".article-body > p")).ToHaveTextAsync([EnglishFirst, EnglishTypo]);
            Assert.Equal("en", await reader.Locator("html").GetAttributeAsync("lang"));
            await Expect(reader.Locator(".article-updated")).ToHaveCountAsync(0);
            await reader.AssertNoSeriousViolationsAsync("the English article");

            // A share link carries the article's address, which opens it for a friend.
            var facebook = await reader.Locator("a.share-facebook").GetAttributeAsync("href");
            var shared = HttpUtility.ParseQueryString(new Uri(facebook!).Query)["u"]!;
            Assert.Equal(englishPath, new Uri(shared).AbsolutePath);
            var friend = await server.NewPageAsync();
            Assert.Equal(200, (await friend.GotoAsync(shared))!.Status);
            await Expect(friend.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(EnglishHeadline);

            // 5. The editor corrects the typo in the published story; the reader's next request has it.
            await ReplaceBodyAsync(editor, EnglishFirst, EnglishFixed);
            await reader.ReloadAsync();
            await Expect(reader.Locator(".article-body > p")).ToHaveTextAsync([EnglishFirst, EnglishFixed]);
            await Expect(reader.Locator(".article-updated")).ToContainTextAsync("Updated");

            // The editor takes the Vietnamese story down: 410 for its address, gone from the home page.
            await editor.GotoAsync($"/stories/{storyId}");
            await editor.WaitForCircuitAsync();
            await editor.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Unpublished");
            Assert.Equal(410, (await reader.GotoAsync(vietnamesePath))!.Status);
            await reader.AssertNoSeriousViolationsAsync("the 410 page");
            await reader.GotoAsync("/");
            await Expect(reader.Locator($"a[href='{vietnamesePath}']")).ToHaveCountAsync(0);
            await SearchAsReaderAsync(reader, searchWords);
            await Expect(reader.Locator(".search-count, .list-empty")).ToHaveCountAsync(1);
            await Expect(reader.Locator($".story-card a[href='{vietnamesePath}']")).ToHaveCountAsync(0);

            // The editor's dashboard at the end of the day.
            await editor.GotoAsync("/newsroom");
            await editor.WaitForCircuitAsync();
            await editor.AssertNoSeriousViolationsAsync("the editor's dashboard");
            await Screenshots.SaveAsync(editor, "dashboard");

            // 6. Two people on one story: the editor takes over; neither loses a word.
            var draftId = await reporter.CreateStoryAsync();
            await reporter.GetByLabel("Headline").FillAsync("Bài đang viết dở");
            await reporter.Body().ClickAsync();
            await reporter.Keyboard.TypeAsync("Đoạn đã lưu.");
            await reporter.WaitUntilSavedAsync();
            await editor.GotoAsync($"/stories/{draftId}");
            await editor.WaitForCircuitAsync();
            await Expect(editor.GetByText($"Being edited by {article.Byline}")).ToBeVisibleAsync();
            await Expect(editor.GetByLabel("Headline")).ToHaveAttributeAsync("readonly", new Regex(".*"));
            await reporter.Keyboard.TypeAsync(" Câu chưa kịp lưu.");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
            await Expect(reporter.GetByText($"{EditorName} took over this story.")).ToBeVisibleAsync();
            await Expect(reporter.Body()).ToHaveAttributeAsync("contenteditable", "false");
            await Expect(editor.GetByText("Being edited by")).ToHaveCountAsync(0);
            await editor.Body().ClickAsync();
            await editor.Keyboard.PressAsync("Control+End");
            await editor.Keyboard.TypeAsync(" Biên tập viên bổ sung.");
            await editor.WaitUntilSavedAsync();
            // The editor's words are on the server; the reporter's unsaved sentence is still in their browser.
            Assert.Contains("Biên tập viên bổ sung.", (await StoryAsync(draftId)).BodyText, StringComparison.Ordinal);
            await reporter.ReloadAsync();
            await reporter.WaitForCircuitAsync();
            await Expect(reporter.GetByText("This browser kept a newer copy")).ToBeVisibleAsync();
            await Expect(reporter.GetByText("It stays here until you can edit this story again.")).ToBeVisibleAsync();
            var keptCopies = await reporter.EvaluateAsync<string>(
                "() => Object.keys(localStorage).filter(k => k.startsWith('newsroom:draft:')).map(k => localStorage.getItem(k)).join('\\n')");
            Assert.Contains("Câu chưa kịp lưu.", keptCopies, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(photoFolder, recursive: true);
        }
    });

    /// <summary>Invites through the dialog and returns the link it shows once.</summary>
    private static async Task<string> InviteAsync(IPage admin, string name, string email, string role)
    {
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite person" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Display name").FillAsync(name);
        await dialog.GetByLabel("Email").FillAsync(email);
        // Reporter is ticked to begin with.
        if (role != Roles.Reporter)
        {
            await dialog.GetByLabel(Roles.Reporter).UncheckAsync();
            await dialog.GetByLabel(role).CheckAsync();
        }
        await admin.AssertNoSeriousViolationsAsync("the invitation dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();

        var linkField = admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox, new() { Name = "Invitation link" });
        await Expect(linkField).ToHaveValueAsync(new Regex("/Account/AcceptInvitation\\?userId="));
        await Expect(admin.Locator("[data-link-emailed]")).ToContainTextAsync("not e-mailed");
        var link = await linkField.InputValueAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("copied|select the link"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(linkField).ToHaveCountAsync(0);
        return link;
    }

    /// <summary>The invited person, at their own computer, follows the link and lands signed in.</summary>
    private async Task<IPage> AcceptAsync(string link, string name, string password)
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page.Locator("[data-invitee]")).ToHaveTextAsync(name);
        await page.AssertNoSeriousViolationsAsync("the invitation page");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/newsroom$"));
        await page.WaitForCircuitAsync();
        await Expect(page.GetByText($"Welcome, {name}.")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Replaces the whole body with these paragraphs and waits until the server has them.</summary>
    private static async Task ReplaceBodyAsync(IPage page, params string[] paragraphs)
    {
        await page.Body().ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0)
                await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.InsertTextAsync(paragraphs[i]);
        }
        await Expect(page.Body().Locator("figure")).ToHaveCountAsync(0);
        await page.WaitUntilSavedAsync();
    }

    private async Task<Story> StoryAsync(Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await StoryServices.From(scope.ServiceProvider).GetAsync(Actor.Create("check", "Kiểm tra", Roles.Editor), id);
    }

    /// <summary>The sample's date line (<c>11/04/2024 - 19:45</c>) for a publication time, in the site's zone.</summary>
    private static string DateLine(DateTime publishedAtUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(publishedAtUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"))
            .ToString("dd/MM/yyyy - HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Types into the public site's header search and submits it, as a reader does.</summary>
    private static async Task SearchAsReaderAsync(IPage reader, string words)
    {
        var box = reader.Locator("header").GetByRole(AriaRole.Searchbox);
        await box.FillAsync(words);
        await box.PressAsync("Enter");
        await reader.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tim-kiem");
    }
}
