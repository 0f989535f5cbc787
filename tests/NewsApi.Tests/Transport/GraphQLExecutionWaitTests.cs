using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>
/// A request that cannot get a turn within <c>GraphQL:Http:MaxExecutionWait</c> is told the server is at capacity
/// (503 SERVICE_UNAVAILABLE with Retry-After), and the line works again once the slot is free.
/// </summary>
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class GraphQLExecutionWaitTests(TestStore store) : StoreFixture(store)
{
    private readonly SlowCommandInterceptor slow = new("ticker_items", 3);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:Http:MaxConcurrentExecutions"] = "1",
        ["GraphQL:Http:MaxExecutionWait"] = "00:00:00.5",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(slow);

    [Test]
    [CancelAfter(30_000)]
    public async Task A_request_that_waits_too_long_is_503_SERVICE_UNAVAILABLE_with_Retry_After()
    {
        var slowRequest = Client.PostAsync("{ ticker { headline } }");
        await slow.UntilSleepingAsync(Factory.ConnectionString);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);
        using var refused = await Client.Http.SendAsync(request);
        var body = await refused.Content.ReadAsStringAsync();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
        Assert.That(body, Does.Contain("\"SERVICE_UNAVAILABLE\""));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(slowRequest.IsCompleted, Is.False, "the slot holder finished before the wait ran out");

        Assert.That((await slowRequest).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = await Client.PostAsync("{ __typename }");
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), next.Body);
    }
}
