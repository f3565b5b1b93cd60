using Microsoft.Playwright;

namespace NewsroomEditor.E2E.Support;

/// <summary>
/// The README's pictures, taken by the journey test on every run. They go to
/// <c>TestResults/screenshots/</c>, or to the folder in <c>NEWSROOM_SCREENSHOTS</c>: the README's
/// regenerate command (<c>./test.sh --screenshots</c>) points it at <c>docs/screenshots/</c>.
/// </summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var chosen = Environment.GetEnvironmentVariable("NEWSROOM_SCREENSHOTS");
            var folder = string.IsNullOrWhiteSpace(chosen)
                ? Path.Combine(Repository.Root, "TestResults", "screenshots")
                : Path.GetFullPath(chosen, Repository.Root);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Saves the top of the page as it is now (its viewport) as <paramref name="name"/>.png.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, name + ".png");
        // The top of the page, as someone arriving on it sees it (a test may have scrolled to a field).
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        // A picture of a real page, not an empty frame.
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is suspiciously small");
    }
}

public static class Repository
{
    /// <summary>The folder of NewsroomEditor.sln above the test's binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsroomEditor.sln")))
                return folder.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
