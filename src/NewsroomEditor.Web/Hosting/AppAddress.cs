using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Web.Hosting;

/// <summary>
/// The one source of the app's absolute addresses: every link it mails or shows (password reset,
/// invitation, e-mail confirmation and change, preview links) and every absolute address of the
/// public site (canonical links, feeds, sitemaps, robots.txt). It never reads a request's Host
/// header, which the client chooses: a reset mail whose link followed it would hand the reset
/// code to whoever sent the request with their own host name.
/// </summary>
/// <remarks>
/// <c>Site:PublicUrl</c> when it is set. Otherwise the address the server itself listens on
/// (Kestrel's bound addresses, i.e. <c>urls</c>/<c>ASPNETCORE_URLS</c>, https first; a wildcard host
/// such as <c>0.0.0.0</c> becomes <c>localhost</c>), which is right for the local default
/// (<c>http://localhost:5201</c>) and harmless elsewhere; outside Development, start-up refuses
/// e-mail without <c>Site:PublicUrl</c> (<see cref="AppAddressHostingExtensions"/>).
/// </remarks>
public sealed class AppAddress(IOptionsMonitor<SiteOptions> site, ILogger<AppAddress> logger, IServer? server = null)
{
    private string? _listening;

    /// <summary>The app's address with a trailing slash: <c>https://baothunghiem.vn/</c>.</summary>
    public Uri Base => new(BaseWithoutSlash + "/");

    /// <summary>The app's address without a trailing slash: <c>https://baothunghiem.vn</c>.</summary>
    public string BaseWithoutSlash
    {
        get
        {
            var configured = site.CurrentValue.PublicUrl;
            return string.IsNullOrWhiteSpace(configured) ? Listening() : configured.Trim().TrimEnd('/');
        }
    }

    /// <summary>A path of the app (<c>/rss.xml</c> or <c>Account/ResetPassword?code=…</c>) as an absolute address.</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return BaseWithoutSlash + "/" + path.TrimStart('/');
    }

    private string Listening()
    {
        if (_listening is not null)
            return _listening;
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
            return "http://localhost"; // not listening (yet, or an in-memory test server): nothing better is known
        var address = BindingAddress.Parse(chosen);
        var host = address.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : address.Host;
        var port = address.Port is 80 && address.Scheme == "http" || address.Port is 443 && address.Scheme == "https" ? "" : $":{address.Port}";
        _listening = $"{address.Scheme}://{host}{port}{address.PathBase}".TrimEnd('/');
        logger.LogWarning("Site:PublicUrl is not set: links in e-mails, feeds and pages are built from the address the server listens on, {Address}. Set Site:PublicUrl to the address people open.", _listening);
        return _listening;
    }
}

public static class AppAddressHostingExtensions
{
    /// <summary>The names the host filter admits besides the public address's own, so local checks keep working.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Registers <see cref="AppAddress"/>; makes <c>AllowedHosts</c> follow <c>Site:PublicUrl</c>
    /// (when it is left at "*", only the public host and the loopback names are admitted, any other
    /// Host header gets 400); and outside Development refuses to start with e-mail configured but
    /// no <c>Site:PublicUrl</c>, since the links mailed would otherwise name the server's own address.
    /// </summary>
    public static IHostApplicationBuilder AddNewsroomAddresses(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var publicUrl = builder.Configuration["Site:PublicUrl"]?.Trim() ?? "";
        var mailsLinks = !string.IsNullOrWhiteSpace(builder.Configuration["Email:SmtpHost"]) && !builder.Environment.IsDevelopment();
        // Checked with the other settings at start-up, so that one run names every wrong one.
        builder.Services.AddOptions<SiteOptions>()
            .Validate(site => !mailsLinks || site.PublicUrl.Trim().Length > 0,
                "Email:SmtpHost is set but Site:PublicUrl is empty; mailed links (password reset, invitations) are built from Site:PublicUrl, so set it to the address people open, such as https://baothunghiem.vn.")
            .ValidateOnStart();

        builder.Services.AddSingleton<AppAddress>();
        // Runs after the host's own PostConfigure, which reads AllowedHosts from configuration.
        builder.Services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri))
                return;
            if (options.AllowedHosts is null || options.AllowedHosts.Count == 0
                || options.AllowedHosts is [var only] && only == "*")
                options.AllowedHosts = [uri.Host, .. LoopbackHosts];
        });
        return builder;
    }
}
