using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Search;

/// <summary>
/// Writes the search documents of articles that have none, and the search names of tags: those stored before search
/// existed. Every later write
/// keeps documents current through <see cref="SearchDocumentWriter"/>, so on a current store this is one cheap query.
/// It runs in the background once the store is up, so a database that is down at start-up delays it instead of
/// stopping the server.
/// </summary>
internal sealed partial class SearchIndexBackfill(
    IDbContextFactory<NewsDbContext> contexts,
    DatabaseReadiness readiness,
    ILogger<SearchIndexBackfill> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.IsInitialized)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }

        try
        {
            await BackfillAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        await BackfillTagsAsync(cancellationToken);
        var written = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var documents = db.Set<ArticleSearchDocument>();
            var articles = await db.Articles.AsNoTracking()
                .Where(a => !documents.Any(d => d.ArticleId == a.Id))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .Select(a => new { a.Id, a.Headline, a.Standfirst, a.Body, Tags = a.Tags.OrderBy(t => t.Position).Select(t => new { t.Tag!.Name, t.Tag.NameEn }).ToList() })
                .ToListAsync(cancellationToken);
            if (articles.Count == 0)
            {
                break;
            }

            documents.AddRange(articles.Select(a => SearchDocumentWriter.Compose(a.Id, a.Headline, a.Standfirst, a.Body, a.Tags.SelectMany(t => new[] { t.Name, t.NameEn }))));
            await db.SaveChangesAsync(cancellationToken);
            written += articles.Count;
        }

        if (written > 0)
        {
            LogBackfilled(logger, written);
        }
    }

    private async Task BackfillTagsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = await db.Tags.AsTracking().Where(t => t.SearchName == string.Empty).ToListAsync(cancellationToken);
        foreach (var tag in tags)
        {
            tag.SearchName = SearchDocumentWriter.TagSearchName(tag);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing missing search documents failed; it is retried at the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the search documents of {Count} articles that had none")]
    private static partial void LogBackfilled(ILogger logger, int count);
}
