using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>
/// Old slugs of renamed articles. A redirect names the article, not the next slug, so a chain of renames resolves in
/// one look-up; it reserves the slug for its article, so a shared link never lands on a different story.
/// </summary>
public static class ArticleSlugRedirects
{
    /// <summary>
    /// <paramref name="found"/> plus, for each key no live slug matched, the article an old slug points to, if
    /// <paramref name="visible"/> (the caller's view of the articles) holds it. Costs a query only when a key missed,
    /// and builds the view only then: nearly every slug asked for is live.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Article?>> FollowAsync(
        NewsDbContext db,
        Func<IQueryable<Article>> visible,
        IReadOnlyList<string> keys,
        Dictionary<string, Article?> found,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(found);
        if (keys.All(found.ContainsKey))
        {
            return found;
        }

        var missing = keys.Where(k => !found.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();

        var redirected = await db.ArticleSlugRedirects
            .Where(r => missing.Contains(r.Slug))
            .Join(visible().Select(ArticleSummary.Projection), r => r.ArticleId, a => a.Id, (r, a) => new { r.Slug, Article = a })
            .ToListAsync(cancellationToken);
        foreach (var row in redirected)
        {
            found[row.Slug] = row.Article;
        }

        return found;
    }

    /// <summary>
    /// Records <paramref name="article"/>'s current slug as a redirect before it takes <paramref name="newSlug"/>;
    /// taking back one of its own old slugs drops that redirect. The validator has already refused a slug that is
    /// another article's redirect.
    /// </summary>
    public static async Task RenameAsync(NewsDbContext db, Article article, string newSlug, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        var own = await db.ArticleSlugRedirects.Where(r => r.ArticleId == article.Id && (r.Slug == newSlug || r.Slug == article.Slug)).ToListAsync(cancellationToken);
        db.ArticleSlugRedirects.RemoveRange(own.Where(r => r.Slug == newSlug));
        if (!own.Any(r => r.Slug == article.Slug))
        {
            db.ArticleSlugRedirects.Add(new ArticleSlugRedirect { Slug = article.Slug, ArticleId = article.Id, CreatedAt = now });
        }
    }
}
