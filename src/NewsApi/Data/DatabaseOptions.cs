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

    /// <summary>
    /// Top the store up to at least this many articles at start-up with synthetic published Arabic ones
    /// (after the sample content), for load testing and demos. 0, the default, generates none; a store that
    /// already holds this many articles is left alone, so restarting does not add more.
    /// </summary>
    public int DemoArticles { get; set; }

    /// <summary>
    /// First pause between attempts to reach a PostgreSQL server that was down at start-up (default 2 s); each
    /// failure doubles it, up to 30 s.
    /// </summary>
    public TimeSpan StartupRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long cache evictions and purges wait for the read replica to replay a write before going on anyway
    /// (default 10 s). Only with <c>ConnectionStrings:NewsReplica</c>.
    /// </summary>
    public TimeSpan ReplicaCatchUpLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After the read replica is found unreachable, how long reads go to the primary before a background probe tries
    /// the replica again (default 5 s). Only with <c>ConnectionStrings:NewsReplica</c>.
    /// </summary>
    public TimeSpan ReplicaRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

}
