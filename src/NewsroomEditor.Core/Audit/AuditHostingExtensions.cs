using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsroomEditor.Core.Audit;

/// <summary>The audit log: writing it, and the admin's queries over it.</summary>
public static class AuditHostingExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        // The client address comes from the web layer; a bare Core host (tests, tools) has none.
        services.TryAddScoped<IAuditClient, NoAuditClient>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IAuditQueries, AuditQueries>();
        return services;
    }
}
