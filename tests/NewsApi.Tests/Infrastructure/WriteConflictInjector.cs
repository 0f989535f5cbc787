using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Fails the next <see cref="Failures"/> commands that insert into <paramref name="table"/> the way a lost write
/// conflict fails on <paramref name="store"/>: PostgreSQL's deadlock error (40P01), SQLite's "database is locked".
/// </summary>
public sealed class WriteConflictInjector(TestStore store, string table) : DbCommandInterceptor
{
    private int failures;

    public int Failures
    {
        get => Volatile.Read(ref failures);
        set => Volatile.Write(ref failures, value);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        FailIfDue(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        FailIfDue(command);
        return ValueTask.FromResult(result);
    }

    private void FailIfDue(DbCommand command)
    {
        // PostgreSQL's SQL names the table bare, SQLite's quoted.
        var inserts = command.CommandText.Contains($"INSERT INTO {table} ", StringComparison.Ordinal)
            || command.CommandText.Contains($"INSERT INTO \"{table}\" ", StringComparison.Ordinal);
        if (!inserts)
        {
            return;
        }

        if (Interlocked.Decrement(ref failures) < 0)
        {
            // None were due: put the count back.
            Interlocked.Increment(ref failures);
            return;
        }

        throw store == TestStore.Postgres
            ? new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)
            : new SqliteException("database is locked", 5);
    }
}
