using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Makes PostgreSQL sleep before every SELECT that reads <paramref name="table"/>, in the server's own command, so a
/// test sees whether cancelling the request cancels the command on the database.
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
}
