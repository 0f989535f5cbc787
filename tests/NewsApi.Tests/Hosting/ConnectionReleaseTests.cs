using NewsApi.Tests.Infrastructure;
using Npgsql;

namespace NewsApi.Tests.Hosting;

/// <summary>
/// A stopped server gives its PostgreSQL connections back. Npgsql's pools outlive the host that filled them, so
/// without this every stopped instance (a rolling restart, a test fixture) would hold its idle connections for
/// minutes and a busy deployment would run into <c>max_connections</c>.
/// </summary>
public sealed class ConnectionReleaseTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_stopped_server_closes_its_idle_connections()
    {
        var factory = await NewsApiFactory.CreateAsync(TestStore.Postgres);
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        var client = new GraphQLClient(factory.CreateClient());
        // Enough parallel requests that the pool holds several connections.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync("{ articles(first: 5) { nodes { headline tags { name } authors { name } } } ticker { headline } }")));
        Assert.That(answers.SelectMany(answer => answer.Errors), Is.Empty);
        Assert.That(await BackendsOfAsync(database), Is.GreaterThan(0), "the server never connected");

        await factory.DisposeAsync();

        Assert.That(await BackendsOfAsync(database), Is.Zero, "connections left open after the server stopped");
    }

    private static async Task<long> BackendsOfAsync(string database)
    {
        var server = await TestRun.PostgresAsync();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        // A closed socket takes a moment to end its backend.
        for (var attempt = 0; ; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db", connection);
            command.Parameters.AddWithValue("db", database);
            var backends = (long)(await command.ExecuteScalarAsync())!;
            if (backends == 0 || attempt == 50)
            {
                return backends;
            }

            await Task.Delay(100);
        }
    }
}
