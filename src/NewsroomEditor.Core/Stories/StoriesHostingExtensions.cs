using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Stories;

/// <summary>Stories: writing, workflow, translations, queries, previews, and scheduled publishing with its background publisher.</summary>
public static class StoriesHostingExtensions
{
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddScoped<IStoryWriting, StoryWriting>();
        services.AddScoped<IStoryWorkflow, StoryWorkflow>();
        services.AddScoped<IStoryTranslations, StoryTranslations>();
        services.AddScoped<IStoryQueries, StoryQueries>();
        services.AddScoped<IScheduledPublishing, ScheduledPublishing>();
        services.AddScoped<EditLeaseService>();
        services.AddScoped<IStoryPreviews, StoryPreviews>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}
