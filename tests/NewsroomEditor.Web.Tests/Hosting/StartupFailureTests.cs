using System.Diagnostics;

namespace NewsroomEditor.Web.Tests.Hosting;

/// <summary>
/// A wrong setting stops the real app process with one line naming the setting, never a stack trace.
/// The app is started as a process, as an operator would, from the build output.
/// </summary>
public class StartupFailureTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Database__Provider", "SqlServer", "ConnectionStrings:Newsroom")]
    [InlineData("Site__TimeZone", "Nowhere/Atlantis", "Site:TimeZone")]
    [InlineData("Media__MaxUploadBytes", "0", "Media:MaxUploadBytes")]
    [InlineData("Accounts__InvitationDays", "0", "Accounts:InvitationDays")]
    [InlineData("Email__SmtpHost", "smtp.example.vn", "Email:From")]
    [InlineData("Security__Hsts__MaxAgeDays", "-1", "Security:Hsts:MaxAgeDays")]
    [InlineData("Security__MaxCircuitsPerUser", "0", "Security:MaxCircuitsPerUser")]
    [InlineData("Security__Hsts__Preload", "perhaps", "Security:Hsts:Preload")]
    [InlineData("Security__RateLimit__WindowSeconds", "0", "Security:RateLimit:WindowSeconds")]
    [InlineData("Security__RateLimit__PermitLimit", "ten", "Security:RateLimit:*")]
    [InlineData("Security__DisconnectedCircuitRetentionSeconds", "0", "Security:DisconnectedCircuitRetentionSeconds")]
    [InlineData("Security__DisconnectedCircuitMaxRetained", "many", "Security:DisconnectedCircuitMaxRetained")]
    public async Task A_wrong_setting_stops_start_up_with_one_line_naming_it(string variable, string value, string named)
    {
        var (exitCode, stdout, stderr) = await RunAppAsync((variable, value));

        Assert.Equal(1, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("NewsroomEditor cannot start:", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_mail_without_Site_PublicUrl_stops_start_up_outside_Development()
    {
        // Mailed links are built from Site:PublicUrl alone; without it they would name the server's own address.
        var (exitCode, _, stderr) = await RunAppAsync(("Email__SmtpHost", "smtp.example.vn"), ("Email__From", "no-reply@example.vn"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("NewsroomEditor cannot start:", line, StringComparison.Ordinal);
        Assert.Contains("Site:PublicUrl", line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var workingFolder = Directory.CreateTempSubdirectory("newsroom-startup-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "NewsroomEditor.Web.dll"), "--urls", "http://127.0.0.1:0" },
                WorkingDirectory = workingFolder,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Storage__DataFolder"] = workingFolder;
            foreach (var (name, value) in environment)
                start.Environment[name] = value;

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The app kept running with a wrong setting instead of stopping.");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(workingFolder, recursive: true);
        }
    }
}
