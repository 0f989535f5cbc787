using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>
/// The tag and author ids of many articles in one statement (a UNION ALL of two index ranges). Every card and page
/// shows both, and the two loaders that turn ids into tags and authors each went to the database for their half.
/// </summary>
public sealed class ArticleLinksByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, ArticleLinks>
{
    private const int TagLink = 0;
    private const int AuthorLink = 1;

    protected override async Task<IReadOnlyDictionary<int, ArticleLinks>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = db.ArticleTags.Where(at => keys.Contains(at.ArticleId))
            .Select(at => new LinkRow { ArticleId = at.ArticleId, Kind = TagLink, TargetId = at.TagId, Position = at.Position });
        var authors = db.ArticleAuthors.Where(aa => keys.Contains(aa.ArticleId))
            .Select(aa => new LinkRow { ArticleId = aa.ArticleId, Kind = AuthorLink, TargetId = aa.AuthorId, Position = aa.Position });
        var rows = await tags.Concat(authors).ToListAsync(cancellationToken);
        // Every card of every page comes through here: sort once and fill the lists in one pass.
        rows.Sort(static (x, y) => x.ArticleId != y.ArticleId ? x.ArticleId.CompareTo(y.ArticleId)
            : x.Position != y.Position ? x.Position.CompareTo(y.Position) : x.TargetId.CompareTo(y.TargetId));
        var links = new Dictionary<int, ArticleLinks>(keys.Count);
        for (var i = 0; i < rows.Count;)
        {
            var articleId = rows[i].ArticleId;
            List<int> tagIds = [], authorIds = [];
            for (; i < rows.Count && rows[i].ArticleId == articleId; i++)
            {
                (rows[i].Kind == TagLink ? tagIds : authorIds).Add(rows[i].TargetId);
            }

            links[articleId] = new ArticleLinks(tagIds, authorIds);
        }

        return links;
    }

    protected override ArticleLinks Missing(int key) => ArticleLinks.None;

    /// <summary>
    /// Reads <paramref name="articles"/> through <paramref name="projection"/> and, on PostgreSQL, their tag and
    /// author ids in the same statement (an ordered array_agg per kind, one scalar subquery per row on the links'
    /// keys), kept for when the cards ask for them. A feed page or an article page then costs one statement where it
    /// cost two (the page, then this loader's batch). SQLite reads the articles alone; the batch follows as before.
    /// </summary>
    public async Task<List<Article>> ReadWithLinksAsync(
        NewsDbContext db, IQueryable<Article> articles, Expression<Func<Article, Article>> projection, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            return await articles.Select(projection).ToListAsync(cancellationToken);
        }

        var rows = await articles.Select(WithLinks(projection)).ToListAsync(cancellationToken);
        var read = new List<Article>(rows.Count);
        foreach (var row in rows)
        {
            // array_agg over no rows is NULL.
            Prime(row.Article.Id, new ArticleLinks(row.TagIds ?? [], row.AuthorIds ?? []));
            read.Add(row.Article);
        }

        return read;
    }

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

    private static readonly Dictionary<Expression<Func<Article, Article>>, Expression<Func<Article, CardRow>>> WithLinksOf = new()
    {
        [ArticleSummary.Projection] = Compose(ArticleSummary.Projection),
        [ArticleSummary.WithBody] = Compose(ArticleSummary.WithBody),
    };

    private static Expression<Func<Article, CardRow>> WithLinks(Expression<Func<Article, Article>> projection) =>
        WithLinksOf.TryGetValue(projection, out var composed) ? composed : Compose(projection);

    /// <summary><c>a => new CardRow { Article = projection(a), TagIds = ..., AuthorIds = ... }</c>, on one parameter.</summary>
    private static Expression<Func<Article, CardRow>> Compose(Expression<Func<Article, Article>> projection)
    {
        var article = projection.Parameters[0];
        Expression On(LambdaExpression part) => ReplacingExpressionVisitor.Replace(part.Parameters[0], article, part.Body);
        var row = Expression.MemberInit(
            Expression.New(typeof(CardRow)),
            Expression.Bind(typeof(CardRow).GetProperty(nameof(CardRow.Article))!, projection.Body),
            Expression.Bind(typeof(CardRow).GetProperty(nameof(CardRow.TagIds))!, On(TagIdsOf)),
            Expression.Bind(typeof(CardRow).GetProperty(nameof(CardRow.AuthorIds))!, On(AuthorIdsOf)));
        return Expression.Lambda<Func<Article, CardRow>>(row, article);
    }

    private sealed class CardRow
    {
        public required Article Article { get; init; }

        public int[]? TagIds { get; init; }

        public int[]? AuthorIds { get; init; }
    }

    private sealed class LinkRow
    {
        public int ArticleId { get; init; }

        public int Kind { get; init; }

        public int TargetId { get; init; }

        public int Position { get; init; }
    }
}
