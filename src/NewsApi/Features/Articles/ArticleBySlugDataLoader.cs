using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Publicly visible articles by slug (one query for every article(slug:) of a request).</summary>
public sealed class ArticleBySlugDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock, ArticleBodyByIdDataLoader bodies, ArticleLinksByArticleIdDataLoader links)
    : BatchDataLoader<string, Article?>
{
    private volatile bool withBodies;

    /// <summary>
    /// Reads the bodies in the same query and hands them to <see cref="ArticleBodyByIdDataLoader"/>: an article page
    /// asks for one article and its body, and one round trip serves both.
    /// </summary>
    public void IncludeBodies() => withBodies = true;

    protected override async Task<IReadOnlyDictionary<string, Article?>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var includeBodies = withBodies;
        var now = clock.Now;
        List<Article> read;
        if (db is PostgresNewsDbContext postgres && keys.Count == 1)
        {
            // The article page. Compiled, and by `slug = $n`: as `slug = ANY($n)` PostgreSQL never trusts the
            // prepared statement's generic plan (it assumes ten elements) and plans every execution anew.
            var page = includeBodies ? ArticleCards.BySlugWithBody(postgres, keys[0], now) : ArticleCards.BySlug(postgres, keys[0], now);
            read = links.Primed(await page.ToListAsync(cancellationToken));
        }
        else
        {
            read = await links.ReadWithLinksAsync(
                db,
                db.Articles.PubliclyVisible(now).Where(a => keys.Contains(a.Slug)),
                includeBodies ? ArticleSummary.WithBody : ArticleSummary.Projection,
                cancellationToken);
        }

        var found = read.ToDictionary(a => a.Slug, a => (Article?)a, StringComparer.Ordinal);
        if (includeBodies)
        {
            foreach (var article in found.Values)
            {
                bodies.Prime(article!.Id, article.Body);
            }
        }

        return await ArticleSlugRedirects.FollowAsync(db, () => db.Articles.PubliclyVisible(now), keys, found, cancellationToken);
    }

    protected override Article? Missing(string key) => null;
}
