using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Web.Components.Public;

namespace NewsroomEditor.Web;

/// <summary>Settings under <c>Security:Hsts</c>: how long browsers keep to HTTPS once they met it here.</summary>
public sealed class HstsSettings
{
    public const string SectionName = "Security:Hsts";

    /// <summary>Days a browser keeps to HTTPS for this host; 0 tells browsers to forget it.</summary>
    public int MaxAgeDays { get; set; } = 365;

    /// <summary>Whether the rule covers every subdomain too (only when all of them serve HTTPS).</summary>
    public bool IncludeSubDomains { get; set; } = true;

    /// <summary>Asks to be listed in the browsers' built-in HTTPS list (a step that is hard to undo).</summary>
    public bool Preload { get; set; }

    /// <summary>What is wrong with these settings, naming the setting; null when nothing is.</summary>
    internal string? Problem() =>
        MaxAgeDays < 0 ? $"{SectionName}:MaxAgeDays is {MaxAgeDays}; it must be 0 or a positive number of days." : null;
}

/// <summary>
/// The browser's defences, sent by one middleware on every response: a Content-Security-Policy
/// that lets only the app's own scripts run (the one inline script, Blazor's import map, carries
/// a per-request nonce), <c>nosniff</c>, a referrer policy, framing limits; with HSTS behind HTTPS
/// (<see cref="HstsSettings"/>), no <c>Server</c> header and a <c>Secure</c> antiforgery cookie over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "NewsroomEditor.CspNonce";

    /// <summary>
    /// The editing UI, account pages, setup and error pages (Blazor's document, <c>App.razor</c>).
    /// <c>base-uri 'self'</c>, not <c>'none'</c>: the document's <c>&lt;base href="/"&gt;</c> is
    /// what Blazor resolves its relative script, asset and navigation addresses against, so on
    /// <c>/stories/{id}</c> they would point under <c>/stories/</c> without it. Styles allow inline
    /// (and only styles): MudBlazor writes style attributes and its theme's <c>&lt;style&gt;</c>
    /// element on every page, and ProseMirror styles the editor's nodes; a style cannot run script.
    /// The circuit's WebSocket is covered by <c>connect-src 'self'</c>.
    /// </summary>
    public static string EditingPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "frame-ancestors 'self'; " +
        "form-action 'self'";

    /// <summary>
    /// The public site and <c>/preview</c>: plain HTML with two stylesheets and the copy-link script
    /// (<c>/js/share.js</c>), no inline script or style at all (the JSON-LD block is data, not
    /// script), and no reason to be framed by anyone.
    /// </summary>
    public const string PublicPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>This request's nonce for an inline script (the import map): fresh for each request, never reused.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceItem] is string nonce)
            return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    public static IHostApplicationBuilder AddNewsroomSecurityHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HstsSettings>()
            .BindSettings(builder.Configuration.GetSection(HstsSettings.SectionName),
                "Security:Hsts:MaxAgeDays is a whole number, Security:Hsts:IncludeSubDomains and Security:Hsts:Preload true or false; see appsettings.sample.json.")
            .Check(hsts => hsts.Problem())
            .ValidateOnStart();
        // Which server software answers is nobody's business but ours.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        // The antiforgery cookie is Secure whenever the request came over HTTPS (behind a proxy: with
        // forwarded headers enabled, the proxy's scheme counts), plain over HTTP in development.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // UseHsts (outside development) sends it on HTTPS responses only, never for localhost.
        services.AddOptions<HstsOptions>().Configure<IOptions<HstsSettings>>((options, settings) =>
        {
            var hsts = settings.Value;
            options.MaxAge = TimeSpan.FromDays(hsts.MaxAgeDays);
            options.IncludeSubDomains = hsts.IncludeSubDomains;
            options.Preload = hsts.Preload;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that error pages and re-executed status pages get the headers too.</summary>
    public static IApplicationBuilder UseNewsroomSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<SecurityHeadersMiddleware>();
    }
}

/// <summary>
/// Sets the headers when the response starts, from the endpoint that answered then: a status page
/// or error page re-executed for a public address is Blazor's document and needs its policy.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            var isPublic = context.GetEndpoint()?.Metadata.GetMetadata<PublicSiteEndpointAttribute>() is not null;
            headers.ContentSecurityPolicy = isPublic ? SecurityHeaders.PublicPolicy : SecurityHeaders.EditingPolicy(context.CspNonce());
            headers.XContentTypeOptions = "nosniff";
            // A page that chose a stricter policy (the preview link: no referrer at all) keeps it.
            if (string.IsNullOrEmpty(headers["Referrer-Policy"]))
                headers["Referrer-Policy"] = SecurityHeaders.ReferrerPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
