using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>
/// Requests beyond <c>GraphQL:Http:MaxConcurrentExecutions</c> wait their turn, and one that leaves the line gives its
/// place back. One slot and a ticker query that sleeps in PostgreSQL make the line visible.
/// </summary>
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class GraphQLExecutionSlotsTests(TestStore store) : StoreFixture(store)
{
    private readonly SlowCommandInterceptor slow = new("ticker_items", 2);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:Http:MaxConcurrentExecutions"] = "1",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(slow);

    [Test]
    [CancelAfter(30_000)]
    public async Task A_request_waits_while_every_slot_is_taken_then_is_answered()
    {
        var slowRequest = Client.PostAsync("{ ticker { headline } }");
        await slow.UntilSleepingAsync(Factory.ConnectionString);
        var timer = Stopwatch.StartNew();

        var waiting = await Client.PostAsync("{ __typename }");

        TestContext.Out.WriteLine($"the second request was answered after {timer.ElapsedMilliseconds} ms");
        Assert.That(waiting.StatusCode, Is.EqualTo(HttpStatusCode.OK), waiting.Body);
        Assert.That(waiting.Data.GetProperty("__typename").GetString(), Is.EqualTo("Query"));
        // The holder's sleep had about two seconds left when the second request was sent; without the line it is
        // answered in milliseconds.
        Assert.That(timer.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1)));
        Assert.That((await slowRequest).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_client_that_leaves_the_line_gives_its_place_back()
    {
        var slowRequest = Client.PostAsync("{ ticker { headline } }");
        await slow.UntilSleepingAsync(Factory.ConnectionString);
        using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        Assert.That(async () => await Client.Http.SendAsync(request, leaving.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(slowRequest.IsCompleted, Is.False, "the slot holder finished before the test could leave the line");
        Assert.That((await slowRequest).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // With the place not given back, the one slot would stay taken and this would wait forever.
        var next = await Client.PostAsync("{ __typename }");
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), next.Body);
    }
}
