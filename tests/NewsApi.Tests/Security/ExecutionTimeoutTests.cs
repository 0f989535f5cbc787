using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// A request that runs too long is stopped with TIMEOUT, and so is its SQL: PostgreSQL is asked to cancel the
/// command, so no backend keeps sleeping after the client has its answer (or has gone).
/// </summary>
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class ExecutionTimeoutTests(TestStore store) : StoreFixture(store)
{
    private readonly SlowCommandInterceptor slow = new("ticker_items", 30);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:Limits:ExecutionTimeout"] = "00:00:03",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(slow);

    [Test]
    [CancelAfter(20_000)]
    public async Task A_query_past_the_timeout_is_504_TIMEOUT_and_its_sql_is_cancelled()
    {
        var timer = Stopwatch.StartNew();

        var response = await Client.PostAsync("{ ticker { headline } }");

        TestContext.Out.WriteLine($"answered after {timer.ElapsedMilliseconds} ms");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout), response.Body);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "TIMEOUT" }));
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(7)));
        Assert.That(await slow.SleepingBackendsAfterAsync(Factory.ConnectionString, TimeSpan.FromSeconds(3)), Is.Zero, "the pg_sleep command still runs");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_client_that_disconnects_cancels_the_sql()
    {
        using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ ticker { headline } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        var timer = Stopwatch.StartNew();

        Assert.That(async () => await Client.Http.SendAsync(request, leaving.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(await slow.SleepingBackendsAfterAsync(Factory.ConnectionString, TimeSpan.FromSeconds(5)), Is.Zero, "the pg_sleep command outlived its client");
        TestContext.Out.WriteLine($"no sleeping backend {timer.ElapsedMilliseconds} ms after the request started");
        // Well before the 3 s execution timeout would have cancelled it anyway.
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)));
    }
}
