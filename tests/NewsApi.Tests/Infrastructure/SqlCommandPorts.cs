using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Which PostgreSQL server (by port) ran each SQL command of the test's own requests, so a test can tell the
/// primary's work from the replica's. Like <see cref="SqlCommandCounter"/>, only the test's execution flow counts.
/// </summary>
public sealed class SqlCommandPorts : DbCommandInterceptor
{
    private static readonly AsyncLocal<SqlCommandPorts?> Measuring = new();

    private readonly ConcurrentQueue<(int Port, string Sql)> commands = new();

    public IReadOnlyList<(int Port, string Sql)> Commands => [.. commands];

    /// <summary>Starts recording afresh, from here on in the calling test's flow.</summary>
    public void Reset()
    {
        commands.Clear();
        Measuring.Value = this;
    }

    private void Record(DbCommand command)
    {
        if (Measuring.Value == this && command.Connection is NpgsqlConnection connection)
        {
            commands.Enqueue((connection.Port, command.CommandText));
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
