using System.Net;
using System.Net.Sockets;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Data;

/// <summary>
/// A read replica is a PostgreSQL thing: naming one for SQLite stops the server at start-up, saying why; a replica
/// that does not answer leaves the server ready but degraded.
/// </summary>
[TestFixture]
public sealed class ReadReplicaConfigurationTests
{
    [Test]
    public async Task A_replica_connection_string_with_sqlite_refuses_to_start()
    {
        await using var factory = await NewsApiFactory.CreateAsync(TestStore.Sqlite,
            new Dictionary<string, string?> { ["ConnectionStrings:NewsReplica"] = "Host=127.0.0.1;Database=news" });

        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.That(failure!.Message, Does.Contain("ConnectionStrings:NewsReplica").And.Contain("PostgreSQL only"));
    }

    [Test]
    public async Task A_replica_that_does_not_answer_makes_readiness_degraded_not_unready()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var factory = await NewsApiFactory.CreateAsync(TestStore.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:NewsReplica"] = $"Host=127.0.0.1;Port={closedPort};Database=news;Username=postgres;Timeout=2",
        });
        using var http = factory.CreateClient();

        using var ready = await http.GetAsync("/health/ready");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Degraded"));
    }
}
