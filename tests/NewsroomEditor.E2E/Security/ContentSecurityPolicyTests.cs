using NewsroomEditor.E2E.Support;

namespace NewsroomEditor.E2E.Security;

/// <summary>
/// The Content-Security-Policy in a real browser: script that the app did not ship does not run,
/// and <see cref="AppServer.RunAsync"/> fails any browser test whose pages met a violation (which
/// is how every other browser test proves that the policy breaks none of its pages).
/// </summary>
[Collection(NewsroomCollection.Name)]
public class ContentSecurityPolicyTests(NewsroomServer server)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    public async Task An_injected_inline_script_does_not_run_and_the_violation_fails_the_test(string path)
    {
        var ran = true;
        var failure = await Assert.ThrowsAsync<TestFailureWithEvidence>(() => server.RunAsync(async () =>
        {
            var page = await server.NewPageAsync();
            await page.GotoAsync(path);
            // What a stored script injection would amount to: an inline script in the page.
            ran = await page.EvaluateAsync<bool>("""
                () => new Promise(resolve => {
                    window.__injectedRan = false;
                    document.addEventListener("securitypolicyviolation", () => setTimeout(() => resolve(window.__injectedRan), 0), { once: true });
                    const script = document.createElement("script");
                    script.textContent = "window.__injectedRan = true;";
                    document.body.append(script);
                })
                """);
            // The report reaches the test through a binding; give it the page's next turn.
            await page.WaitForFunctionAsync("() => true");
        }, $"{nameof(An_injected_inline_script_does_not_run_and_the_violation_fails_the_test)}{path.Replace('/', '-')}"));

        try
        {
            Assert.False(ran, "The injected inline script ran.");
            Assert.Contains("Content-Security-Policy", failure.Message, StringComparison.Ordinal);
            Assert.Contains("script-src", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            // The screenshot and trace that RunAsync leaves for a failure are not wanted here.
            foreach (var file in failure.Evidence)
                File.Delete(file);
        }
    }

    [Fact]
    public Task The_editing_ui_signs_in_and_opens_its_circuit_under_the_policy() => server.RunAsync(async () =>
    {
        // Blazor's import map (inline, by nonce), blazor.web.js, MudBlazor's script and the circuit's
        // WebSocket: any of them refused would be a violation, which fails this test in RunAsync.
        var page = await server.SignInAsync(NewsroomServer.Editor);
        await page.GotoAsync("/media");
        await page.WaitUntilLoadedAsync();
        await page.GotoAsync("/Account/Manage");
        Assert.Empty(server.CspViolations(page.Context));
    });
}
