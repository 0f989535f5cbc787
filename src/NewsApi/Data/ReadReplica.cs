using Microsoft.EntityFrameworkCore;

namespace NewsApi.Data;

/// <summary>
/// The PostgreSQL streaming replica named by <c>ConnectionStrings:NewsReplica</c>, when there is one, and whether it
/// can be read now. Only <see cref="ReadContexts"/> hands its contexts out: everything else in the server works on the
/// primary. A replica found unreachable (<see cref="ReplicaFaultInterceptor"/>) is left alone for
/// <see cref="DatabaseOptions.ReplicaRetryAfter"/>, during which reads go to the primary; then one background probe,
/// not a reader's request, finds out whether it is back.
/// </summary>
public sealed class ReadReplica
{
    public const string ConnectionStringName = "NewsReplica";

    // Set on the driver's exception, so that the request that met it can tell a replica outage from the primary's.
    private const string FaultMarker = "NewsApi.ReplicaFault";

    private readonly TimeSpan retryAfter;
    private IDbContextFactory<NewsDbContext>? contexts;
    private long unavailableUntil;
    private int probing;

    /// <summary>No replica.</summary>
    public ReadReplica()
    {
    }

    public ReadReplica(TimeSpan retryAfter) => this.retryAfter = retryAfter;

    /// <summary>The replica's contexts; null when no replica is configured.</summary>
    public IDbContextFactory<NewsDbContext>? Contexts => contexts;

    /// <summary>Configured, and not found unreachable within the last <see cref="DatabaseOptions.ReplicaRetryAfter"/>.</summary>
    public bool IsAvailable
    {
        get
        {
            if (contexts is null)
            {
                return false;
            }

            var until = Interlocked.Read(ref unavailableUntil);
            if (until == 0)
            {
                return true;
            }

            if (Environment.TickCount64 >= until && Interlocked.CompareExchange(ref probing, 1, 0) == 0)
            {
                _ = ProbeAsync();
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) was met on the replica.</summary>
    public static bool IsReplicaFault(Exception exception) =>
        exception.Data.Contains(FaultMarker) || (exception.InnerException is { } inner && IsReplicaFault(inner));

    internal void Attach(IDbContextFactory<NewsDbContext> replicaContexts) => contexts = replicaContexts;

    /// <summary>The replica could not be reached: reads go to the primary until a probe finds it back.</summary>
    internal void ReportUnavailable(Exception exception)
    {
        MarkFault(exception);
        Interlocked.Exchange(ref unavailableUntil, Environment.TickCount64 + (long)retryAfter.TotalMilliseconds);
    }

    /// <summary>The replica failed this one statement (it stays in use): the request's answer says so, the server is fine.</summary>
    internal static void MarkFault(Exception exception) => exception.Data[FaultMarker] = true;

    private async Task ProbeAsync()
    {
        try
        {
            await using var db = await contexts!.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync($"-- {SqlTags.Background}\nSELECT 1");
            Interlocked.Exchange(ref unavailableUntil, 0);
        }
        catch (Exception exception) when (DatabaseReadiness.IsUnavailableFault(exception))
        {
            // Still away: the next probe waits another pause (the interceptor has usually marked this already).
            ReportUnavailable(exception);
        }
        finally
        {
            Volatile.Write(ref probing, 0);
        }
    }
}
