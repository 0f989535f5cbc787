using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsApi.Data;

/// <summary>
/// Two writers that got in each other's way: PostgreSQL chose one of them to fail (a deadlock, 40P01, or a
/// serialization failure, 40001), or SQLite stayed locked past its busy timeout. The database is fine and the
/// failed transaction was rolled back whole, so the write can simply run again.
/// </summary>
public static class WriteConflicts
{
    private const int Attempts = 3;

    public static bool IsWriteConflict(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        _ => exception.InnerException is { } inner && IsWriteConflict(inner),
    };

    /// <summary>
    /// Runs <paramref name="write"/> (one transaction of its own) and runs it again, after a short random pause, when
    /// it lost a write conflict; the last conflict is rethrown.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception conflict) when (attempt < Attempts && IsWriteConflict(conflict))
            {
                // Random, so the two writers do not meet again at the same moment.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }
}
