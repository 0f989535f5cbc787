using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Publicly visible articles by id, without their bodies; null for anything a reader may not see.</summary>
public sealed class ArticleByIdDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock) : BatchDataLoader<int, Article?>
{
    protected override async Task<IReadOnlyDictionary<int, Article?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.PubliclyVisible(clock.Now)
            .Where(a => keys.Contains(a.Id))
            .Select(ArticleSummary.Projection)
            .ToDictionaryAsync(a => a.Id, a => (Article?)a, cancellationToken);
    }

    protected override Article? Missing(int key) => null;
}
