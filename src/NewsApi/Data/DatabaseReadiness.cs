namespace NewsApi.Data;

/// <summary>
/// Whether the store can take requests: brought up to date since the process started, and not seen failing in the
/// last moment. Until it has been brought up, requests are refused with SERVICE_UNAVAILABLE and /health/ready says 503,
/// while /health/live keeps saying the process is up. After a request finds the database unreachable, the next ones
/// are refused the same way for <see cref="PauseAfterFailure"/> instead of each waiting on a dead server: clients
/// fail fast, and the first request after the pause finds out whether it is back.
/// </summary>
public sealed class DatabaseReadiness
{
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(1);

    private volatile bool initialized;
    private volatile string? lastFailure;
    private long unavailableUntil;

    public bool IsInitialized => initialized;

    /// <summary>Initialized and not within the pause after a failure.</summary>
    public bool IsAvailable => initialized && Environment.TickCount64 >= Interlocked.Read(ref unavailableUntil);

    /// <summary>Whether <paramref name="exception"/> means the database is down or restarting, rather than a bug.</summary>
    public static bool IsUnavailableFault(Exception exception) => exception switch
    {
        // Npgsql calls a deadlock transient, and it is, but the database is up: one write lost to another.
        _ when WriteConflicts.IsWriteConflict(exception) => false,
        System.Data.Common.DbException { IsTransient: true } => true,
        DatabaseUnavailableException => true,
        // The server ended the session (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now) or the
        // connection failed (class 08): whatever the driver's transient list says, the statement never completed.
        Npgsql.PostgresException { SqlState: ['5', '7', 'P', _, _] or ['0', '8', _, _, _] } => true,
        // Npgsql raises its own exception (not a PostgresException) only for the connection itself: broken, timed out,
        // pool exhausted while the server is unreachable.
        Npgsql.NpgsqlException and not Npgsql.PostgresException => true,
        System.Net.Sockets.SocketException => true,
        _ => exception.InnerException is { } inner && IsUnavailableFault(inner),
    };

    /// <summary>A request found the database unreachable.</summary>
    public void ReportUnavailable() =>
        Interlocked.Exchange(ref unavailableUntil, Environment.TickCount64 + (long)PauseAfterFailure.TotalMilliseconds);

    /// <summary>Why the last attempt to bring the store up failed, for the readiness probe's description.</summary>
    public string? LastFailure => lastFailure;

    internal void MarkInitialized()
    {
        lastFailure = null;
        initialized = true;
    }

    internal void MarkFailed(string reason) => lastFailure = reason;
}
