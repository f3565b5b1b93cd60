using System.Globalization;
using System.Text;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>
/// Hostile files: the hand-made corpus and a seeded, bounded fuzzing run of mutated JPEG, PNG, WebP
/// and AVIF files through the upload path, in a child process (a libvips crash ends the child, not
/// the test run, and the journal names the case). 250 cases per format in CI; NEWSROOM_SOAK=1 runs
/// 3,000. Writes media-fuzz.txt beside the tests.
/// </summary>
public sealed class MediaFuzzingTests
{
    private static readonly bool Soak = Environment.GetEnvironmentVariable("NEWSROOM_SOAK") == "1";

    [Fact]
    public async Task Mutated_images_are_refused_or_accepted_without_a_crash_a_hang_or_an_error()
    {
        var casesPerFormat = Soak ? 3000 : 250;
        const int seed = 20261202;
        var journal = Path.Combine(Path.GetTempPath(), $"newsroom-fuzz-{Guid.NewGuid():N}.txt");
        try
        {
            using var child = ChildProcess.Start("fuzz-media", journal, casesPerFormat.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture));
            var stderr = child.StandardError.ReadToEndAsync();
            _ = child.StandardOutput.ReadToEndAsync();
            // A limit for the whole run, not a measure: each case has its own 30 s hang limit inside.
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(Soak ? 60 : 10));
            var hungWhole = false;
            try
            {
                await child.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                hungWhole = true;
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }

            var lines = File.Exists(journal) ? await File.ReadAllLinesAsync(journal) : [];
            var summary = lines.LastOrDefault(l => l.StartsWith("summary ", StringComparison.Ordinal));
            var lastCase = lines.LastOrDefault(l => l.StartsWith("case ", StringComparison.Ordinal)) ?? "(none)";
            Assert.False(hungWhole, $"The fuzzing run did not end in time; its last case: {lastCase}");
            Assert.True(summary is not null && child.ExitCode == 0,
                $"The fuzzing child ended with exit code {child.ExitCode} (a crash) during {lastCase} (seed {seed}).\n{await stderr}");

            var figures = summary!["summary ".Length..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
            var errors = lines.Where(l => l.StartsWith("error ", StringComparison.Ordinal)).ToList();
            var corpus = lines.Where(l => l.StartsWith("corpus ", StringComparison.Ordinal)).ToList();
            var corpusAccepted = corpus.Where(l => !l.EndsWith(" refused", StringComparison.Ordinal)).ToList();
            var skipped = lines.Where(l => l.StartsWith("skipped ", StringComparison.Ordinal)).ToList();

            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Hostile files: corpus {corpus.Count} files, {corpus.Count - corpusAccepted.Count} refused")
                .AppendLine(CultureInfo.InvariantCulture,
                    $"  fuzzing (seed {seed}, {casesPerFormat} cases per format{(Soak ? ", soak" : "")}): {figures["cases"]} cases, {figures["accepted"]} accepted, {figures["refused"]} refused, " +
                    $"errors {figures["errors"]}, crashes 0, hangs {figures["hangs"]}, peak working set {figures["peak-working-set"] / (1024 * 1024)} MB")
                .Append(skipped.Count == 0 ? "" : "  " + string.Join("; ", skipped) + Environment.NewLine)
                .ToString();
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "media-fuzz.txt"), report);

            Assert.Equal(0, figures["hangs"]);
            Assert.True(errors.Count == 0, "Unhandled errors (they would be 500s):\n" + string.Join("\n", errors.Take(10)));
            Assert.True(corpusAccepted.Count == 0, "Corpus files accepted:\n" + string.Join("\n", corpusAccepted));
            Assert.Equal(MediaServiceTests.BadFileKinds.Length, corpus.Count);
        }
        finally
        {
            File.Delete(journal);
        }
    }
}
