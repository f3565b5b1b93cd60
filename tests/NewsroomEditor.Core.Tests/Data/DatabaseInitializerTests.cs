using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task Roles_and_bilingual_sections_are_seeded()
    {
        await using var host = await CoreTestHost.StartAsync();

        await host.InScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
                Assert.True(await roles.RoleExistsAsync(role), role);

            var sections = await sp.GetRequiredService<NewsroomDbContext>().Sections.OrderBy(s => s.SortOrder).ToListAsync();
            Assert.Contains(sections, s => s is { NameVi: "Thời sự", NameEn: "News", SlugVi: "thoi-su", SlugEn: "news" });
            Assert.Contains(sections, s => s is { NameVi: "Văn hóa", SlugVi: "van-hoa", SlugEn: "culture" });
        });
    }

    [Fact]
    public async Task Initializing_again_adds_nothing_twice()
    {
        await using var host = await CoreTestHost.StartAsync();
        var before = await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Sections.CountAsync());

        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NewsroomDbContext>();
            Assert.Equal(before, await db.Sections.CountAsync());
            Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        });
    }

    [Fact]
    public async Task Sqlite_runs_in_WAL_mode()
    {
        await using var host = await CoreTestHost.StartAsync();

        var mode = await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database
            .SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Seed_settings_create_the_first_admin()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Seed:AdminEmail"] = "ops@example.vn",
            ["Seed:AdminPassword"] = "an unattended passphrase",
            ["Seed:AdminDisplayName"] = "Ban biên tập",
        });

        await host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByEmailAsync("ops@example.vn");
            Assert.NotNull(admin);
            Assert.Equal("Ban biên tập", admin.DisplayName);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True(await sp.GetRequiredService<IFirstRunSetup>().IsCompleteAsync());
        });
    }

    [Fact]
    public async Task A_seed_email_without_a_password_stops_start_up_by_name()
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => CoreTestHost.StartAsync(
            new Dictionary<string, string?> { ["Seed:AdminEmail"] = "ops@example.vn" }));

        Assert.Contains("Seed:AdminPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_password_the_policy_refuses_stops_start_up_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => CoreTestHost.StartAsync(
            new Dictionary<string, string?> { ["Seed:AdminEmail"] = "ops@example.vn", ["Seed:AdminPassword"] = "short" }));

        Assert.Contains("Seed:AdminPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("12", error.Message, StringComparison.Ordinal);
    }
}
