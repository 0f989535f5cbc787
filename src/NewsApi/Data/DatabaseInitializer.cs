using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data.Seeding;
using NewsApi.Features.Live;

namespace NewsApi.Data;

/// <summary>Brings the store up to the current schema and, where configured, fills an empty store with the sample content.</summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<NewsDbContext> contexts,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.Value.MigrateOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a writer commits; the setting is kept in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
