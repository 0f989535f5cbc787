using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>
/// Announces ticker items whose expiry time has passed — nothing was written when they expired, so without this no
/// subscriber would hear of it. Every instance runs it; the event log's lock and the re-check inside it make sure
/// each expiry is announced once.
/// </summary>
public sealed partial class TickerExpiryAnnouncer(
    IDbContextFactory<NewsDbContext> contexts,
    TimeProvider clock,
    ILogger<TickerExpiryAnnouncer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Expiries older than this when the server comes up are history, not news.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await AnnounceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> AnnounceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Horizon;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Expired(db, now, since).AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ContentEventRecorder.LockEventLogAsync(db, cancellationToken);
        var items = await Expired(db, now, since).ToListAsync(cancellationToken);
        db.ContentEvents.AddRange(items.Select(item => new ContentEvent
        {
            Kind = ContentEventKind.TickerExpired,
            EntityId = item.Id,
            OccurredAt = now,
            Snapshot = JsonSerializer.Serialize(TickerSnapshot.Of(item), SnapshotJson),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return items.Count;
    }

    private static IQueryable<TickerItem> Expired(NewsDbContext db, DateTime now, DateTime since) =>
        db.TickerItems.Where(t => t.ExpiresAt != null && t.ExpiresAt <= now && t.ExpiresAt > since
            && !db.ContentEvents.Any(e => e.Kind == ContentEventKind.TickerExpired && e.EntityId == t.Id && e.OccurredAt >= t.ExpiresAt));

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcing expired ticker items failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
