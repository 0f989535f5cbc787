using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data.Seeding;
using NewsApi.Features.Live;

namespace NewsApi.Data;

/// <summary>
/// Brings the store up to the current schema and, where configured, fills an empty store with the sample content.
/// A PostgreSQL server that cannot be reached at start-up does not stop the process: it keeps trying in the
/// background (orchestrators restart crashing pods in a loop, which helps nobody) and <see cref="DatabaseReadiness"/>
/// says not ready until it succeeds. SQLite is a local file: failing there is a real fault and still stops start-up.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<NewsDbContext> contexts,
    IOptions<DatabaseOptions> options,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(30);

    private readonly CancellationTokenSource stopping = new();
    private int disposed;
    private Task retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
            readiness.MarkInitialized();
        }
        catch (Exception ex) when (options.Value.Provider == DatabaseProvider.Postgres && IsUnreachable(ex))
        {
            readiness.MarkFailed(ex.Message);
            LogUnreachable(logger, ex, options.Value.StartupRetryDelay.TotalSeconds);
            retrying = RetryAsync(stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The test host may dispose the container before it stops the services; then there is nothing left to stop.
        if (Volatile.Read(ref disposed) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Dispose();
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.StartupRetryDelay;
        var longest = TimeSpan.FromSeconds(Math.Max(30, delay.TotalSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, cancellationToken);
                await InitializeAsync(cancellationToken);
                readiness.MarkInitialized();
                LogRecovered(logger);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                readiness.MarkFailed(ex.Message);
                LogStillUnreachable(logger, ex.Message);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, longest.Ticks));
            }
#pragma warning disable CA1031 // A background loop must not die silently: anything else is logged and retried too.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                readiness.MarkFailed(ex.Message);
                LogInitializationFailed(logger, ex);
                delay = longest;
            }
        }
    }

    /// <summary>Failures that a server coming up later cures: refused or dropped connections, a server still starting or shutting down.</summary>
    private static bool IsUnreachable(Exception ex) => ex switch
    {
        Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "3D000" } => true,
        System.Data.Common.DbException { IsTransient: true } => true,
        System.Net.Sockets.SocketException or TimeoutException or IOException => true,
        _ => ex.InnerException is { } inner && IsUnreachable(inner),
    };

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a writer commits; the setting is kept in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            // A migration that backfills a large store (millions of article_tags rows) runs far past the 30 s
            // default; timing out would roll it back and retry it for ever, since a timeout counts as transient.
            var usual = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(MigrationCommandTimeout);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                db.Database.SetCommandTimeout(usual);
            }

            LogMigrated(logger, db.Database.ProviderName ?? "?");
        }

        if (options.Value.ShouldSeedSampleContent && !await db.Articles.AnyAsync(cancellationToken))
        {
            await SampleContent.SeedAsync(db, clock, cancellationToken);
            LogSeeded(logger);
        }

        var wanted = options.Value.DemoArticles;
        if (wanted > 0)
        {
            var existing = await db.Articles.CountAsync(cancellationToken);
            if (existing < wanted)
            {
                // A synthetic bulk load is not news: no events for it (the sample content, by contrast, is in the
                // log like anything an editor writes, so a first sync from the start of the log sees it).
                using var bulkLoad = ContentEventRecorder.SuppressForBulkLoad();
                var started = clock.GetTimestamp();
                var progress = new LoggingProgress(logger, wanted - existing);
                var added = await DemoArticleGenerator.GenerateAsync(contexts, wanted - existing, DemoRandomSeed, clock, cancellationToken, progress);
                var seconds = clock.GetElapsedTime(started).TotalSeconds;
                var rate = added / Math.Max(seconds, 0.001);
                LogDemoGenerated(logger, added, seconds, rate);
            }
        }
    }

    /// <summary>Fixed so that every store generated with the same settings holds the same demo articles.</summary>
    private const int DemoRandomSeed = 20_240_601;

    [LoggerMessage(Level = LogLevel.Error, Message = "The database cannot be reached at start-up; serving 503 and retrying every {Seconds} s or more")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is still unreachable: {Reason}")]
    private static partial void LogStillUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bringing the database up failed; retrying")]
    private static partial void LogInitializationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is reachable again and up to date; ready")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty store filled with the sample content")]
    private static partial void LogSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generating demo articles: {Done} of {Total}")]
    private static partial void LogDemoProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Count} demo articles in {Seconds:F1} s ({Rate:F0} articles/s)")]
    private static partial void LogDemoGenerated(ILogger logger, int count, double seconds, double rate);

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>) so the log lines stay in order.</summary>
    private sealed class LoggingProgress(ILogger logger, int total) : IProgress<int>
    {
        private const int Every = 50_000;
        private int _lastLogged;

        public void Report(int value)
        {
            if (value - _lastLogged >= Every || value == total)
            {
                _lastLogged = value;
                LogDemoProgress(logger, value, total);
            }
        }
    }
}
