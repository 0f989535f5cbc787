using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>
/// Fans the event log out to this instance's live subscribers. Whatever wakes it (a local commit, a PostgreSQL
/// NOTIFY from another instance, a reconnect, the fallback poll), it reads the log from the last sequence it
/// delivered, so every subscriber sees every event once and in order. A subscriber that cannot keep up has a
/// bounded queue and is cut off rather than slowing the others.
/// </summary>
public sealed partial class ContentEventHub(IServiceScopeFactory scopes, ILogger<ContentEventHub> logger) : IDisposable
{
    /// <summary>Events a subscriber may have waiting before it is disconnected as too slow.</summary>
    public const int SubscriberQueueLength = 1_000;

    private const int ReadBatch = 500;

    private readonly Lock gate = new();
    private readonly List<Subscriber> subscribers = [];
    private readonly SemaphoreSlim pump = new(1, 1);
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long delivered = -1;

    /// <summary>The sequence of the last event handed to subscribers.</summary>
    public long LastDelivered
    {
        get
        {
            lock (gate)
            {
                return delivered;
            }
        }
    }

    internal ChannelReader<bool> Wakeups => wakeups.Reader;

    /// <summary>Asks for a read of the log soon; cheap and safe to call from anywhere, any number of times.</summary>
    public void Wake() => wakeups.Writer.TryWrite(true);

    /// <summary>Starts delivering after <paramref name="sequence"/> (the log's end when the instance starts).</summary>
    public void StartAfter(long sequence)
    {
        lock (gate)
        {
            if (delivered < 0)
            {
                delivered = sequence;
            }
        }
    }

    /// <summary>A live feed of every event after the returned sequence; dispose it to stop.</summary>
    public Subscriber Subscribe()
    {
        lock (gate)
        {
            var subscriber = new Subscriber(this, delivered);
            subscribers.Add(subscriber);
            return subscriber;
        }
    }

    /// <summary>Reads the log past what was delivered and hands each event to every subscriber.</summary>
    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        await pump.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var after = LastDelivered;
                if (after < 0)
                {
                    return;
                }

                await using var scope = scopes.CreateAsyncScope();
                var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<NewsDbContext>>();
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var batch = await db.ContentEvents.TagWith(SqlTags.Background).Where(e => e.Id > after).OrderBy(e => e.Id).Take(ReadBatch).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return;
                }

                lock (gate)
                {
                    NewsApi.Hosting.Telemetry.NewsTelemetry.EventsDelivered.Add((long)batch.Count * subscribers.Count);
                    foreach (var contentEvent in batch)
                    {
                        foreach (var subscriber in subscribers.ToList())
                        {
                            if (!subscriber.Offer(contentEvent))
                            {
                                LogSlowSubscriber(logger, SubscriberQueueLength, contentEvent.Id);
                                subscriber.Drop(new SlowSubscriberException());
                            }
                        }

                        delivered = contentEvent.Id;
                    }
                }

                if (batch.Count < ReadBatch)
                {
                    return;
                }
            }
        }
        finally
        {
            pump.Release();
        }
    }

    public void Dispose() => pump.Dispose();

    private void Remove(Subscriber subscriber)
    {
        lock (gate)
        {
            subscribers.Remove(subscriber);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber fell {Limit} events behind at sequence {Sequence} and was disconnected")]
    private static partial void LogSlowSubscriber(ILogger logger, int limit, long sequence);

    /// <summary>One live feed: events after <see cref="StartsAfter"/>, in order.</summary>
    public sealed class Subscriber : IDisposable
    {
        private readonly ContentEventHub hub;
        private readonly Channel<ContentEvent> queue = Channel.CreateBounded<ContentEvent>(new BoundedChannelOptions(SubscriberQueueLength) { SingleReader = true });

        internal Subscriber(ContentEventHub hub, long startsAfter)
        {
            this.hub = hub;
            StartsAfter = startsAfter;
        }

        /// <summary>The last sequence this feed will not carry: anything before it must come from the log.</summary>
        public long StartsAfter { get; }

        public ChannelReader<ContentEvent> Events => queue.Reader;

        public void Dispose()
        {
            hub.Remove(this);
            queue.Writer.TryComplete();
        }

        internal bool Offer(ContentEvent contentEvent) => queue.Writer.TryWrite(contentEvent);

        internal void Drop(Exception reason)
        {
            hub.Remove(this);
            queue.Writer.TryComplete(reason);
        }
    }
}
