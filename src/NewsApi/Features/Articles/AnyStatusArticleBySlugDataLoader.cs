using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Articles by slug whatever their status: for editors' <c>article(slug:)</c> only, never for public paths.</summary>
public sealed class AnyStatusArticleBySlugDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<string, Article?>
{
    protected override async Task<IReadOnlyDictionary<string, Article?>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Articles
            .Where(a => keys.Contains(a.Slug))
            .Select(ArticleSummary.Projection)
            .ToDictionaryAsync(a => a.Slug, a => (Article?)a, StringComparer.Ordinal, cancellationToken);
        return await ArticleSlugRedirects.FollowAsync(db, () => db.Articles, keys, found, cancellationToken);
    }

    protected override Article? Missing(string key) => null;
}
