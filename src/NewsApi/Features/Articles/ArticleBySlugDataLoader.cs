using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Related;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Publicly visible articles by slug (one query for every article(slug:) of a request).</summary>
public sealed class ArticleBySlugDataLoader(
    IDbContextFactory<NewsDbContext> contexts,
    PublicClock clock,
    ArticleBodyByIdDataLoader bodies,
    ArticleLinksByArticleIdDataLoader links,
    RelatedStoriesByArticleIdDataLoader related)
    : BatchDataLoader<string, Article?>
{
    private volatile bool withBodies;
    private int withRelated = NoRelated;

    private const int NoRelated = -1;

    /// <summary>
    /// Reads the bodies in the same query and hands them to <see cref="ArticleBodyByIdDataLoader"/>: an article page
    /// asks for one article and its body, and one round trip serves both.
    /// </summary>
    public void IncludeBodies() => withBodies = true;

    /// <summary>
    /// Ranks the first <paramref name="first"/> related stories in the same statement as the article, on
    /// PostgreSQL, and hands them to <see cref="RelatedStoriesByArticleIdDataLoader"/>: the article page.
    /// </summary>
    public void IncludeRelated(int first) => Volatile.Write(ref withRelated, first);

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
            read = Volatile.Read(ref withRelated) is var first and not NoRelated
                ? await ReadPageAsync(postgres, keys[0], now, includeBodies, first, cancellationToken)
                : links.Primed(await (includeBodies ? ArticleCards.BySlugWithBody(postgres, keys[0], now) : ArticleCards.BySlug(postgres, keys[0], now))
                    .ToListAsync(cancellationToken));
        }
        else
        {
            read = await links.ReadWithLinksAsync(
                db,
                db.Articles.PubliclyVisible(now).Where(a => keys.Contains(a.Slug)),
                includeBodies ? ArticleSummary.WithBody : ArticleSummary.Projection,
                withLinks: true,
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

    private async Task<List<Article>> ReadPageAsync(
        PostgresNewsDbContext db, string slug, DateTime now, bool includeBodies, int first, CancellationToken cancellationToken)
    {
        var pages = await (includeBodies ? ArticleCards.PageBySlugWithBody(db, slug, now, first) : ArticleCards.PageBySlug(db, slug, now, first))
            .ToListAsync(cancellationToken);
        foreach (var page in pages)
        {
            related.Prime(page.Card.Article.Id, first, RankedRelatedStoriesJson.Read(page.RelatedJson));
        }

        return links.Primed([.. pages.Select(p => p.Card)]);
    }

    protected override Article? Missing(string key) => null;
}
