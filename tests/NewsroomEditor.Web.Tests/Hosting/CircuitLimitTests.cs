using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NewsroomEditor.Web.Components.Account.Sessions;

namespace NewsroomEditor.Web.Tests.Hosting;

/// <summary>
/// Circuits per person (Security:MaxCircuitsPerUser): the tab beyond the limit is refused, closing
/// an admitted one makes room again, other people and anonymous pages are not affected.
/// </summary>
public sealed class CircuitLimitTests
{
    private readonly CircuitCounter _counter = new(limit: 3);

    [Fact]
    public async Task The_tab_beyond_the_limit_is_refused_and_closing_one_lets_the_next_in()
    {
        var open = new List<CircuitLimitHandler>();
        for (var i = 0; i < 3; i++)
            open.Add(await OpenAsync("lan"));
        Assert.All(open, tab => Assert.False(tab.Refused));

        var extra = await OpenAsync("lan");
        Assert.True(extra.Refused);
        Assert.Equal(3, _counter.OpenFor("lan"));

        // The refused tab holds no place: closing it frees nothing.
        await extra.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.True((await OpenAsync("lan")).Refused);

        await open[0].OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(2, _counter.OpenFor("lan"));
        Assert.False((await OpenAsync("lan")).Refused);
        Assert.True((await OpenAsync("lan")).Refused);
    }

    [Fact]
    public async Task Another_person_and_anonymous_pages_are_counted_apart()
    {
        for (var i = 0; i < 3; i++)
            await OpenAsync("lan");

        Assert.False((await OpenAsync("thu")).Refused);
        for (var i = 0; i < 5; i++)
            Assert.False((await OpenAsync(userId: null)).Refused);
        Assert.Equal(1, _counter.OpenFor("thu"));
    }

    [Fact]
    public async Task Closing_a_circuit_twice_releases_its_place_once()
    {
        var first = await OpenAsync("lan");
        await OpenAsync("lan");

        await first.OnCircuitClosedAsync(null!, CancellationToken.None);
        await first.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal(1, _counter.OpenFor("lan"));
    }

    private async Task<CircuitLimitHandler> OpenAsync(string? userId)
    {
        var handler = new CircuitLimitHandler(_counter, new FixedAuthentication(userId));
        // The circuit itself is not read by the handler; Blazor makes it, a test cannot.
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        return handler;
    }

    private sealed class FixedAuthentication(string? userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(userId is null
                ? new ClaimsPrincipal(new ClaimsIdentity())
                : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Identity.Application"))));
    }
}
