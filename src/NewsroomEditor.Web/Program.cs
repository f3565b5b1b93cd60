using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddNewsroomWeb();

    var app = builder.Build();
    await app.InitializeDatabaseAsync();
    app.UseNewsroom();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupConfigurationException.Describe(e) is { } reason)
{
    // A wrong setting (StartupConfigurationException, or an options validation's
    // OptionsValidationException) is the operator's to fix: one line naming it, not a stack trace.
    await Console.Error.WriteLineAsync($"NewsroomEditor cannot start: {reason}");
    return 1;
}
