using System.Diagnostics;
using System.Net;
using NewsApi.Tests.Infrastructure;
using Npgsql;

namespace NewsApi.Tests.Hosting;

/// <summary>
/// PostgreSQL unreachable when the server starts: the process stays up (live), says it is not ready, answers GraphQL
/// with 503 SERVICE_UNAVAILABLE, and becomes ready by itself once the database answers, with no restart.
/// </summary>
[NonParallelizable]
public sealed class DatabaseDownAtStartupTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task The_server_waits_for_the_database_and_becomes_ready_when_it_answers()
    {
        var server = await TestRun.PostgresAsync();
        var real = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        var port = TcpForwarder.FreePort();
        var unreachable = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;
        await using var factory = await NewsApiFactory.CreateAsync(TestStore.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:News"] = unreachable,
            ["Database:StartupRetryDelay"] = "00:00:00.200",
        });
        var client = new GraphQLClient(factory.CreateClient());

        using (var live = await client.Http.GetAsync("/health/live"))
        using (var ready = await client.Http.GetAsync("/health/ready"))
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        var refused = await client.PostAsync("{ ticker { headline } }");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "SERVICE_UNAVAILABLE" }));

        await using var database = TcpForwarder.Start(port, real.Port);
        var timer = Stopwatch.StartNew();
        while (true)
        {
            using var ready = await client.Http.GetAsync("/health/ready");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "never became ready");
            await Task.Delay(100);
        }

        TestContext.Out.WriteLine($"ready {timer.ElapsedMilliseconds} ms after the database came up");
        var answered = await client.PostAsync("{ ticker(first: 1) { headline } }");
        Assert.That(answered.Errors, Is.Empty, answered.Body);
        Assert.That(answered.Data.GetProperty("ticker").GetArrayLength(), Is.EqualTo(1));
    }
}
