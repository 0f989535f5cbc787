using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Makes PostgreSQL sleep before every SELECT that reads <paramref name="table"/>, in the server's own command, so a
/// test sees whether cancelling the request cancels the command on the database, or holds a request mid-execution.
/// </summary>
public sealed class SlowCommandInterceptor(string table, int seconds) : DbCommandInterceptor
{
    public string Marker => $"pg_sleep({seconds})";

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains(table, StringComparison.Ordinal))
        {
            command.CommandText = $"SELECT {Marker};\n" + command.CommandText;
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>Until a backend of <paramref name="connectionString"/>'s database runs the sleep: its request is mid-execution.</summary>
    public async Task UntilSleepingAsync(string connectionString)
    {
        while (await SleepingBackendsAsync(connectionString) == 0)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Backends running the sleep, polled until none or <paramref name="deadline"/>.</summary>
    public async Task<long> SleepingBackendsAfterAsync(string connectionString, TimeSpan deadline)
    {
        var timer = Stopwatch.StartNew();
        while (true)
        {
            var sleeping = await SleepingBackendsAsync(connectionString);
            if (sleeping == 0 || timer.Elapsed > deadline)
            {
                return sleeping;
            }

            await Task.Delay(100);
        }
    }

    private async Task<long> SleepingBackendsAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND state = 'active' AND pid <> pg_backend_pid() AND position(@marker in query) > 0",
            connection);
        command.Parameters.AddWithValue("db", database!);
        command.Parameters.AddWithValue("marker", Marker);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
