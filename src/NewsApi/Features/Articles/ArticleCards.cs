using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Related;

namespace NewsApi.Features.Articles;

/// <summary>
/// Articles read with their tag and author ids in the same statement, on PostgreSQL: an ordered array_agg per kind,
/// one scalar subquery per row on the links' keys. The two reads every reader makes (the front page and an article
/// page) are compiled: EF otherwise walks, hashes and compares the whole expression tree on every execution before it
/// finds the cached SQL. For a tree this size its parameter extraction alone was the largest allocator of an article
/// page (10 % of sampled bytes, gc-verbose trace).
/// </summary>
public static class ArticleCards
{
    // Grouped by the article so that EF makes each a scalar subquery (an aggregate over a navigation alone is
    // read as a collection: a join that repeats every row).
    private static readonly Expression<Func<Article, int[]?>> TagIdsOf = a => a.Tags
        .GroupBy(t => t.ArticleId)
        .Select(g => EF.Functions.ArrayAgg(g.OrderBy(t => t.Position).ThenBy(t => t.TagId).Select(t => t.TagId)))
        .FirstOrDefault();

    private static readonly Expression<Func<Article, int[]?>> AuthorIdsOf = a => a.Authors
        .GroupBy(x => x.ArticleId)
        .Select(g => EF.Functions.ArrayAgg(g.OrderBy(x => x.Position).ThenBy(x => x.AuthorId).Select(x => x.AuthorId)))
        .FirstOrDefault();

    /// <summary><see cref="ArticleSummary.Projection"/> with the links.</summary>
    public static readonly Expression<Func<Article, ArticleCard>> Summary = Compose(ArticleSummary.Projection);

    /// <summary><see cref="ArticleSummary.WithBody"/> with the links.</summary>
    public static readonly Expression<Func<Article, ArticleCard>> WithBody = Compose(ArticleSummary.WithBody);

    /// <summary>
    /// The newest <c>count</c> public articles: the front page, the query the API answers most. The conditions are
    /// <see cref="ArticleVisibility.PubliclyVisible"/>'s, in the <c>newest_article_ids</c> function, and the order is
    /// <see cref="ArticleFeed"/>'s newest first; the feed's tests run through both this and the composed query.
    /// </summary>
    public static readonly Func<PostgresNewsDbContext, DateTime, int, IAsyncEnumerable<ArticleCard>> Newest = NewestOf(Summary);

    /// <summary><see cref="Newest"/> without the links: a front page whose cards show neither tags nor authors.</summary>
    public static readonly Func<PostgresNewsDbContext, DateTime, int, IAsyncEnumerable<Article>> NewestWithoutLinks = NewestOf(ArticleSummary.Projection);

    private static Func<PostgresNewsDbContext, DateTime, int, IAsyncEnumerable<T>> NewestOf<T>(Expression<Func<Article, T>> projection) =>
        EF.CompileAsyncQuery((PostgresNewsDbContext db, DateTime now, int count) => db.NewestArticleIds(now, count)
            .Join(db.Articles, n => n.Id, a => a.Id, (n, a) => a)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(projection));

    /// <summary>One public article by slug, without its body.</summary>
    public static readonly Func<PostgresNewsDbContext, string, DateTime, IAsyncEnumerable<ArticleCard>> BySlug =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, string slug, DateTime now) => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Slug == slug)
            .Select(Summary));

    /// <summary>One public article by slug, with its body: the article page.</summary>
    public static readonly Func<PostgresNewsDbContext, string, DateTime, IAsyncEnumerable<ArticleCard>> BySlugWithBody =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, string slug, DateTime now) => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Slug == slug)
            .Select(WithBody));

    /// <summary>
    /// One public article by slug with its first related stories: the article page in one statement. The ranking
    /// alone was a second statement, and its round trip (socket write and read, command, reader, a pooled context)
    /// was about a tenth of what the server spent on the page.
    /// </summary>
    public static readonly Func<PostgresNewsDbContext, string, DateTime, int, IAsyncEnumerable<ArticlePage>> PageBySlug = PageOf(Summary);

    /// <summary><see cref="PageBySlug"/> with the body.</summary>
    public static readonly Func<PostgresNewsDbContext, string, DateTime, int, IAsyncEnumerable<ArticlePage>> PageBySlugWithBody = PageOf(WithBody);

    // The related stories are one JSON value of the article's row rather than a joined collection, which repeated the
    // whole card (body included) on each story's row and made EF shape a collection per page.
    private static Func<PostgresNewsDbContext, string, DateTime, int, IAsyncEnumerable<ArticlePage>> PageOf(Expression<Func<Article, ArticleCard>> card) =>
        EF.CompileAsyncQuery((PostgresNewsDbContext db, string slug, DateTime now, int related) => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Slug == slug)
            .Select(card)
            .Select(c => new ArticlePage
            {
                Card = c,
                RelatedJson = PostgresNewsDbContext.RelatedStoriesJson(c.Article.Id, now, related, RelatedStoriesByArticleIdDataLoader.CandidatesPerTag),
            }));

    /// <summary><paramref name="projection"/> with the links, composed once for the projections in use.</summary>
    public static Expression<Func<Article, ArticleCard>> Of(Expression<Func<Article, Article>> projection) =>
        projection == ArticleSummary.Projection ? Summary
        : projection == ArticleSummary.WithBody ? WithBody
        : Compose(projection);

    /// <summary><c>a => new ArticleCard { Article = projection(a), TagIds = ..., AuthorIds = ... }</c>, on one parameter.</summary>
    private static Expression<Func<Article, ArticleCard>> Compose(Expression<Func<Article, Article>> projection)
    {
        var article = projection.Parameters[0];
        Expression On(LambdaExpression part) => ReplacingExpressionVisitor.Replace(part.Parameters[0], article, part.Body);
        var row = Expression.MemberInit(
            Expression.New(typeof(ArticleCard)),
            Expression.Bind(typeof(ArticleCard).GetProperty(nameof(ArticleCard.Article))!, projection.Body),
            Expression.Bind(typeof(ArticleCard).GetProperty(nameof(ArticleCard.TagIds))!, On(TagIdsOf)),
            Expression.Bind(typeof(ArticleCard).GetProperty(nameof(ArticleCard.AuthorIds))!, On(AuthorIdsOf)));
        return Expression.Lambda<Func<Article, ArticleCard>>(row, article);
    }
}
