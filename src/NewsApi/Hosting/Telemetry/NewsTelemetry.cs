using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsApi.Hosting.Telemetry;

/// <summary>
/// The API's own activity source and instruments. Recording costs next to nothing while nobody listens; the
/// OpenTelemetry SDK (see <see cref="TelemetryRegistration"/>) listens only when an exporter is configured.
/// </summary>
public static class NewsTelemetry
{
    public const string ActivitySourceName = "NewsApi.GraphQL";
    public const string MeterName = "NewsApi";

    public static readonly ActivitySource GraphQL = new(ActivitySourceName);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Wall time of GraphQL operations (its count is the operation count), by name, type and outcome.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "newsapi.graphql.operation.duration", "s", "Duration of GraphQL operations.");

    /// <summary>The cost the validation computed for each operation.</summary>
    public static readonly Histogram<int> OperationCost = Meter.CreateHistogram<int>(
        "newsapi.graphql.operation.cost", "{cost}", "Computed cost of GraphQL operations.");

    public static readonly UpDownCounter<long> WebSocketConnections = Meter.CreateUpDownCounter<long>(
        "newsapi.websocket.connections", "{connection}", "Open graphql-transport-ws connections.");

    public static readonly UpDownCounter<long> ActiveSubscriptions = Meter.CreateUpDownCounter<long>(
        "newsapi.subscriptions.active", "{subscription}", "Subscriptions streaming over WebSocket.");

    /// <summary>Events handed to live subscribers (one per event per subscriber).</summary>
    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "newsapi.events.delivered", "{event}", "Live events handed to subscribers.");
}
