using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Hosting;

/// <summary>OpenTelemetry with nothing configured: no scrape endpoint, but the GraphQL activity for whoever listens.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class TelemetryTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Without_the_option_there_is_no_metrics_endpoint()
    {
        using var metrics = await Client.Http.GetAsync("/metrics");

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Each_graphql_operation_is_an_activity_with_its_name_type_cost_and_error_codes_under_the_http_request()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "NewsApi.GraphQL" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await Client.PostAsync("query ActivityProbe { ticker(first: 2) { headline } }");
        await Client.PostAsync("query BrokenProbe { noSuchField }");

        var ok = stopped.Single(a => a.Source.Name == "NewsApi.GraphQL" && (string?)a.GetTagItem("graphql.operation.name") == "ActivityProbe");
        Assert.That(ok.GetTagItem("graphql.operation.type"), Is.EqualTo("query"));
        Assert.That(ok.GetTagItem("graphql.cost"), Is.GreaterThan(0));
        Assert.That(ok.GetTagItem("graphql.error.codes"), Is.Null);
        Assert.That(ok.Duration, Is.GreaterThan(TimeSpan.Zero));
        var http = stopped.SingleOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && a.SpanId == ok.ParentSpanId);
        Assert.That(http, Is.Not.Null, "the GraphQL activity is a child of the HTTP request's");
        Assert.That(http!.TraceId, Is.EqualTo(ok.TraceId));

        var broken = stopped.Single(a => a.Source.Name == "NewsApi.GraphQL" && (string?)a.GetTagItem("graphql.operation.name") == "BrokenProbe");
        Assert.That(broken.GetTagItem("graphql.error.codes") as string, Is.Not.Empty);
        Assert.That(broken.Status, Is.EqualTo(ActivityStatusCode.Error));
    }
}
