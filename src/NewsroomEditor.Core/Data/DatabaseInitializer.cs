using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Data;

/// <summary>
/// Brings the database to a state the app can serve from, once at start-up: SQLite is migrated in
/// place; SQL Server and PostgreSQL must already be migrated by script or bundle (README), and start-up stops if
/// it is not. Then the roles, the default sections and the optional seed admin are added where missing,
/// and the site settings an admin saved are put in force.
/// </summary>
public sealed partial class DatabaseInitializer(
    NewsroomDbContext db,
    RoleManager<IdentityRole> roles,
    IFirstRunSetup setup,
    IOptions<DatabaseOptions> database,
    IOptions<StorageOptions> storage,
    IOptions<SeedOptions> seed,
    SiteSettings siteSettings,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(storage.Value.DataFolder);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers go on while one writer saves; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new StartupConfigurationException(
                    $"The {database.Value.Provider} database named by ConnectionStrings:Newsroom lacks {pending.Count} migration(s), " +
                    $"the first being {pending[0]}; apply them with the script or bundle described in README.md.");
            }
        }

        await SeedRolesAsync();
        await SeedSectionsAsync(cancellationToken);
        await SeedAdminAsync(cancellationToken);
        // Settings an admin saved replace configuration's from the first request on.
        await siteSettings.ReloadAsync(cancellationToken);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>Only into an empty table: admins' later renames and removals are never undone.</summary>
    private async Task SeedSectionsAsync(CancellationToken cancellationToken)
    {
        if (await db.Sections.AnyAsync(cancellationToken))
            return;
        db.Sections.AddRange(Section.Defaults());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedAdminAsync(CancellationToken cancellationToken)
    {
        var options = seed.Value;
        var hasEmail = !string.IsNullOrWhiteSpace(options.AdminEmail);
        var hasPassword = !string.IsNullOrEmpty(options.AdminPassword);
        if (!hasEmail && !hasPassword)
            return;
        if (hasEmail != hasPassword)
        {
            var missing = hasEmail ? "Seed:AdminPassword" : "Seed:AdminEmail";
            throw new StartupConfigurationException($"{missing} is missing: Seed:AdminEmail and Seed:AdminPassword go together.");
        }
        if (await setup.IsCompleteAsync(cancellationToken))
            return;

        var result = await setup.CreateFirstAdminAsync(
            new FirstAdmin(options.AdminEmail!, options.AdminDisplayName, options.AdminPassword!), cancellationToken);
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException(
                "Seed:AdminEmail / Seed:AdminPassword were refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        LogSeededAdmin(options.AdminEmail!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first Admin {Email} from the Seed settings.")]
    private partial void LogSeededAdmin(string email);
}
