namespace NewsApi.Data;

/// <summary>Comments EF Core puts in front of SQL so a DBA (pg_stat_statements, logs) can tell where a command came from.</summary>
public static class SqlTags
{
    /// <summary>The server's own background work (event delivery, the ticker schedule), not any client's request.</summary>
    public const string Background = "NewsApi background work";
}
