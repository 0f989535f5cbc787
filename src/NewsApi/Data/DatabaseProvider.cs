namespace NewsApi.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
