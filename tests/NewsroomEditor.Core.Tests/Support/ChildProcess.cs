using System.Diagnostics;
using NewsroomEditor.Core.Tests.Media;
using NewsroomEditor.Core.Tests.Stories;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// The test assembly started as a process of its own (<c>dotnet exec NewsroomEditor.Core.Tests.dll MODE …</c>),
/// for what must not take the test run down with it or must be killed the way a crash kills: a
/// decoder crash in libvips ends only the child, which the test then reports with the case that
/// did it; a SIGKILL in the middle of saves leaves the database as a crash would.
/// The test host never calls <see cref="Main"/>; it is this assembly's entry point only for
/// <c>dotnet exec</c> (the project sets <c>GenerateProgramFile</c> to false for it).
/// </summary>
public static class ChildProcess
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            ["fuzz-media", var output, var casesPerFormat, var seed] =>
                MediaFuzzer.RunAsync(output, int.Parse(casesPerFormat, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult(),
            ["save-burst", var dataFolder, var journal] => SaveBurst.RunAsync(dataFolder, journal).GetAwaiter().GetResult(),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: NewsroomEditor.Core.Tests.dll fuzz-media OUTPUT CASES_PER_FORMAT SEED | save-burst DATA_FOLDER JOURNAL");
        return 2;
    }

    /// <summary>Starts this assembly as a child process with <paramref name="arguments"/> (the mode first), its output collected.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
    }
}
