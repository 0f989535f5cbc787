namespace NewsApi.Tests.Infrastructure;

public enum TestStore
{
    Sqlite,
    Postgres,
}
