using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Audit;

/// <summary>
/// A newsroom for the audit tests: the Core as the app registers it over SQLite, a clock the test
/// moves, a client address the test sets, a reporter, an editor and an admin.
/// </summary>
internal sealed class AuditTestNewsroom : IAsyncDisposable
{
    /// <summary>11/04/2024 19:45 in Asia/Ho_Chi_Minh.</summary>
    public static readonly DateTimeOffset Start = new(2024, 4, 11, 12, 45, 0, TimeSpan.Zero);

    private AuditTestNewsroom(CoreTestHost host, FakeTimeProvider clock, SettableAuditClient client)
    {
        Host = host;
        Clock = clock;
        Client = client;
    }

    public CoreTestHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public SettableAuditClient Client { get; }
    public Actor Reporter { get; private set; } = default!;
    public Actor Editor { get; private set; } = default!;
    public Actor Admin { get; private set; } = default!;
    public int SectionId { get; private set; }

    public static async Task<AuditTestNewsroom> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var client = new SettableAuditClient { IpAddress = "203.0.113.7" };
        var host = await CoreTestHost.StartAsync(services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IAuditClient>(client);
        });
        var newsroom = new AuditTestNewsroom(host, clock, client);
        newsroom.Reporter = await newsroom.UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        newsroom.Editor = await newsroom.UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        newsroom.Admin = await newsroom.UserAsync("admin@example.vn", "Quản trị", Roles.Admin);
        newsroom.SectionId = await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.Select(s => s.Id).FirstAsync());
        return newsroom;
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => Host.InScopeAsync(action);

    public Task<T> StoriesAsync<T>(Func<StoryServices, Task<T>> action) => Host.InScopeAsync(sp => action(StoryServices.From(sp)));

    /// <summary>A story by <paramref name="author"/> with passing content, saved once, the lease let go.</summary>
    public async Task<Story> WriteAsync(Actor author, string headline)
    {
        return await Host.InScopeAsync(async sp =>
        {
            var stories = StoryServices.From(sp);
            var story = await stories.CreateAsync(author, "vi", SectionId);
            var saved = await stories.SaveAsync(author, story.Id, story.Version, StoryFactory.Content(headline) with { SectionId = SectionId });
            Assert.True(saved.Saved);
            await sp.As(author).GetRequiredService<EditLeaseService>().ReleaseAsync(story.Id);
            return await stories.GetAsync(author, story.Id);
        });
    }

    /// <summary>Every entry in the log, oldest first, straight from the table.</summary>
    public Task<List<AuditEntry>> EntriesAsync() =>
        Host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>Runs <paramref name="action"/> and returns the entries it added.</summary>
    public async Task<List<AuditEntry>> NewEntriesAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = (await EntriesAsync()).Count;
        await action();
        return (await EntriesAsync()).Skip(before).ToList();
    }

    /// <summary>The signed-in principal of <paramref name="actor"/>, as the web layer would hand it over.</summary>
    public static ClaimsPrincipal Principal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId) };
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    private Task<Actor> UserAsync(string email, string name, string role) => Host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
        await users.AddToRoleAsync(user, role);
        return Actor.Create(user.Id, name, role);
    });
}

/// <summary>The client address the test says the current request comes from.</summary>
internal sealed class SettableAuditClient : IAuditClient
{
    public string? IpAddress { get; set; }
}
