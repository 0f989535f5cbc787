using GraphQL.DI;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsApi.Hosting.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry traces and metrics for HTTP, GraphQL operations, Npgsql and live subscriptions, exported over
    /// OTLP when a collector is configured and served for Prometheus when <c>Telemetry:Prometheus:Enabled</c>.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureExecution, GraphQLOperationTelemetry>();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        var otlp = options.OtlpEndpoint is not null || !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!otlp && !options.Prometheus.Enabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("NewsApi"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(NewsTelemetry.MeterName, "Npgsql");
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            // Traces only go somewhere over OTLP; Prometheus alone collects none.
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(NewsTelemetry.ActivitySourceName).AddNpgsql());
            if (options.OtlpEndpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when enabled (404 otherwise, like any unknown path).</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        }

        return app;
    }
}
