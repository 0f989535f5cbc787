using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsApi.Data;

/// <summary>
/// Waits until the read replica has replayed everything the primary has committed so far. Whatever acts on an event
/// for replica readers (evicting a cached answer, purging a CDN) waits for this first: evicted too early, the answer
/// would be read again from a replica that has not seen the write, and cached stale for its whole max-age.
/// PostgreSQL announces no replay progress, so the replica is asked again every few milliseconds, up to
/// <see cref="DatabaseOptions.ReplicaCatchUpLimit"/>; past that (a replica down or far behind) the caller goes on.
/// </summary>
public sealed partial class ReplicaCatchUp(
    IDbContextFactory<NewsDbContext> primary,
    ReadReplica replica,
    IOptions<DatabaseOptions> options,
    ILogger<ReplicaCatchUp> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (replica.Contexts is not { } standby)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.ReplicaCatchUpLimit);
        try
        {
            string target;
            await using (var db = await primary.CreateDbContextAsync(limit.Token))
            {
                // The insert position, not the write one: with synchronous_commit off a commit is inserted before it is written.
                target = await db.Database.SqlQuery<string>($"SELECT pg_current_wal_insert_lsn()::text AS \"Value\"")
                    .TagWith(SqlTags.Background).SingleAsync(limit.Token);
            }

            await using var replicaDb = await standby.CreateDbContextAsync(limit.Token);
            // Not in recovery (NewsReplica names a primary) means there is nothing to wait for.
            while (!await replicaDb.Database
                .SqlQuery<bool>($"SELECT coalesce(pg_last_wal_replay_lsn() >= {target}::pg_lsn, true) AS \"Value\"")
                .TagWith(SqlTags.Background).SingleAsync(limit.Token))
            {
                await Task.Delay(PollInterval, limit.Token);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotCaughtUp(logger, options.Value.ReplicaCatchUpLimit, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica did not replay the primary's latest writes within {Limit}; going on without it")]
    private static partial void LogNotCaughtUp(ILogger logger, TimeSpan limit, Exception exception);
}
