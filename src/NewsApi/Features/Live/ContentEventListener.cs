using Microsoft.EntityFrameworkCore;
using Npgsql;
using NewsApi.Data;

namespace NewsApi.Features.Live;

/// <summary>
/// Keeps the hub fed: on PostgreSQL it LISTENs for the log's NOTIFY (sent by a trigger on commit, from any
/// instance) and, when that connection drops, reconnects and reads what it missed; on every store it also reads the
/// log on local commits and on a slow fallback timer, so no event waits long even if a notification is lost.
/// </summary>
public sealed partial class ContentEventListener(
    ContentEventHub hub,
    IDbContextFactory<NewsDbContext> contexts,
    IConfiguration configuration,
    ILogger<ContentEventListener> logger) : BackgroundService
{
    public const string Channel = "content_events";

    /// <summary>How often the log is read even without a notification (<c>Live:FallbackPoll</c>, default 2 s).</summary>
    private readonly TimeSpan fallbackPoll = configuration.GetValue("Live:FallbackPoll", TimeSpan.FromSeconds(2));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = await StartPositionAsync(stoppingToken);
        var listening = connectionString is null ? Task.CompletedTask : ListenAsync(connectionString, stoppingToken);
        using var fallback = new PeriodicTimer(fallbackPoll);
        var ticking = TickAsync(fallback, stoppingToken);
        try
        {
            await foreach (var _ in hub.Wakeups.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await hub.DeliverAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogDeliveryFailed(logger, exception);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    hub.Wake();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(listening, ticking).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Live delivery starts at the log's end as this instance comes up; earlier events are for `since`.</summary>
    private async Task<string?> StartPositionAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var last = await db.ContentEvents.TagWith(SqlTags.Background).MaxAsync(e => (long?)e.Id, stoppingToken) ?? 0;
                hub.StartAfter(last);
                return db.IsPostgres ? db.Database.GetConnectionString() : null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store may still be migrating or down: keep trying, the rest of the server does not wait on this.
                LogNotReady(logger, attempt, exception);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 10)), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 10, Pooling = false };
        for (var attempt = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, _) => hub.Wake();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was committed while we were not listening.
                hub.Wake();
                attempt = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                attempt++;
                LogListenLost(logger, attempt, exception);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5_000)), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                hub.Wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the event log failed; retrying")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log not readable yet (attempt {Attempt})")]
    private static partial void LogNotReady(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL LISTEN connection (attempt {Attempt}); reconnecting and replaying")]
    private static partial void LogListenLost(ILogger logger, int attempt, Exception exception);
}
