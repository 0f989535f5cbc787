using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Search;

/// <summary>
/// Writes the search documents of articles that have none, and the search names of tags: those stored before search
/// existed. Every later write
/// keeps documents current through <see cref="SearchDocumentWriter"/>, so on a current store this is one cheap query.
/// </summary>
internal sealed partial class SearchIndexBackfill(IDbContextFactory<NewsDbContext> contexts, ILogger<SearchIndexBackfill> logger) : IHostedService
{
    private const int BatchSize = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the search documents of {Count} articles that had none")]
    private static partial void LogBackfilled(ILogger logger, int count);
}
