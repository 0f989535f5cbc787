using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Live;

/// <summary>
/// The event stream a subscriber reads: first what it missed since its last sequence (from the log), then live
/// events — joined so that nothing is lost or repeated at the seam.
/// </summary>
public sealed class LiveEvents(ContentEventHub hub, IDbContextFactory<NewsDbContext> contexts)
{
    private const int ReplayBatch = 500;

    public static long? ParseSequence(string? since) =>
        since is null ? null
        : long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence
        : throw new ApiError(ErrorCodes.InvalidCursor, $"`since` must be a sequence number from an earlier event; '{GlobalId.Truncate(since)}' is not.");

    public async IAsyncEnumerable<ContentEvent> ReadAsync(long? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before replaying, so what is committed during the replay waits in the live queue.
        using var live = hub.Subscribe();
        var last = since ?? live.StartsAfter;
        while (last < live.StartsAfter)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var after = last;
            var batch = await db.ContentEvents
                .Where(e => e.Id > after && e.Id <= live.StartsAfter)
                .OrderBy(e => e.Id)
                .Take(ReplayBatch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var missed in batch)
            {
                yield return missed;
                last = missed.Id;
            }
        }

        await foreach (var contentEvent in live.Events.ReadAllAsync(cancellationToken))
        {
            if (contentEvent.Id > last)
            {
                last = contentEvent.Id;
                yield return contentEvent;
            }
        }
    }
}
