using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsApi.Data;

namespace NewsApi.Hosting;

/// <summary>Ready means: the store was brought up at start-up, answers now, and has no migration pending.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<NewsDbContext> contexts, DatabaseReadiness readiness) : IHealthCheck
{
    /// <summary>A probe must answer quickly; a database slower than this is not ready for traffic either.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsInitialized)
        {
            return HealthCheckResult.Unhealthy("The database has not been brought up yet: " + (readiness.LastFailure ?? "starting"));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            if (!await db.Database.CanConnectAsync(timeout.Token))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending, first {pending[0]}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {ProbeTimeout.TotalSeconds} s.");
        }
    }
}
