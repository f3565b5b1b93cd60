using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Sessions;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>The sign-in cookie's tickets kept in the database: stored, renewed, removed, expired and cleaned up.</summary>
public sealed class DatabaseTicketStoreTests : IAsyncLifetime
{
    private AccountsTestHost _host = default!;
    private ClaimsPrincipal _lan = default!;

    public async Task InitializeAsync()
    {
        _host = await AccountsTestHost.StartAsync();
        (_, _lan) = await _host.PersonAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DatabaseTicketStore Store => _host.Host.Services.GetRequiredService<DatabaseTicketStore>();

    [Fact]
    public async Task A_stored_ticket_comes_back_with_its_session_key_and_is_gone_once_removed()
    {
        var key = await Store.StoreAsync(Ticket(TimeSpan.FromDays(14)));

        var back = await Store.RetrieveAsync(key);
        Assert.NotNull(back);
        Assert.Equal(key, back.Principal.FindFirstValue(UserSessions.SessionClaimType));
        Assert.Equal("Hoàng Lan", back.Principal.GetDisplayName());
        Assert.True(key.Length >= 43, "The key carries 256 random bits.");

        await Store.RemoveAsync(key);

        Assert.Null(await Store.RetrieveAsync(key));
        // A renewal racing the sign-out does not bring the session back.
        await Store.RenewAsync(key, Ticket(TimeSpan.FromDays(14)));
        Assert.Null(await Store.RetrieveAsync(key));
    }

    [Fact]
    public async Task An_expired_ticket_is_refused_and_deleted_at_the_next_sign_in()
    {
        var key = await Store.StoreAsync(Ticket(TimeSpan.FromHours(1)));
        var renewed = await Store.StoreAsync(Ticket(TimeSpan.FromHours(1)));
        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Store.RenewAsync(renewed, Ticket(TimeSpan.FromHours(1)));

        _host.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await Store.RetrieveAsync(key));
        Assert.NotNull(await Store.RetrieveAsync(renewed));
        await Store.StoreAsync(Ticket(TimeSpan.FromHours(1)));
        var keys = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().UserSessions.Select(s => s.Key).ToListAsync());
        Assert.DoesNotContain(key, keys);
        Assert.Contains(renewed, keys);
        Assert.Equal(2, keys.Count);
    }

    private AuthenticationTicket Ticket(TimeSpan lifetime)
    {
        var now = _host.Clock.GetUtcNow();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(_lan.Claims, "Identity.Application"));
        return new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime }, "Identity.Application");
    }
}
