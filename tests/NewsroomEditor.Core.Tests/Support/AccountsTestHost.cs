using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Core.Audit;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>Remembers every audit record, in order, instead of writing them anywhere.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => _records.ToList();

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        _records.Enqueue(record);
        return Task.CompletedTask;
    }
}

/// <summary>Keeps the messages an SMTP server would have been handed; can be told to fail like a dead server.</summary>
public sealed class RecordingMailTransport : IMailTransport
{
    private readonly ConcurrentQueue<MimeMessage> _sent = new();

    public bool Fail { get; set; }

    public IReadOnlyList<MimeMessage> Sent => _sent.ToList();

    public Task SendAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
    {
        if (Fail)
            throw new IOException("The mail server did not answer.");
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who is signed in in a test's scope, as a request or a circuit would have them: the scope's
/// <see cref="CurrentActor"/> reads it through the authorization policies, as the app's does.
/// </summary>
public sealed class SignedInPrincipal : IActorSource
{
    public ClaimsPrincipal? Principal { get; set; }

    public ValueTask<ClaimsPrincipal?> PrincipalAsync() => ValueTask.FromResult(Principal);
}

public static class SignedInScope
{
    /// <summary>Signs <paramref name="principal"/> in to the scope of <paramref name="services"/>; returns <paramref name="services"/>.</summary>
    public static IServiceProvider SignedIn(this IServiceProvider services, ClaimsPrincipal principal)
    {
        services.GetRequiredService<SignedInPrincipal>().Principal = principal;
        return services;
    }
}

/// <summary>
/// The Core over SQLite with a clock the test moves, the audit log and the mail transport
/// recorded, and helpers to make people and their signed-in principals.
/// </summary>
public sealed class AccountsTestHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    public static readonly Uri AppBase = new("https://newsroom.example.vn/");

    private AccountsTestHost()
    {
    }

    public CoreTestHost Host { get; private set; } = default!;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 4, 11, 5, 45, 0, TimeSpan.Zero));
    /// <summary>The audit log: what is recorded directly (sign-ins) and the entries saves wrote with their changes.</summary>
    public RecordedAndStoredAuditLog Audit { get; } = new();
    public RecordingMailTransport Mail { get; } = new();

    /// <summary>A started host; <paramref name="configure"/> adds or replaces registrations after the test's own.</summary>
    /// <summary>A host on SQLite, or on the PostgreSQL database <paramref name="postgreSql"/> names.</summary>
    public static async Task<AccountsTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? postgreSql = null)
    {
        var created = new AccountsTestHost();
        void Services(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(created.Clock);
            services.AddSingleton<IAuditLog>(created.Audit);
            services.AddSingleton<IMailTransport>(created.Mail);
            services.AddScoped<SignedInPrincipal>();
            services.AddScoped<IActorSource>(sp => sp.GetRequiredService<SignedInPrincipal>());
            configure?.Invoke(services);
        }
        created.Host = postgreSql is null
            ? await CoreTestHost.StartAsync(settings, Services)
            : await CoreTestHost.StartOnPostgreSqlAsync(postgreSql, settings, Services);
        created.Audit.Host = created.Host;
        return created;
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => Host.InScopeAsync(action);

    /// <summary>Runs <paramref name="action"/> on the users service of a scope signed in as <paramref name="actor"/>.</summary>
    public Task<T> WithAccountsAsync<T>(ClaimsPrincipal actor, Func<IAccountAdministration, Task<T>> action) =>
        Host.InScopeAsync(sp => action(sp.SignedIn(actor).GetRequiredService<IAccountAdministration>()));

    public Task WithAccountsAsync(ClaimsPrincipal actor, Func<IAccountAdministration, Task> action) =>
        Host.InScopeAsync(sp => action(sp.SignedIn(actor).GetRequiredService<IAccountAdministration>()));

    public Task<T> WithInvitationsAsync<T>(Func<IInvitations, Task<T>> action) =>
        Host.InScopeAsync(sp => action(sp.GetRequiredService<IInvitations>()));

    /// <summary>A person with a password and roles, and the principal they would sign in with.</summary>
    public Task<(ApplicationUser User, ClaimsPrincipal Principal)> PersonAsync(string email, string displayName, params string[] roles) =>
        Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Succeeded(await users.CreateAsync(user, Password));
            Succeeded(await users.AddToRolesAsync(user, roles));
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            return (user, principal);
        });

    /// <summary>The account as stored now, read in a fresh scope.</summary>
    public Task<ApplicationUser> ReloadAsync(string userId) =>
        Host.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId))!);

    public Task<string> SecurityStampAsync(string userId) =>
        Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!))!;
        });

    public Task<IList<string>> RolesAsync(string userId) =>
        Host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
        });

    public static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
