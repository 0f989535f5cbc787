using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Features.Search;

/// <summary>Gives every SQLite connection the scoring function search queries call (PostgreSQL has ts_rank).</summary>
public sealed class SqliteSearchFunctions : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string, string, string, string, string, double>(SearchScore.SqliteFunctionName, SearchScore.Compute, isDeterministic: true);
        }
    }
}
