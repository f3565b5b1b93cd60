using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.E2E.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Stories;

/// <summary>
/// Every text input outside the story's own fields, typed into at full speed (no pause between
/// keys) while each message from the browser waits at the server: nothing typed may be lost, not the
/// first letters typed as a dialog opens, not a letter in the middle.
/// </summary>
[Collection(NewsroomCollection.Name)]
public class KeystrokesUnderLoadTests(NewsroomServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(40);

    /// <summary>A slowed server takes its time to show what it did; a limit, not a measure.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions Patient = new() { Timeout = 30_000 };

    private int _typed;
    private readonly List<string> _losses = [];

    [Fact]
    public Task Every_dialog_and_form_field_keeps_every_keystroke_typed_at_full_speed_on_a_slow_server() => server.RunAsync(async () =>
    {
        var photoFolder = Directory.CreateTempSubdirectory("newsroom-keys-").FullName;
        try
        {
            // Dialogs and forms of the admin.
            var admin = await server.SignInAsync(NewsroomServer.Admin);
            await admin.GotoAsync("/admin/users");
            await admin.WaitUntilLoadedAsync();
            server.Slowdown.Delay = Slow;
            await admin.GetByRole(AriaRole.Button, new() { Name = "Invite person" }).ClickAsync();
            var invite = admin.GetByRole(AriaRole.Dialog);
            await Expect(invite.GetByLabel("Display name")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            // Typed as soon as the dialog shows, without clicking into the field.
            await TypeAsync(admin, invite.GetByLabel("Display name"), "Hoàng Lan Trần Minh Biên", click: false);
            await TypeAsync(admin, invite.GetByLabel("Email"), "hoang.lan.bien@baothunghiem.vn");
            await invite.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox, new() { Name = "Invitation link" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var invited = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("hoang.lan.bien@baothunghiem.vn");
                Record("Invite → display name on the server", "Hoàng Lan Trần Minh Biên", invited?.DisplayName ?? "");
            }
            await admin.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

            server.Slowdown.Delay = TimeSpan.Zero;
            await admin.GotoAsync("/admin/sections");
            await admin.WaitUntilLoadedAsync();
            server.Slowdown.Delay = Slow;
            await TypeAsync(admin, admin.GetByLabel("Vietnamese name"), "Đời sống – Xã hội");
            await TypeAsync(admin, admin.GetByLabel("English name"), "Life and society");
            await TypeAsync(admin, admin.GetByLabel("Vietnamese slug"), "doi-song-xa-hoi");

            server.Slowdown.Delay = TimeSpan.Zero;
            await admin.GotoAsync("/admin/settings");
            await admin.WaitUntilLoadedAsync();
            server.Slowdown.Delay = Slow;
            // Typed over what is there, and not saved: the other tests keep the site's name.
            await TypeAsync(admin, admin.GetByLabel("Site name (Vietnamese)"), "Báo Thử Nghiệm Hằng Ngày", replace: true);
            await TypeAsync(admin, admin.GetByLabel("Time zone"), "Asia/Ho_Chi_Minh", replace: true);
            server.Slowdown.Delay = TimeSpan.Zero;

            // The story editor's dialogs, notes and photo, as an editor, with a photo not described yet.
            var editor = await server.SignInAsync(NewsroomServer.Editor);
            var photo = TestPhotos.Write(photoFolder, "keys-under-load.jpg", [120, 90, 60]);
            await editor.GotoAsync("/media");
            await editor.WaitForCircuitAsync();
            await editor.GetByLabel("Upload", new() { Exact = true }).SetInputFilesAsync(photo);
            await Expect(editor.GetByRole(AriaRole.List, new() { Name = "Uploads" }).GetByText("Ready")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            await editor.CreateStoryAsync();
            await editor.GetByLabel("Headline").FillAsync("Phím gõ khi máy chủ bận");
            await editor.Body().ClickAsync();
            await editor.Keyboard.TypeAsync("Đoạn đầu.");
            await editor.WaitUntilSavedAsync();
            server.Slowdown.Delay = Slow;

            await editor.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
            var link = editor.GetByRole(AriaRole.Dialog);
            await Expect(link.GetByLabel("Link address")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await TypeAsync(editor, link.GetByLabel("Link address"), "https://baothunghiem.vn/hoi-nghi", click: false);
            await link.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(editor.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, Patient);
            await Expect(editor.Body().Locator("a")).ToHaveCountAsync(1, Patient);
            Record("Link → the link in the body", "https://baothunghiem.vn/hoi-nghi", await editor.Body().Locator("a").First.GetAttributeAsync("href") ?? "");

            await TypeAsync(editor, editor.GetByLabel("Note", new() { Exact = true }), "Nhớ kiểm tra tên đại biểu trước khi đăng.");

            // A photo without a description, placed from the library: the dialog that describes it
            // follows the picker, and the writer goes on typing the moment it is gone.
            await editor.Body().ClickAsync();
            await editor.Keyboard.PressAsync("Control+End");
            await editor.Keyboard.PressAsync("Enter");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
            var picker = editor.GetByRole(AriaRole.Dialog);
            await picker.GetByRole(AriaRole.Tab, new() { Name = "Library" }).ClickAsync();
            await picker.GetByRole(AriaRole.Button, new() { Name = "Choose keys-under-load.jpg" }).ClickAsync();
            var describe = editor.GetByRole(AriaRole.Dialog, new() { Name = "Describe the image" });
            await Expect(describe.GetByLabel("Alt text")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await TypeAsync(editor, describe.GetByLabel("Alt text"), "Đại biểu biểu quyết tại hội nghị", click: false);
            await TypeAsync(editor, describe.GetByLabel("Caption"), "Hội nghị Ban Chấp hành sáng 11/4");
            await TypeAsync(editor, describe.GetByLabel("Credit"), "Hoàng Lan");
            await describe.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(editor.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, Patient);
            // No click into the body: the keys go where the dialog left the writer, below the photo.
            const string afterPhoto = "Tại hội nghị, các đại biểu đã biểu quyết thông qua nghị quyết.";
            await editor.Keyboard.TypeAsync(afterPhoto);
            _typed += afterPhoto.Length;
            await Expect(editor.Body().Locator("figure")).ToHaveCountAsync(1, Patient);
            var belowPhoto = editor.Body().Locator("figure + p");
            try
            {
                await Expect(belowPhoto).ToHaveTextAsync(afterPhoto, new() { Timeout = 10_000 });
            }
            catch (PlaywrightException)
            {
                // Recorded below with what the body holds after the photo.
            }
            Record("Body after the photo", afterPhoto, await belowPhoto.CountAsync() == 1 ? await belowPhoto.InnerTextAsync() : "");
            await Expect(editor.Body().Locator("figure figcaption").GetByLabel("Caption")).ToHaveValueAsync("Hội nghị Ban Chấp hành sáng 11/4", new() { Timeout = 30_000 });

            server.Slowdown.Delay = TimeSpan.Zero;
            await editor.WaitUntilSavedAsync();
            await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("In review", new() { Timeout = 30_000 });
            server.Slowdown.Delay = Slow;
            await editor.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            var request = editor.GetByRole(AriaRole.Dialog);
            await Expect(request.GetByLabel("Note to the author")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await TypeAsync(editor, request.GetByLabel("Note to the author"), "Tiêu đề ghi sai tên tỉnh, sửa lại giúp.", click: false);
            await request.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await Expect(editor.StateChip()).ToHaveTextAsync("Changes requested", new() { Timeout = 30_000 });
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
                var notes = await db.Set<NewsroomEditor.Core.Stories.EditorialNote>().AsNoTracking().Select(n => n.Text).ToListAsync();
                Record("Request changes → note on the server", "Tiêu đề ghi sai tên tỉnh, sửa lại giúp.",
                    notes.FirstOrDefault(n => n.Contains("sửa lại giúp", StringComparison.Ordinal)) ?? "");
            }

            // The search boxes, which send what was typed after a pause and then show their results:
            // the story list's goes into the address, the media library's filters in place.
            server.Slowdown.Delay = TimeSpan.Zero;
            await editor.GotoAsync("/stories");
            await editor.WaitUntilLoadedAsync();
            server.Slowdown.Delay = Slow;
            const string storySearch = "phim go khi may chu ban";
            await TypeAsync(editor, editor.GetByLabel("Search", new() { Exact = true }), storySearch);
            // A pause while typing under load sends part of it first: wait for the whole search to
            // reach the address (or the time to run out), then record what the address holds.
            static string SearchIn(string url) => System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["q"] ?? "";
            try
            {
                await editor.WaitForURLAsync(url => SearchIn(url) == storySearch, AfterEnhancedNavigation.Options);
            }
            catch (TimeoutException)
            {
                // Recorded below with what the address holds.
            }
            Record("Stories → the search in the address", storySearch, SearchIn(editor.Url));

            server.Slowdown.Delay = TimeSpan.Zero;
            await editor.GotoAsync("/media");
            await editor.WaitUntilLoadedAsync();
            server.Slowdown.Delay = Slow;
            await TypeAsync(editor, editor.GetByLabel("Search", new() { Exact = true }), "keys under load");
        }
        finally
        {
            server.Slowdown.Delay = TimeSpan.Zero;
            Directory.Delete(photoFolder, recursive: true);
        }

        var lost = _losses.Sum(l => int.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine($"Typed at 0 ms a key with every message delayed {Slow.TotalMilliseconds} ms: {_typed} characters, {lost} lost.");
        foreach (var loss in _losses)
            output.WriteLine("  " + loss);
        Assert.True(lost == 0, $"{lost} of {_typed} characters lost:\n" + string.Join("\n", _losses));
    });

    /// <summary>
    /// Types <paramref name="text"/> with no pause between keys into <paramref name="field"/> (clicked
    /// first unless the dialog's focus is meant to be there already), leaves it, and records what it holds once the page settles.
    /// </summary>
    private async Task TypeAsync(IPage page, ILocator field, string text, bool click = true, bool replace = false)
    {
        if (click)
            await field.ClickAsync();
        if (replace)
            await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        _typed += text.Length;
        await page.Keyboard.PressAsync("Tab");
        try
        {
            await Expect(field).ToHaveValueAsync(text, new() { Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            // Recorded below with what the field holds.
        }
        Record(await field.GetAttributeAsync("aria-label") ?? await LabelOfAsync(field), text, await field.InputValueAsync());
    }

    private static Task<string> LabelOfAsync(ILocator field) =>
        field.EvaluateAsync<string>("e => (e.labels && e.labels[0] ? e.labels[0].textContent : e.id) || 'field'");

    private void Record(string where, string typed, string holds)
    {
        var missing = NoLostWorkTests.CharactersMissing(typed, holds);
        if (missing > 0 || holds != typed)
        {
            _losses.Add($"{Math.Max(missing, 1)} in {where}: typed \"{typed}\", holds \"{holds}\"");
            output.WriteLine("LOSS " + _losses[^1]);
        }
    }
}
