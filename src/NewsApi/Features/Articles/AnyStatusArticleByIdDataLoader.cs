using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Articles by id whatever their status: for editors' <c>article(id:)</c> only, never for public paths.</summary>
public sealed class AnyStatusArticleByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, Article?>
{
    protected override async Task<IReadOnlyDictionary<int, Article?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles
            .Where(a => keys.Contains(a.Id))
            .Select(ArticleSummary.Projection)
            .ToDictionaryAsync(a => a.Id, a => (Article?)a, cancellationToken);
    }

    protected override Article? Missing(int key) => null;
}
