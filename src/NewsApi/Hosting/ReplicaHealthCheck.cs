using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsApi.Data;

namespace NewsApi.Hosting;

/// <summary>
/// Degraded, not unhealthy, when the read replica does not answer: every instance shares it, so taking instances out
/// of rotation would not help, while editors, mutations and subscriptions (all on the primary) still work.
/// </summary>
internal sealed class ReplicaHealthCheck(ReadReplica replica) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (replica.Contexts is not { } contexts)
        {
            return HealthCheckResult.Healthy("No read replica is configured.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("The read replica does not answer: anonymous and partner queries fail.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"The read replica did not answer within {ProbeTimeout.TotalSeconds} s.");
        }
    }
}
