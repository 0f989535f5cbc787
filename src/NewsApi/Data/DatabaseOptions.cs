namespace NewsApi.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill an empty store with the sample content at start-up. Defaults to on for SQLite only.</summary>
    public bool? SeedSampleContent { get; set; }

    public bool ShouldSeedSampleContent => SeedSampleContent ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>Log every SQL command with its parameters (development aid).</summary>
    public bool LogSql { get; set; }
}
