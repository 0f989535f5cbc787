using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NewsApi.Hosting;

public static class HealthRegistration
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// Health checks: the process for liveness, the database and its migrations for readiness; and the open streams
    /// that are ended properly when the host stops.
    /// </summary>
    public static WebApplicationBuilder AddNewsHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ReplicaHealthCheck>("replica", tags: [ReadyTag]);
        builder.Services.AddSingleton<OpenStreams>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OpenStreams>());
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> answers 200 while the process serves HTTP (a restart would not help anything it checks);
    /// <c>/health/ready</c> answers 200 when the database is reachable and migrated, 503 otherwise (200 "Degraded" when
    /// only the read replica does not answer).
    /// </summary>
    public static WebApplication MapNewsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
