using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Configuration;

namespace NewsroomEditor.Core.Media;

/// <summary>The media library: <c>Media:*</c>, the store, the image pipeline and the service.</summary>
public static class MediaHostingExtensions
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaOptions>()
            .BindSettings(configuration.GetSection(MediaOptions.SectionName), "A Media:* setting is not a whole number; see appsettings.sample.json.")
            .Check(media =>
                Positive(media.MaxUploadBytes, "Media:MaxUploadBytes")
                ?? Positive(media.MaxPixels, "Media:MaxPixels")
                ?? Positive(media.MaxFilesPerUpload, "Media:MaxFilesPerUpload")
                ?? Positive(media.QuotaBytesPerUser, "Media:QuotaBytesPerUser")
                ?? Positive(media.MaxConcurrentProcessing, "Media:MaxConcurrentProcessing"))
            .ValidateOnStart();

        services.AddSingleton<IMediaStore, LocalDiskMediaStore>();
        services.AddSingleton<MediaImageProcessor>();
        services.AddScoped<IMediaService, MediaService>();
        return services;

        static string? Positive(long value, string setting) => value > 0 ? null : $"{setting} is {value}; it must be a positive number.";
    }
}
