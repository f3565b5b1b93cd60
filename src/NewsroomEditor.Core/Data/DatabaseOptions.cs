namespace NewsroomEditor.Core.Data;

/// <summary>The database providers the app ships migrations for.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Settings under <c>Database</c> and the <c>Newsroom</c> connection string.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Newsroom";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Resolved connection string: configured, or the SQLite file in the data folder.</summary>
    public string ConnectionString { get; set; } = "";
}

/// <summary>Settings under <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Absolute path of the folder for the SQLite database, media and keys.</summary>
    public string DataFolder { get; set; } = "";
}
