using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Fails the next <see cref="Failures"/> commands that insert into <paramref name="table"/> with the driver error
/// <paramref name="failure"/> makes, before the command reaches the database.
/// </summary>
public class InsertFailureInjector(string table, Func<Exception> failure) : DbCommandInterceptor
{
    private int failures;

    public int Failures
    {
        get => Volatile.Read(ref failures);
        set => Volatile.Write(ref failures, value);
    }

    /// <summary>A constraint the database refuses the insert on: neither a write conflict nor an outage.</summary>
    public static Exception ConstraintViolation(TestStore store) => store == TestStore.Postgres
        ? new PostgresException("new row violates check constraint", "ERROR", "ERROR", PostgresErrorCodes.CheckViolation)
        : new SqliteException("CHECK constraint failed", 19);

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

        throw failure();
    }
}
