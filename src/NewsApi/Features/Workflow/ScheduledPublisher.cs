using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;

namespace NewsApi.Features.Workflow;

/// <summary>
/// Publishes SCHEDULED articles whose time has come. It ticks on the injected <see cref="TimeProvider"/>, so tests
/// move a fake clock instead of sleeping. Ticker items need no job: "on air" is decided at read time against the
/// request's clock, so an item leaves the ticker the instant its expiry passes.
/// </summary>
public sealed partial class ScheduledPublisher(
    IDbContextFactory<NewsDbContext> contexts,
    TimeProvider clock,
    IOptions<WorkflowOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public const string Operation = "workflow.publishScheduled";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round (the store restarting) must not end publishing for the life of the process.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every due article published, each with a revision, in one transaction.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Articles.AsTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var article in due)
        {
            var changes = new ChangeSet();
            changes.Set("status", article.Status, ArticleStatus.Published, v => article.Status = v);
            article.Version++;
            article.UpdatedAt = now;
            db.ArticleRevisions.Add(new ArticleRevision
            {
                Article = article,
                Version = article.Version,
                Operation = Operation,
                At = now,
                Changes = changes.ToJson(),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An editor changed one of them meanwhile (perhaps unscheduled it); the next round sees their version.
            return 0;
        }

        if (due.Count > 0)
        {
            LogPublished(logger, due.Count);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled articles")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled articles failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
