using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>
    /// Makes <see cref="Admin"/> a real, active account: admin services check the database, not
    /// only the principal an open page holds (CurrentActor.EnsureAdminAsync).
    /// </summary>
    public static Task AddAdminAsync(CoreTestHost host) =>
        host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByIdAsync("admin-1") is not null)
                return;
            var admin = new ApplicationUser { Id = "admin-1", UserName = "admin@example.vn", Email = "admin@example.vn", EmailConfirmed = true, DisplayName = "Quản trị" };
            Assert.True((await users.CreateAsync(admin, "a long enough passphrase")).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Admin)).Succeeded);
        });

    public static ClaimsPrincipal Principal(string userId, string displayName, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(NewsroomClaims.DisplayName, displayName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}

/// <summary>
/// The audit log as a test reads it: what services record directly, and the entries that saves
/// wrote with their changes (domain events), in the host's database.
/// </summary>
public sealed class RecordedAndStoredAuditLog : IAuditLog
{
    private readonly RecordingAuditLog _direct = new();

    public CoreTestHost? Host { get; set; }

    /// <summary>What services recorded by hand (<see cref="IAuditLog.RecordAsync"/>), not with their change.</summary>
    public IReadOnlyList<AuditRecord> Direct => _direct.Records;

    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            var stored = Host is null ? [] : Host.InScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                System.Linq.Queryable.OrderBy(sp.GetRequiredService<NewsroomEditor.Core.Data.NewsroomDbContext>().AuditEntries, e => e.Id)))
                .GetAwaiter().GetResult();
            return [.. _direct.Records, .. stored.Select(e => new AuditRecord(e.Action, e.ActorId, e.ActorName, e.Target, e.Details))];
        }
    }

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default) => _direct.RecordAsync(record, cancellationToken);
}
