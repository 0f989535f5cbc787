using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Data;

/// <summary>A read replica is a PostgreSQL thing: naming one for SQLite stops the server at start-up, saying why.</summary>
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
}
