using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Fails the next <see cref="InsertFailureInjector.Failures"/> commands that insert into <paramref name="table"/> the
/// way a lost write conflict fails on <paramref name="store"/>: PostgreSQL's deadlock error (40P01), SQLite's
/// "database is locked".
/// </summary>
public sealed class WriteConflictInjector(TestStore store, string table) : InsertFailureInjector(table, () => store == TestStore.Postgres
    ? new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)
    : new SqliteException("database is locked", 5));
