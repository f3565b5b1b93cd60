using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.ArchiveBench;

/// <summary>A person of the generated newsroom (bench/data: 3 admins, 15 editors, 32 reporters).</summary>
public sealed record Person(string Id, string Email, string DisplayName, string Role)
{
    public Actor Actor => Actor.Create(Id, DisplayName, Role);
}

/// <summary>The archive database, opened by the Core as the app registers it, and raw.</summary>
public static class Archive
{
    /// <summary>The generator's password, shared by its 50 people (bench/data/Newsroom.cs).</summary>
    public const string Password = "bench passphrase, long enough";

    public static string ConnectionString(string databaseFile) =>
        new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 30, Pooling = true }.ToString();

    /// <summary>The Core's services over <paramref name="databaseFile"/>, with <paramref name="capture"/> seeing every command.</summary>
    public static ServiceProvider CoreServices(string databaseFile, CommandCapture capture)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = Path.GetDirectoryName(databaseFile),
            ["ConnectionStrings:Newsroom"] = ConnectionString(databaseFile),
        });
        builder.Services.AddLogging();
        builder.AddNewsroomCore();
        builder.Services.ConfigureDbContext<NewsroomDbContext>(options => options.AddInterceptors(capture));
        var provider = builder.Services.BuildServiceProvider();
        provider.CheckSettings();
        return provider;
    }

    public static SqliteConnection Open(string databaseFile)
    {
        var connection = new SqliteConnection(ConnectionString(databaseFile));
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int StoryCount(string databaseFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return (int)Scalar(connection, "SELECT count(*) FROM Stories");
    }

    /// <summary>The people and their one role each, by e-mail.</summary>
    public static List<Person> People(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.Id, u.Email, u.DisplayName, r.Name FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            ORDER BY u.Email
            """;
        using var reader = command.ExecuteReader();
        var people = new List<Person>();
        while (reader.Read())
            people.Add(new Person(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return people;
    }

    /// <summary>
    /// A newsroom with nothing written yet: a fresh database made by the product's initializer in
    /// <paramref name="dataFolder"/>, with the archive's people (same ids, names, roles and password
    /// hash) and sections copied in, so the pages differ only by the stories behind them.
    /// </summary>
    public static async Task<string> CreateEmptyAsync(string archiveFile, string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var databaseFile = Path.Combine(dataFolder, "newsroom.db");
        await using (var services = CoreServices(databaseFile, new CommandCapture()))
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            ATTACH DATABASE '{archiveFile.Replace("'", "''", StringComparison.Ordinal)}' AS archive;
            BEGIN;
            INSERT INTO AspNetUsers SELECT * FROM archive.AspNetUsers;
            INSERT INTO AspNetUserRoles (UserId, RoleId)
              SELECT ur.UserId, r.Id FROM archive.AspNetUserRoles ur
              JOIN archive.AspNetRoles ar ON ar.Id = ur.RoleId JOIN AspNetRoles r ON r.Name = ar.Name;
            INSERT INTO Sections SELECT * FROM archive.Sections WHERE Id NOT IN (SELECT Id FROM Sections);
            COMMIT;
            DETACH DATABASE archive;
            """;
        command.ExecuteNonQuery();
        return databaseFile;
    }
}
