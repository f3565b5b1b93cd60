using System.Security.Claims;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>Counts how often the public site's cache was told to forget.</summary>
internal sealed class CountingPublicSiteCache : IPublicSiteCache
{
    private int _invalidations;

    public int Invalidations => Volatile.Read(ref _invalidations);

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _invalidations);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Signed-in people as the services receive them.</summary>
internal static class People
{
    public static ClaimsPrincipal Admin { get; } = Principal("admin-1", "Quản trị", Roles.Admin);

    public static ClaimsPrincipal Principal(string userId, string displayName, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(NewsroomClaims.DisplayName, displayName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
