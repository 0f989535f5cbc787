using System.Net;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Hosting;

/// <summary>With <c>Telemetry:Prometheus:Enabled</c>, metrics are served for scraping at /metrics.</summary>
[TestFixture(TestStore.Sqlite)]
public sealed class PrometheusEnabledTests(TestStore store) : StoreFixture(store)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telemetry:Prometheus:Enabled"] = "true",
    };

    [Test]
    public async Task After_a_graphql_request_metrics_show_the_operation_by_name_and_the_http_server_metric()
    {
        var response = await Client.PostAsync("query MetricsProbe { ticker(first: 1) { headline } }");
        Assert.That(response.Errors, Is.Empty, response.Body);

        using var metrics = await Client.Http.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var operationLines = text.Split('\n').Where(line => line.StartsWith("newsapi_graphql_operation_duration_seconds_count", StringComparison.Ordinal)).ToList();
        Assert.That(operationLines, Has.Some.Contains("graphql_operation_name=\"MetricsProbe\"").And.Some.Contains("graphql_operation_type=\"query\""), text);
        Assert.That(text, Does.Contain("newsapi_graphql_operation_cost"), text);
        Assert.That(text, Does.Contain("http_server_request_duration_seconds_count"), text);
    }
}
