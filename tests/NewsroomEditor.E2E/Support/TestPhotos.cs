using Microsoft.Playwright;
using NetVips;
using static Microsoft.Playwright.Assertions;

namespace NewsroomEditor.E2E.Support;

/// <summary>Photos for the browser tests, and the media library's upload-and-describe steps.</summary>
public static class TestPhotos
{
    /// <summary>
    /// Uploads the photos at once on /media (each row ends "Ready") and describes photo i with the
    /// caption i, the alt text "Ảnh {i + 1}: {caption}" and a credit.
    /// </summary>
    public static async Task UploadAndDescribeAsync(this IPage page, string[] files, IReadOnlyList<string> captions)
    {
        // Upload them at once; each gets its own row and ends "Ready".
        await page.GotoAsync("/media");
        await page.WaitForCircuitAsync();
        await page.GetByLabel("Upload", new() { Exact = true }).SetInputFilesAsync(files);
        var uploads = page.GetByRole(AriaRole.List, new() { Name = "Uploads" });
        await Expect(uploads.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(files.Length);
        await Expect(uploads.GetByText("Ready")).ToHaveCountAsync(files.Length, new() { Timeout = 60_000 });

        // Describe them with the captions.
        for (var i = 0; i < files.Length; i++)
        {
            var name = Path.GetFileName(files[i]);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Alt text").FillAsync($"Ảnh {i + 1}: {captions[i]}");
            await dialog.GetByLabel("Caption").FillAsync(captions[i]);
            await dialog.GetByLabel("Credit").FillAsync("Hoàng Lan");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        }
    }

    /// <summary>A 1200 × 800 photo-like JPEG of one colour with noise, written by libvips.</summary>
    public static string Write(string folder, string name, double[] colour)
    {
        var path = Path.Combine(folder, name);
        using var noise = Image.Gaussnoise(1200, 800, mean: 0, sigma: 25);
        using var background = (noise + colour).Cast(Enums.BandFormat.Uchar);
        background.Jpegsave(path, q: 85);
        return path;
    }
}
