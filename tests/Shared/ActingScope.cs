using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Testing;

/// <summary>A test's scope acts as a chosen person, as a signed-in person's circuit acts as them.</summary>
public static class ActingScope
{
    /// <summary>Makes the scope of <paramref name="services"/> act as <paramref name="actor"/>; returns <paramref name="services"/>.</summary>
    public static IServiceProvider As(this IServiceProvider services, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<CurrentActor>().ActAs(actor);
        return services;
    }
}
