using Npgsql;

namespace NewsApi.Data;

/// <summary>
/// Closes this instance's idle PostgreSQL connections once the host has stopped. Npgsql's pools are process-wide
/// and keyed by connection string, so without this a stopped instance keeps its connections open for the pool's
/// idle lifetime (5 min): a rolling restart, or a test run that starts a server per fixture, holds slots that
/// <c>max_connections</c> counts until they expire.
/// </summary>
internal sealed class ConnectionPoolRelease(IHostApplicationLifetime lifetime, IReadOnlyList<string> connectionStrings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopped fires after every hosted service has stopped, so no background work still needs a connection.
        lifetime.ApplicationStopped.Register(() =>
        {
            foreach (var connectionString in connectionStrings)
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
