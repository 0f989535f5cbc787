using System.Runtime.CompilerServices;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>The ticker's changes as readers may see them, for the GraphQL subscription and the event stream alike.</summary>
public static class TickerChangeFeed
{
    public static async IAsyncEnumerable<TickerChange> ReadAsync(LiveEvents events, long? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var contentEvent in events.ReadAsync(since, cancellationToken))
        {
            TickerChangeKind? kind = contentEvent.Kind switch
            {
                ContentEventKind.TickerAdded => TickerChangeKind.Added,
                ContentEventKind.TickerUpdated => TickerChangeKind.Updated,
                ContentEventKind.TickerExpired => TickerChangeKind.Expired,
                ContentEventKind.TickerRemoved => TickerChangeKind.Removed,
                _ => null,
            };
            if (kind is null || contentEvent.Snapshot is null)
            {
                continue;
            }

            var item = TickerSnapshot.Restore(contentEvent.Snapshot);

            // Readers see an item while it is on air; taking it down is always news.
            var onAir = item.StartsAt <= contentEvent.OccurredAt && (item.ExpiresAt is null || item.ExpiresAt > contentEvent.OccurredAt);
            if (kind is TickerChangeKind.Added or TickerChangeKind.Updated && !onAir)
            {
                continue;
            }

            yield return new TickerChange(kind.Value, item, contentEvent.Id);
        }
    }
}
