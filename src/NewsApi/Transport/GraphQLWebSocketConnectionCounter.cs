using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using NewsApi.Security;

namespace NewsApi.Transport;

/// <summary>
/// Open graphql-transport-ws connections per API key (anonymous ones per client address), so one key or one
/// address cannot hold every socket the instance has. Counts are per instance: each instance enforces its own cap.
/// </summary>
public sealed class GraphQLWebSocketConnectionCounter(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Open connections of every owner together.</summary>
    public int Total => open.Values.Sum();

    /// <summary>Counts a connection for <paramref name="user"/>; null when its owner is at the cap.</summary>
    public IDisposable? TryOpen(ClaimsPrincipal user, System.Net.IPAddress? address)
    {
        var keyId = user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value;
        var owner = keyId is not null ? "key:" + keyId
            : user.Identity?.IsAuthenticated == true ? "user:" + user.Identity.Name
            : "address:" + (address?.ToString() ?? "unknown");
        var limit = keyId is not null || user.Identity?.IsAuthenticated == true
            ? options.Value.MaxConnectionsPerKey
            : options.Value.MaxAnonymousConnectionsPerAddress;

        while (true)
        {
            var current = open.GetOrAdd(owner, 0);
            if (current >= limit)
            {
                return null;
            }

            if (open.TryUpdate(owner, current + 1, current))
            {
                return new Lease(this, owner);
            }
        }
    }

    private void Release(string owner)
    {
        while (true)
        {
            var current = open[owner];
            if (current <= 1 ? open.TryRemove(new KeyValuePair<string, int>(owner, current)) : open.TryUpdate(owner, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Lease(GraphQLWebSocketConnectionCounter counter, string owner) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                counter.Release(owner);
            }
        }
    }
}
