using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Configuration;

namespace NewsroomEditor.Core.Data;

/// <summary>The data folder, the database and its start-up initializer.</summary>
public static class DataHostingExtensions
{
    public const string SqliteMigrationsAssembly = "NewsroomEditor.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "NewsroomEditor.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "NewsroomEditor.Migrations.PostgreSql";

    /// <summary>
    /// <c>Storage:*</c>, <c>Database:*</c> and <c>ConnectionStrings:Newsroom</c>, the DbContext
    /// factory on the chosen provider and <see cref="DatabaseInitializer"/>.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Configure(storage => storage.DataFolder = ReadStorage(configuration, contentRoot).DataFolder);

        services.AddOptions<DatabaseOptions>()
            .Configure<IOptions<StorageOptions>>((options, storage) =>
            {
                // Read by hand rather than bound: an empty value means the default (the binder
                // refuses it), a number is not a provider (the binder takes it).
                var setting = configuration[$"{DatabaseOptions.SectionName}:Provider"];
                if (!string.IsNullOrWhiteSpace(setting))
                {
                    // By name only: Enum.TryParse would take "2" for the third provider.
                    var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, setting.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (name is null || !Enum.TryParse<DatabaseProvider>(name, out var provider))
                        throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions),
                            [$"Database:Provider is '{setting}', which is not a provider this app knows; use Sqlite, SqlServer or PostgreSql."]);
                    options.Provider = provider;
                }
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "";
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = new SqliteConnectionStringBuilder
                    {
                        DataSource = Path.Combine(storage.Value.DataFolder, "newsroom.db"),
                        // Microsoft.Data.Sqlite retries a busy database until this many seconds have passed.
                        DefaultTimeout = 30,
                        Pooling = true,
                    }.ToString();
                }
            })
            .Check(options => options.Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
                ? $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is missing; Database:Provider {options.Provider} needs it."
                : null)
            .ValidateOnStart();

        // Blazor Server keeps one scope per circuit for as long as the page is open, and a page's
        // handlers interleave at every await: services therefore take a short-lived context from
        // the factory per operation. Identity's stores get a scoped one made by the same factory.
        services.AddDbContextFactory<NewsroomDbContext>((sp, options) =>
            UseProvider(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value).AddInterceptors(AuditAppendOnlyInterceptor.Instance));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<NewsroomDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Points EF Core at the chosen provider and that provider's own migration set.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString,
                sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString,
                sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString,
                npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly).EnableRetryOnFailure()),
            _ => throw new StartupConfigurationException($"Database:Provider '{database.Provider}' is not supported."),
        };
    }

    /// <summary>
    /// The data folder, absolute; relative settings are taken from the content root. Read before the
    /// services exist by whoever must place a file there at registration (the web host's keys).
    /// </summary>
    public static StorageOptions ReadStorage(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folder = configuration[$"{StorageOptions.SectionName}:DataFolder"];
        if (string.IsNullOrWhiteSpace(folder))
            folder = "data";
        return new StorageOptions { DataFolder = Path.GetFullPath(Path.Combine(contentRoot, folder)) };
    }
}
