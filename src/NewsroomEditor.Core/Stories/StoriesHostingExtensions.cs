using Microsoft.Extensions.DependencyInjection;

namespace NewsroomEditor.Core.Stories;

/// <summary>Stories: writing, workflow, translations, previews and the scheduled publisher.</summary>
public static class StoriesHostingExtensions
{
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddScoped<StoryService>();
        services.AddScoped<EditLeaseService>();
        services.AddScoped<IStoryPreviews, StoryPreviews>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
