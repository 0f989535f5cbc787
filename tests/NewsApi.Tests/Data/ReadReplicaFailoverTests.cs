using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Data;

/// <summary>
/// The read replica goes away and comes back, behind a forwarder the server's replica connection string points at:
/// reads move to the primary after the one request that met the outage, nobody else is refused meanwhile (the primary
/// is not thought down with it), and reads return to the replica once a background probe finds it back.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReadReplicaFailoverTests
{
    private const string HomeFeed = "{ articles(first: 5) { nodes { headline section { name } authors { name } tags { slug } } } }";

    private readonly SqlCommandPorts commands = new();
    private PostgresServer? primary;
    private PostgresServer? replica;
    private TcpForwarder? forwarder;
    private int replicaPort;
    private NewsApiFactory? factory;
    private GraphQLClient? anonymous;
    private GraphQLClient? editor;

    [OneTimeSetUp]
    public async Task StartPrimaryReplicaAndServer()
    {
        if (!PostgresServer.CanReplicate)
        {
            Assert.Ignore("pg_basebackup is not installed, so no streaming replica can be made here.");
        }

        primary = await PostgresServer.StartOwnAsync();
        replica = await primary.StartReplicaAsync();
        var database = await primary.CreateDatabaseAsync();
        replicaPort = TcpForwarder.FreePort();
        forwarder = TcpForwarder.Start(replicaPort, replica.Port);
        factory = NewsApiFactory.OnPostgres(database,
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:NewsReplica"] = new NpgsqlConnectionStringBuilder(database) { Port = replicaPort }.ConnectionString,
                ["Database:ReplicaRetryAfter"] = "00:00:00.300",
                // Every read must reach a database for the test to see which one answered.
                ["Caching:ServerCache"] = "false",
            },
            services => services.AddSingleton<IInterceptor>(commands));
        anonymous = new GraphQLClient(factory.CreateClient());
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await factory.CreateKeyAsync("failover-editor", ApiRole.Editor));
        editor = new GraphQLClient(http);
        await primary.WaitForReplayAsync(replica);
    }

    [TearDown]
    public async Task StopForwarder()
    {
        if (forwarder is not null)
        {
            await forwarder.DisposeAsync();
            forwarder = null;
        }
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        await StopForwarder();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (replica is not null)
        {
            await replica.DisposeAsync();
        }

        if (primary is not null)
        {
            await primary.DisposeAsync();
        }
    }

    [Test]
    public async Task Reads_move_to_the_primary_while_the_replica_is_away_and_back_once_it_returns()
    {
        commands.Reset();
        Assert.That(Headlines(await anonymous!.PostAsync(HomeFeed)), Has.Count.EqualTo(5));
        Assert.That(ContentPorts(), Is.Not.Empty.And.All.EqualTo(replicaPort), "up: anonymous reads come from the replica");

        await forwarder!.DisposeAsync();
        forwarder = null;
        var first = await anonymous.PostAsync(HomeFeed);
        var editorsRead = await editor!.PostAsync(HomeFeed);
        commands.Reset();
        var next = await anonymous.PostAsync(HomeFeed);

        Assert.Multiple(() =>
        {
            // The request that met the outage may be refused, as retryable; none after it is.
            Assert.That(first.Errors.Count == 0 || first.ErrorCodes.All(c => c == "SERVICE_UNAVAILABLE"), Is.True, first.Body);
            Assert.That(editorsRead.Errors, Is.Empty, "the primary is not thought down with the replica: " + editorsRead.Body);
            Assert.That(next.Errors, Is.Empty, next.Body);
            Assert.That(Headlines(next), Has.Count.EqualTo(5));
            Assert.That(ContentPorts(), Is.Not.Empty.And.All.EqualTo(primary!.Port), "away: anonymous reads come from the primary");
        });

        forwarder = TcpForwarder.Start(replicaPort, replica!.Port);
        var waited = Stopwatch.StartNew();
        var back = false;
        while (!back && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            commands.Reset();
            var response = await anonymous.PostAsync(HomeFeed);
            Assert.That(response.Errors, Is.Empty, "no reader is refused while the probe looks: " + response.Body);
            back = ContentPorts() is [_, ..] ports && ports.All(p => p == replicaPort);
            await Task.Delay(back ? 0 : 100);
        }

        Assert.That(back, Is.True, "back: anonymous reads come from the replica again");
    }

    private static List<string> Headlines(GraphQLResponse response) =>
        [.. response.Data.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("headline").GetString()!)];

    private List<int> ContentPorts() =>
        [.. commands.Commands.Where(c => !c.Sql.Contains("api_keys", StringComparison.Ordinal)).Select(c => c.Port)];

}
