using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;

namespace NewsroomEditor.Web.Components.Account.Sessions;

/// <summary>
/// Settings under <c>Security</c> that bound what open pages may hold on the server (each
/// interactive page is a circuit of about 1.5 MB): circuits per person, and how many disconnected
/// circuits are kept, and for how long, for a browser to rejoin after a network loss.
/// </summary>
public sealed class CircuitLimitOptions
{
    /// <summary>Open interactive pages (tabs) per person on one app instance; the next one shows a message instead.</summary>
    public int MaxCircuitsPerUser { get; set; } = 10;

    /// <summary>Disconnected circuits kept in memory, for all people together (Blazor's default: 100).</summary>
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>
    /// How long a disconnected circuit waits for its browser (Blazor's default: 3 minutes); long
    /// enough to ride out a network loss of a couple of minutes without losing the page.
    /// </summary>
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    internal string? Problem()
    {
        if (MaxCircuitsPerUser <= 0)
            return $"Security:MaxCircuitsPerUser is {MaxCircuitsPerUser}; it must be a positive number.";
        if (DisconnectedCircuitMaxRetained < 0)
            return $"Security:DisconnectedCircuitMaxRetained is {DisconnectedCircuitMaxRetained}; it must be zero or more.";
        if (DisconnectedCircuitRetentionSeconds <= 0)
            return $"Security:DisconnectedCircuitRetentionSeconds is {DisconnectedCircuitRetentionSeconds}; it must be a positive number of seconds.";
        return null;
    }
}

/// <summary>
/// Counts the admitted circuits of each person on this instance (with sticky sessions a person's
/// circuits live where their first page did; each instance holds its own bound).
/// </summary>
public sealed class CircuitCounter(int limit)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit { get; } = limit;

    /// <summary>Counts one more circuit for <paramref name="userId"/> unless they already have <see cref="Limit"/>.</summary>
    public bool TryOpen(string userId)
    {
        lock (_open)
        {
            var count = _open.GetValueOrDefault(userId);
            if (count >= Limit)
                return false;
            _open[userId] = count + 1;
            return true;
        }
    }

    public void Close(string userId)
    {
        lock (_open)
        {
            if (_open.TryGetValue(userId, out var count))
            {
                if (count <= 1)
                    _open.Remove(userId);
                else
                    _open[userId] = count - 1;
            }
        }
    }

    public int OpenFor(string userId)
    {
        lock (_open)
            return _open.GetValueOrDefault(userId);
    }
}

/// <summary>
/// One per circuit: admits it if its person has fewer than the limit open, otherwise marks it
/// <see cref="Refused"/>, and <c>Routes</c> then shows a message in place of the page. The refused
/// circuit holds only that message and is not counted; closing any admitted one makes room.
/// </summary>
public sealed class CircuitLimitHandler(CircuitCounter counter, AuthenticationStateProvider authentication) : CircuitHandler
{
    private string? _counted;

    /// <summary>True when this circuit's person already had the most circuits allowed open.</summary>
    public bool Refused { get; private set; }

    public int Limit => counter.Limit;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return;
        if (counter.TryOpen(userId))
            _counted = userId;
        else
            Refused = true;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_counted is { } userId)
        {
            counter.Close(userId);
            _counted = null;
        }
        return Task.CompletedTask;
    }
}

internal static class CircuitLimitHostingExtensions
{
    /// <summary>Reads <see cref="CircuitLimitOptions"/> (a wrong value stops the start) and registers the circuit bounds.</summary>
    public static IHostApplicationBuilder AddCircuitLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CircuitLimitOptions>()
            .BindSettings(builder.Configuration.GetSection("Security"),
                "Security:MaxCircuitsPerUser, Security:DisconnectedCircuitMaxRetained and Security:DisconnectedCircuitRetentionSeconds are whole numbers; see appsettings.sample.json.")
            .Check(limits => limits.Problem())
            .ValidateOnStart();
        // Blazor's options and the counter read the limits once they are checked (start-up validates them first).
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitOptions>>((options, limits) =>
        {
            options.DisconnectedCircuitMaxRetained = limits.Value.DisconnectedCircuitMaxRetained;
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(limits.Value.DisconnectedCircuitRetentionSeconds);
        });
        services.AddSingleton(sp => new CircuitCounter(sp.GetRequiredService<IOptions<CircuitLimitOptions>>().Value.MaxCircuitsPerUser));
        services.AddScoped<CircuitLimitHandler>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitLimitHandler>());
        return builder;
    }
}
