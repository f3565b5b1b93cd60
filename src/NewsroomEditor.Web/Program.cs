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
catch (StartupConfigurationException e)
{
    // A wrong setting is the operator's to fix: one line naming it, not a stack trace.
    await Console.Error.WriteLineAsync($"NewsroomEditor cannot start: {e.Message}");
    return 1;
}
