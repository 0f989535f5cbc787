using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data.Seeding;

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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty store filled with the sample content")]
    private static partial void LogSeeded(ILogger logger);
}
