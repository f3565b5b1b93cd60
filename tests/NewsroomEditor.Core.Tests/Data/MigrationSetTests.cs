using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>Each provider's migration set must hold every model change (DESIGN.md §7).</summary>
public class MigrationSetTests
{
    private static readonly Dictionary<string, string?> SqlServer = new()
    {
        ["Database:Provider"] = "SqlServer",
        // Never contacted: comparing the model with the migrations needs no server.
        ["ConnectionStrings:Newsroom"] = "Server=127.0.0.1;Database=NeverContacted",
    };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("SqlServer")]
    public async Task Migration_set_has_no_pending_model_changes(string provider)
    {
        await using var host = CoreTestHost.Create(provider == "SqlServer" ? SqlServer : null);

        await host.InScopeAsync(sp =>
        {
            var context = sp.GetRequiredService<NewsroomDbContext>();
            Assert.Equal(provider, context.Database.ProviderName!.Split('.').Last());
            Assert.NotEmpty(context.Database.GetMigrations());
            Assert.False(context.Database.HasPendingModelChanges(),
                $"The {provider} migration set lacks model changes: add a migration to it (see NewsroomDbContext's doc comment).");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Each_provider_uses_its_own_migration_set()
    {
        await using var sqlite = CoreTestHost.Create();
        await using var sqlServer = CoreTestHost.Create(SqlServer);

        var sqliteScript = await sqlite.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<NewsroomDbContext>().Database.GenerateCreateScript()));
        var sqlServerScript = await sqlServer.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<NewsroomDbContext>().Database.GenerateCreateScript()));

        Assert.Contains("AUTOINCREMENT", sqliteScript, StringComparison.Ordinal);
        Assert.Contains("IDENTITY", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains("AspNetUserPasskeys", sqliteScript, StringComparison.Ordinal);
        Assert.Contains("AspNetUserPasskeys", sqlServerScript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        await using var host = CoreTestHost.Create();
        Directory.CreateDirectory(host.DataFolder);

        await host.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<NewsroomDbContext>();
            await context.Database.MigrateAsync();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await context.Sections.CountAsync());
        });
    }
}
