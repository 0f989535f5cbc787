using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Publicly visible articles by slug (one query for every article(slug:) of a request).</summary>
public sealed class ArticleBySlugDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock) : BatchDataLoader<string, Article?>
{
    protected override async Task<IReadOnlyDictionary<string, Article?>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Articles.PubliclyVisible(clock.Now)
            .Where(a => keys.Contains(a.Slug))
            .Select(ArticleSummary.Projection)
            .ToDictionaryAsync(a => a.Slug, a => (Article?)a, StringComparer.Ordinal, cancellationToken);
        return await ArticleSlugRedirects.FollowAsync(db, db.Articles.PubliclyVisible(clock.Now), keys, found, cancellationToken);
    }

    protected override Article? Missing(string key) => null;
}
