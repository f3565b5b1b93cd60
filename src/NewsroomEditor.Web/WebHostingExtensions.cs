using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor;
using MudBlazor.Services;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components;
using NewsroomEditor.Web.Components.Account;
using NewsroomEditor.Web.Components.Account.Sessions;
using NewsroomEditor.Web.Components.Admin;
using NewsroomEditor.Web.Components.Localization;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Components.Public;
using NewsroomEditor.Web.Components.Setup;
using NewsroomEditor.Web.Hosting;

namespace NewsroomEditor.Web;

/// <summary>Registers and wires the web layer: Blazor, MudBlazor, Identity's sign-in, health.</summary>
public static class WebHostingExtensions
{
    public static IHostApplicationBuilder AddNewsroomWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = builder.AddNewsroomCore();
        builder.AddNewsroomAddresses();
        builder.AddNewsroomRateLimiting();
        var services = builder.Services;
        builder.AddNewsroomSecurityHeaders();

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Vietnamese text goes out as UTF-8 characters, not as &#x...; entities: readable source,
        // smaller pages. Markup-significant characters are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices();
        // The editing UI in Vietnamese and English: resource files (*.vi.resx) read through
        // IStringLocalizer, the language chosen per request (InterfaceLanguages), MudBlazor's own words too.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(InterfaceLanguages.Configure);
        services.AddTransient<MudLocalizer, NewsroomMudLocalizer>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<IActorSource, SignedInActorSource>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddNewsroomSessions();
        builder.AddCircuitLimits();
        identity.AddSignInManager<NewsroomSignInManager>()
            // Replaces the default authenticator provider (registered with the Core's) by name.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // The cookie's security stamp is checked on every request (one query by key, made only for
        // signed-in people, whose pages are few: the editing UI runs in a circuit), so a role change
        // or deactivation that updates the stamp stops the cookie at the very next request.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        // Keys live in the data folder so that sign-in cookies survive a restart of the app.
        services.AddDataProtection()
            .SetApplicationName("NewsroomEditor")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                DataHostingExtensions.ReadStorage(builder.Configuration, builder.Environment.ContentRootPath).DataFolder, "keys")));

        // The public site: static pages rendered by PublicPageRenderer, output-cached, evicted on publish.
        PublicSiteCache.AddTo(services);
        services.AddHttpContextAccessor();
        services.AddScoped<PublicPageRenderer>();
        services.AddScoped<ArticleHtmlRenderer>();
        services.AddScoped<PublicSitePages>();
        services.AddScoped<PublicSiteUrl>();
        services.AddScoped<PublicFeeds>();
        services.AddScoped<PreviewLinks>();
        // The audit log's client address: the request's, or the circuit's first request's (see HttpAuditClient).
        services.AddScoped<HttpAuditClient>();
        services.Replace(ServiceDescriptor.Scoped<IAuditClient>(sp => sp.GetRequiredService<HttpAuditClient>()));

        services.AddHealthChecks().AddDbContextCheck<NewsroomDbContext>("database");
        services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    /// <summary>Migrates (SQLite) and seeds before the first request is served.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every setting first: a wrong one stops start-up before the database is touched.
        app.Services.CheckSettings();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseNewsroom(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseNewsroomSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseHttpsRedirection();

        // Explicit order: the first-run rule needs the matched endpoint and comes before any
        // authorization, so that an app without users sends everyone to /setup, not to a login.
        app.UseRouting();
        app.UseMiddleware<FirstRunSetupMiddleware>();
        app.UseAuthentication();
        // After authentication: a signed-in person's chosen language is a claim of their cookie.
        app.UseRequestLocalization();
        app.UseNewsroomRateLimiting();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapNewsroomMedia();
        app.MapPublicSite();
        app.MapPreviewLinks();
        app.MapAuditExport();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        return app;
    }

    /// <summary>A small JSON body: the overall status and the database check's.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
