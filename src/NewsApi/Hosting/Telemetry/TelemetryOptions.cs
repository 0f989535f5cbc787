namespace NewsApi.Hosting.Telemetry;

/// <summary>Where telemetry goes, bound from <c>Telemetry</c>. With nothing set, nothing is collected.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP collector address; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable works too.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    public sealed class PrometheusOptions
    {
        /// <summary>Serve metrics for scraping at <see cref="Path"/>; off by default (it is public).</summary>
        public bool Enabled { get; set; }

        public string Path { get; set; } = "/metrics";
    }
}
