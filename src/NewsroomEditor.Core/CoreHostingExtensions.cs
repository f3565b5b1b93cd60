using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core;

/// <summary>Composes the domain layer from its features, each registering itself from its own folder.</summary>
public static class CoreHostingExtensions
{
    /// <summary>
    /// Registers everything of the Core layer. Settings are bound and checked lazily, all at once
    /// at start-up (<c>ValidateOnStart</c>, or <see cref="Configuration.SettingsBinding.CheckSettings"/>
    /// before the database is touched); a wrong one names itself.
    /// </summary>
    public static IdentityBuilder AddNewsroomCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<INewsroomEventBus, InProcessEventBus>();

        services.AddData(configuration, builder.Environment.ContentRootPath);
        // Right after the DbContext: every save then writes its audit entries and outbox rows.
        services.AddDomainEvents();
        services.AddSettings(configuration);
        services.AddAudit();
        services.AddPublishing();
        services.AddStories();
        services.AddMedia(configuration);
        return services.AddAccounts(configuration);
    }
}
