using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// The settings the Core layer reads from a configuration, registered as the app registers them
/// and checked as at start-up: a wrong one is a <see cref="StartupConfigurationException"/>.
/// </summary>
public static class ConfiguredSettings
{
    public static T Read<T>(IConfiguration configuration, StorageOptions? storage = null)
        where T : class
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Copied rather than chained, so that every value (an empty "Site:Languages:1" too) reaches the binder as the app's own configuration gives it.
        builder.Configuration.AddInMemoryCollection(configuration.AsEnumerable());
        if (storage is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = storage.DataFolder });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        using var services = builder.Services.BuildServiceProvider();
        services.CheckSettings();
        return services.GetRequiredService<IOptionsMonitor<T>>().CurrentValue;
    }
}

/// <summary>An <see cref="IOptionsMonitor{T}"/> whose value never changes, for a service made by hand.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
