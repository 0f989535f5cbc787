using NewsApi.Tests.Infrastructure;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

namespace NewsApi.Tests;

/// <summary>Owns what the whole run shares: one throwaway PostgreSQL cluster, started lazily by the first fixture that needs it.</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(PostgresServer.StartAsync);

    public static Task<PostgresServer> PostgresAsync() => Server.Value;

    [OneTimeTearDown]
    public async Task StopPostgres()
    {
        if (Server.IsValueCreated)
        {
            await (await Server.Value).DisposeAsync();
        }
    }
}
