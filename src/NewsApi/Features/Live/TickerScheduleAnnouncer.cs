using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>
/// Announces ticker items that go on air or expire with the passing of time — nothing is written at those moments,
/// so without this no subscriber or syncing app would hear of them. Every instance runs it; the event log's lock and
/// the re-check inside it make sure each is announced once.
/// </summary>
public sealed partial class TickerScheduleAnnouncer(
    IDbContextFactory<NewsDbContext> contexts,
    TimeProvider clock,
    ILogger<TickerScheduleAnnouncer> logger) : BackgroundService
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
        if (!await Started(db, now, since).AnyAsync(cancellationToken) && !await Expired(db, now, since).AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ContentEventRecorder.LockEventLogAsync(db, cancellationToken);
        var started = await Started(db, now, since).ToListAsync(cancellationToken);
        var expired = await Expired(db, now, since).ToListAsync(cancellationToken);
        db.ContentEvents.AddRange(started.Select(item => Announce(ContentEventKind.TickerAdded, item, now)));
        db.ContentEvents.AddRange(expired.Select(item => Announce(ContentEventKind.TickerExpired, item, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return started.Count + expired.Count;
    }

    private static ContentEvent Announce(ContentEventKind kind, TickerItem item, DateTime now) => new()
    {
        Kind = kind,
        EntityId = item.Id,
        OccurredAt = now,
        Snapshot = JsonSerializer.Serialize(TickerSnapshot.Of(item), SnapshotJson),
    };

    /// <summary>On air now, but not yet announced since it went on air (it was added while still in the future).</summary>
    private static IQueryable<TickerItem> Started(NewsDbContext db, DateTime now, DateTime since) =>
        db.TickerItems.TagWith(SqlTags.Background).Where(t => t.StartsAt <= now && t.StartsAt > since && (t.ExpiresAt == null || t.ExpiresAt > now)
            && !db.ContentEvents.Any(e => e.Kind == ContentEventKind.TickerAdded && e.EntityId == t.Id && e.OccurredAt >= t.StartsAt));

    private static IQueryable<TickerItem> Expired(NewsDbContext db, DateTime now, DateTime since) =>
        db.TickerItems.TagWith(SqlTags.Background).Where(t => t.ExpiresAt != null && t.ExpiresAt <= now && t.ExpiresAt > since
            && !db.ContentEvents.Any(e => e.Kind == ContentEventKind.TickerExpired && e.EntityId == t.Id && e.OccurredAt >= t.ExpiresAt));

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcing ticker items going on or off the air failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
