using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Core.Settings;

/// <summary>The site's settings: <c>Site:*</c>, and what an admin saved over it and over <c>Media:*</c>.</summary>
public static class SettingsHostingExtensions
{
    /// <summary>
    /// Binds and checks <c>Site:*</c>; lays the saved settings (<see cref="SiteSettings"/>) over
    /// <see cref="SiteOptions"/> and <see cref="MediaOptions"/>, read through <see cref="IOptionsMonitor{T}"/>.
    /// </summary>
    public static IServiceCollection AddSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SiteOptions>()
            .BindSettings(configuration.GetSection(SiteOptions.SectionName), "Site:PreviewLinkHours is not a whole number; see appsettings.sample.json.")
            .PostConfigure(site =>
            {
                if (site.Languages.Count == 0)
                    site.Languages = ["vi", "en"];
            })
            .Check(SiteProblem)
            .ValidateOnStart();

        // Site and upload settings an admin may change at run time: laid over configuration's and
        // signalled to the options monitors at every load.
        services.AddSingleton<SiteSettings>();
        services.AddSingleton<IPostConfigureOptions<SiteOptions>>(sp => sp.GetRequiredService<SiteSettings>());
        services.AddSingleton<IPostConfigureOptions<MediaOptions>>(sp => sp.GetRequiredService<SiteSettings>());
        services.AddSingleton<IOptionsChangeTokenSource<SiteOptions>>(sp => sp.GetRequiredService<SiteSettings>());
        services.AddSingleton<IOptionsChangeTokenSource<MediaOptions>>(sp => sp.GetRequiredService<SiteSettings>());
        services.AddScoped<ISiteSettingsAdministration, SiteSettingsAdministration>();
        // A save's consequence, after its commit: the reload, then the public site's eviction.
        services.AddSingleton<IDomainEventHandler, SiteSettingsEvents>();
        services.AddSingleton<IOutboxHandler, SiteSettingsReloadOutboxHandler>();
        return services;
    }

    private static string? SiteProblem(SiteOptions site)
    {
        if (site.PreviewLinkHours <= 0)
            return $"Site:PreviewLinkHours is {site.PreviewLinkHours}; it must be a positive number of hours.";
        if (string.IsNullOrWhiteSpace(site.Name))
            return "Site:Name is empty; give the newsroom a name.";
        // Languages are path prefixes of the public site (/en/...), and the site has its own texts
        // and section names in Vietnamese and English only (SiteOptions.KnownLanguages).
        var badLanguage = site.Languages.FirstOrDefault(l => !SiteOptions.KnownLanguages.Contains(l ?? ""));
        if (badLanguage is not null || site.Languages.Distinct().Count() != site.Languages.Count)
            return $"Site:Languages must be distinct codes among \"vi\" and \"en\", the languages the public site has its texts and section names in; \"{badLanguage ?? "a duplicate"}\" is not.";
        if (site.PublicUrl.Length > 0
            && !(Uri.TryCreate(site.PublicUrl, UriKind.Absolute, out var publicUrl) && publicUrl.Scheme is "http" or "https"))
            return $"Site:PublicUrl '{site.PublicUrl}' is not an absolute http(s) address such as https://baothunghiem.vn.";
        try
        {
            _ = site.TimeZoneInfo;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"Site:TimeZone '{site.TimeZone}' is not a time zone this machine knows; use an IANA id such as Asia/Ho_Chi_Minh.";
        }
        return null;
    }
}
