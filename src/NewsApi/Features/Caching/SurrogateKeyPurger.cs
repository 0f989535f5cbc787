using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Features.Live;

namespace NewsApi.Features.Caching;

/// <summary>
/// Follows the content event log (every write, from any instance, and the scheduled go-lives) and makes what each
/// event staled go away: once a read replica (if any) has replayed it, evicts this instance's server cache and its
/// <see cref="ReferenceCache"/> by the event's keys, then POSTs the keys to <see cref="CachingOptions.PurgeUrl"/>,
/// retrying with doubling waits. Mutations never wait for any of it; the log guarantees every committed write is seen,
/// in order.
/// </summary>
public sealed partial class SurrogateKeyPurger(
    ContentEventHub hub,
    ReplicaCatchUp replica,
    IOutputCacheStore store,
    ReferenceCache references,
    IHttpClientFactory clients,
    IOptions<CachingOptions> options,
    ILogger<SurrogateKeyPurger> logger) : BackgroundService
{
    public const string HttpClientName = "purge";

    private readonly Channel<Purge> outbox = Channel.CreateUnbounded<Purge>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sending = SendAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var subscriber = hub.Subscribe();
                try
                {
                    await FollowAsync(subscriber, stoppingToken);
                }
                catch (SlowSubscriberException)
                {
                    // Events were lost to us: whatever they staled is unknown, so nothing cached can be trusted.
                    LogFellBehind(logger);
                    await EvictAsync([SurrogateKeys.Everything], stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        outbox.Writer.TryComplete();
        await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task FollowAsync(ContentEventHub.Subscriber subscriber, CancellationToken stoppingToken)
    {
        while (await subscriber.Events.WaitToReadAsync(stoppingToken))
        {
            // Everything already waiting goes out as one purge: a bulk change is one request, not hundreds.
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            long last = 0;
            while (subscriber.Events.TryRead(out var contentEvent))
            {
                keys.UnionWith(SurrogateKeys.InvalidatedBy(contentEvent));
                last = contentEvent.Id;
            }

            if (keys.Count == 0)
            {
                continue;
            }

            // Replica readers must find the write when they ask again: evicting before the replica has it would
            // re-cache the old answer.
            await replica.WaitAsync(stoppingToken);
            await EvictAsync(keys, stoppingToken);
            if (options.Value.PurgeUrl is not null)
            {
                outbox.Writer.TryWrite(new Purge([.. keys], last));
            }
        }
    }

    private async Task EvictAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            references.Evict(key);
            await store.EvictByTagAsync(key, cancellationToken);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var client = clients.CreateClient(HttpClientName);
        await foreach (var purge in outbox.Reader.ReadAllAsync(CancellationToken.None))
        {
            var settings = options.Value;
            var delay = settings.PurgeRetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync(settings.PurgeUrl, purge, stoppingToken);
                    response.EnsureSuccessStatusCode();
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    if (attempt >= settings.PurgeAttempts)
                    {
                        LogPurgeGivenUp(logger, attempt, string.Join(' ', purge.Keys), exception);
                        break;
                    }

                    LogPurgeRetry(logger, attempt, exception.Message);
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    delay *= 2;
                }
            }
        }
    }

    /// <summary>The body POSTed to the purge URL: the keys, and the last event sequence they cover.</summary>
    public sealed record Purge(IReadOnlyList<string> Keys, long Sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cache purger fell behind the event log; evicted the whole server cache")]
    private static partial void LogFellBehind(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purge attempt {Attempt} failed: {Reason}; retrying")]
    private static partial void LogPurgeRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purge of {Keys} given up after {Attempt} attempts")]
    private static partial void LogPurgeGivenUp(ILogger logger, int attempt, string keys, Exception exception);
}
