using System.Net;
using Microsoft.AspNetCore.Http;
using NewsroomEditor.Web.Components.Admin;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>Where the audit log's client address comes from: the request, or in a circuit the request that opened it.</summary>
public sealed class HttpAuditClientTests
{
    [Fact]
    public void In_a_request_the_address_is_the_requests_remote_address()
    {
        var client = new HttpAuditClient(Accessor("2001:db8::7"));

        Assert.Equal("2001:db8::7", client.IpAddress);
    }

    [Fact]
    public void An_IPv4_address_seen_through_IPv6_is_shown_as_IPv4()
    {
        var client = new HttpAuditClient(Accessor("::ffff:203.0.113.7"));

        Assert.Equal("203.0.113.7", client.IpAddress);
    }

    [Fact]
    public void In_a_circuit_without_an_HttpContext_the_address_of_the_opening_request_is_used()
    {
        var client = new HttpAuditClient(new HttpContextAccessor());
        Assert.Null(client.IpAddress);

        client.RememberCircuitAddress("203.0.113.7");

        Assert.Equal("203.0.113.7", client.IpAddress);
    }

    [Fact]
    public void The_first_circuit_address_stays_and_text_that_is_not_an_address_is_ignored()
    {
        var client = new HttpAuditClient(new HttpContextAccessor());

        client.RememberCircuitAddress("<script>");
        Assert.Null(client.IpAddress);
        client.RememberCircuitAddress("203.0.113.7");
        client.RememberCircuitAddress("198.51.100.1");

        Assert.Equal("203.0.113.7", client.IpAddress);
    }

    private static HttpContextAccessor Accessor(string remoteAddress)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        return new HttpContextAccessor { HttpContext = context };
    }
}
