using System.Net;
using NewsroomEditor.Core.Audit;

namespace NewsroomEditor.Web.Components.Admin;

/// <summary>
/// The client's IP address for the audit log. In an HTTP request (sign-in pages, endpoints) it is
/// the request's remote address. A Blazor circuit has no HttpContext once it runs (and
/// IHttpContextAccessor is not reliable there), so <see cref="Routes"/> receives the address of the
/// request that rendered the page, as a parameter of the interactive root (Blazor protects root
/// parameters with Data Protection, so the browser cannot forge it), and hands it to this scoped
/// service in the circuit's scope with <see cref="RememberCircuitAddress"/>.
/// </summary>
/// <remarks>
/// Behind a reverse proxy the remote address is the proxy's: enable the forwarded-headers
/// middleware (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) so that it is the reader's.
/// </remarks>
public sealed class HttpAuditClient(IHttpContextAccessor http) : IAuditClient
{
    private string? _circuitAddress;

    public string? IpAddress => _circuitAddress ?? Format(http.HttpContext?.Connection.RemoteIpAddress);

    /// <summary>Keeps the address of the request that opened this circuit; the first one given stays.</summary>
    public void RememberCircuitAddress(string? address)
    {
        if (_circuitAddress is null && IPAddress.TryParse(address, out var parsed))
            _circuitAddress = Format(parsed);
    }

    /// <summary>The address as text; an IPv4 address seen through IPv6 (<c>::ffff:203.0.113.7</c>) as plain IPv4.</summary>
    public static string? Format(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
