using System.IO.Compression;
using NewsroomEditor.E2E.Support;

namespace NewsroomEditor.E2E.Evidence;

/// <summary>A failing browser test leaves a screenshot and a Playwright trace, and says where.</summary>
[Collection(NewsroomCollection.Name)]
public class FailureEvidenceTests(NewsroomServer server)
{
    [Fact]
    public async Task A_failing_test_leaves_a_screenshot_and_a_trace_named_in_its_message()
    {
        var failure = await Assert.ThrowsAsync<TestFailureWithEvidence>(() => server.RunAsync(async () =>
        {
            var page = await server.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            Assert.Fail("a deliberate failure");
        }, "Deliberate_failure"));
        try
        {
            Assert.Contains("a deliberate failure", failure.Message, StringComparison.Ordinal);
            Assert.IsType<Xunit.Sdk.FailException>(failure.InnerException);
            var screenshot = Assert.Single(failure.Evidence, f => f.EndsWith(".png", StringComparison.Ordinal));
            var trace = Assert.Single(failure.Evidence, f => f.EndsWith("-trace.zip", StringComparison.Ordinal));
            foreach (var file in failure.Evidence)
            {
                Assert.Contains(file, failure.Message, StringComparison.Ordinal);
                Assert.Contains($"{Path.DirectorySeparatorChar}TestResults{Path.DirectorySeparatorChar}e2e{Path.DirectorySeparatorChar}Deliberate_failure-", file, StringComparison.Ordinal);
            }
            // A real PNG of the page, and a trace Playwright's viewer can open (a zip with its events).
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(screenshot)[..4]);
            using var zip = ZipFile.OpenRead(trace);
            Assert.Contains(zip.Entries, entry => entry.FullName.EndsWith(".trace", StringComparison.Ordinal) && entry.Length > 0);
        }
        finally
        {
            foreach (var file in failure.Evidence)
                File.Delete(file);
        }
    }
}
