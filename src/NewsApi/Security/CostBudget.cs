using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsApi.Security;

/// <summary>
/// Every caller's budget of cost points: a token bucket per key (sized by key name, else role) and per IP address for
/// anonymous callers. Validated operations are charged their cost before they execute; an operation the bucket cannot
/// pay for is refused (<see cref="ErrorCodes.RateLimited"/>). An operation dearer than a full bucket takes the
/// whole bucket rather than being refused for ever.
/// </summary>
public sealed class CostBudget(IOptions<RateLimitOptions> options, IHttpContextAccessor http) : IDisposable
{
    private readonly PartitionedRateLimiter<Partition> limiter = PartitionedRateLimiter.Create<Partition, string>(
        partition => RateLimitPartition.GetTokenBucketLimiter(partition.Key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = partition.Budget.MaximumAvailable,
            TokensPerPeriod = partition.Budget.RestoreRate,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public CostCharge Charge(ClaimsPrincipal? user, int cost)
    {
        var partition = PartitionOf(user);
        var budget = partition.Budget;
        var permits = Math.Clamp(cost, 1, budget.MaximumAvailable);
        if (!options.Value.Enabled)
        {
            return new CostCharge(true, cost, budget.MaximumAvailable, budget.MaximumAvailable, budget.RestoreRate);
        }

        using var lease = limiter.AttemptAcquire(partition, permits);
        var available = (int)(limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0);
        return new CostCharge(lease.IsAcquired, cost, budget.MaximumAvailable, available, budget.RestoreRate);
    }

    private Partition PartitionOf(ClaimsPrincipal? user)
    {
        var limits = options.Value;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var keyId = user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? user.Identity.Name ?? "unnamed";
            var name = user.Identity.Name;
            var caller = Caller.From(user);
            var budget = name is not null && limits.Keys.TryGetValue(name, out var own) ? own
                : caller.Role is { } role && limits.Roles.TryGetValue(RoleNames.Of(role), out var byRole) ? byRole
                : limits.Anonymous;
            return new Partition($"key:{keyId}", budget);
        }

        var address = http.HttpContext?.Connection.RemoteIpAddress ?? IPAddress.None;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new Partition($"ip:{address}", limits.Anonymous);
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>A bucket's identity; the budget travels with it because the limiter builds a bucket on first use.</summary>
    private sealed record Partition(string Key, CostBudgetOptions Budget);
}
