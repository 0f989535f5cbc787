using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Hosting;

/// <summary>
/// Outside Development the console log is one JSON object per line with the request's scope (RequestId, which is the
/// correlationId clients quote, TraceId, RequestPath), ready for a log pipeline.
/// </summary>
[TestFixture(TestStore.Sqlite)]
public sealed class LoggingTests(TestStore store) : StoreFixture(store)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["environment"] = "Production" };

    [Test]
    public void Production_logs_are_json_with_request_scopes()
    {
        var console = Factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = Factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.That(console.FormatterName, Is.EqualTo(ConsoleFormatterNames.Json));
        Assert.That(json.IncludeScopes, Is.True);
        Assert.That(json.UseUtcTimestamp, Is.True);
    }
}
