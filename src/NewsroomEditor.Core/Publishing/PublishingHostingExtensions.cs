using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsroomEditor.Core.Publishing;

/// <summary>The public site's side of the domain: sections, published stories, addresses, the cache's port.</summary>
public static class PublishingHostingExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddScoped<ISectionCatalog, SectionCatalog>();
        services.AddScoped<ISectionAdministration, SectionAdministration>();
        services.AddScoped<IPublishedStories, PublishedStories>();
        services.AddSingleton<SectionMenu>();
        services.AddSingleton<PublicPaths>();
        // The web layer's output cache replaces it; a bare Core host (tests, tools) caches nothing.
        services.TryAddSingleton<IPublicSiteCache, NoPublicSiteCache>();
        return services;
    }
}
