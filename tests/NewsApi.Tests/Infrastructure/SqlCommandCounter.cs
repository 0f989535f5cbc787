using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the server runs for the test's own requests, so a test can pin how many one GraphQL
/// request costs. Only commands in the test's execution flow count (the test server preserves it into the
/// request), so the server's background work — the live-event hub, the expiry announcer — never skews a count.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<SqlCommandCounter?> Measuring = new();

    private readonly ConcurrentQueue<string> commands = new();

    private void Record(DbCommand command)
    {
        if (Measuring.Value == this)
        {
            commands.Enqueue(command.CommandText);
        }
    }

    public int Count => commands.Count;

    public IReadOnlyList<string> Commands => [.. commands];

    /// <summary>Starts counting afresh, from here on in the calling test's flow.</summary>
    public void Reset()
    {
        commands.Clear();
        Measuring.Value = this;
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
