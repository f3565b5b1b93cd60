using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Events;

public static class DomainEventsHostingExtensions
{
    /// <summary>
    /// The key of the root (scope-less) context factory, for singletons: their contexts save no
    /// domain events, which come from the scoped services.
    /// </summary>
    public const string RootContexts = "newsroom-root-contexts";

    /// <summary>
    /// Domain events dispatched with the save, and the outbox: the interceptor on every context, the
    /// handlers of each feature, the dispatcher and its background service. Call after the
    /// <see cref="NewsroomDbContext"/> factory is registered: it becomes scoped (each context knows
    /// its scope's client address), and the root one stays reachable under <see cref="RootContexts"/>.
    /// </summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        var root = services.Single(d => d.ServiceType == typeof(IDbContextFactory<NewsroomDbContext>) && !d.IsKeyedService);
        services.Remove(root);
        services.Add(root.ImplementationType is { } type
            ? ServiceDescriptor.KeyedSingleton(typeof(IDbContextFactory<NewsroomDbContext>), RootContexts, type)
            : ServiceDescriptor.KeyedSingleton(typeof(IDbContextFactory<NewsroomDbContext>), RootContexts,
                (sp, _) => root.ImplementationFactory!(sp)));
        services.AddScoped<IDbContextFactory<NewsroomDbContext>>(sp =>
            new ScopedNewsroomContexts(sp.GetRequiredKeyedService<IDbContextFactory<NewsroomDbContext>>(RootContexts), sp));

        services.AddSingleton<DomainEventsInterceptor>();
        services.AddSingleton<OutboxAfterCommitInterceptor>();
        services.ConfigureDbContext<NewsroomDbContext>((sp, options) => options.AddInterceptors(
            sp.GetRequiredService<DomainEventsInterceptor>(), sp.GetRequiredService<OutboxAfterCommitInterceptor>()));

        // In the save's transaction, in this order: the audit entry, then the outbox rows (the
        // cache eviction before the bus event, as open screens may reload the public page).
        services.AddSingleton<IDomainEventHandler>(sp => new AuditEventHandler(sp));
        services.AddSingleton<IDomainEventHandler, PublicSiteEvictions>();
        services.AddSingleton<IDomainEventHandler, StoryBusEvents>();
        services.AddSingleton<IOutboxHandler, PublicSiteEvictionOutboxHandler>();
        services.AddSingleton<IOutboxHandler, EventBusOutboxHandler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }
}
