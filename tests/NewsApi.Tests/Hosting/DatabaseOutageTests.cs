using System.Diagnostics;
using System.Net;
using NewsApi.Tests.Infrastructure;
using Npgsql;

namespace NewsApi.Tests.Hosting;

/// <summary>
/// PostgreSQL goes away under a running server and comes back: requests get SERVICE_UNAVAILABLE (never a 500),
/// readiness says 503, and the server serves again by itself once the database answers.
/// </summary>
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Requests_fail_fast_with_service_unavailable_and_the_server_recovers_by_itself()
    {
        var server = await TestRun.PostgresAsync();
        var real = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        var port = TcpForwarder.FreePort();
        var forwarded = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
        var database = TcpForwarder.Start(port, real.Port);
        await using var factory = await NewsApiFactory.CreateAsync(TestStore.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:News"] = forwarded,
        });
        var client = new GraphQLClient(factory.CreateClient());
        var before = await client.PostAsync("{ ticker(first: 1) { headline } }");
        Assert.That(before.Errors, Is.Empty, before.Body);

        await database.DisposeAsync();
        var codes = new List<string?>();
        var statuses = new List<HttpStatusCode>();
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var during = await client.PostAsync("{ ticker(first: 1) { headline } }");
            statuses.Add(during.StatusCode);
            codes.AddRange(during.ErrorCodes);
        }

        TestContext.Out.WriteLine($"20 requests while down in {timer.ElapsedMilliseconds} ms: {string.Join(", ", statuses.Select(s => (int)s))}");
        Assert.That(codes, Is.Not.Empty.And.All.EqualTo("SERVICE_UNAVAILABLE"));
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(statuses, Does.Contain(HttpStatusCode.ServiceUnavailable), "later requests are refused before execution");
        using (var ready = await client.Http.GetAsync("/health/ready"))
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        await using var back = TcpForwarder.Start(port, real.Port);
        timer.Restart();
        while (true)
        {
            var after = await client.PostAsync("{ ticker(first: 1) { headline } }");
            if (after.Errors.Count == 0)
            {
                break;
            }

            Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), after.Body);
            await Task.Delay(100);
        }

        TestContext.Out.WriteLine($"serving again {timer.ElapsedMilliseconds} ms after the database came back");
        using var readyAgain = await client.Http.GetAsync("/health/ready");
        Assert.That(readyAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
