using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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
    /// author ids in the same statement (<see cref="ArticleCards"/>), kept for when the cards ask for them. A feed page
    /// or an article page then costs one statement where it cost two (the page, then this loader's batch). SQLite
    /// reads the articles alone; the batch follows as before. So does a page read <paramref name="withLinks"/> false,
    /// whose cards show neither tags nor authors.
    /// </summary>
    public async Task<List<Article>> ReadWithLinksAsync(
        NewsDbContext db, IQueryable<Article> articles, Expression<Func<Article, Article>> projection, bool withLinks, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres || !withLinks)
        {
            return await articles.Select(projection).ToListAsync(cancellationToken);
        }

        return Primed(await articles.Select(ArticleCards.Of(projection)).ToListAsync(cancellationToken));
    }

    /// <summary>The cards' articles, their links kept for when the cards ask for them.</summary>
    public List<Article> Primed(List<ArticleCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var read = new List<Article>(cards.Count);
        foreach (var card in cards)
        {
            // array_agg over no rows is NULL.
            Prime(card.Article.Id, new ArticleLinks(card.TagIds ?? [], card.AuthorIds ?? []));
            read.Add(card.Article);
        }

        return read;
    }

    private sealed class LinkRow
    {
        public int ArticleId { get; init; }

        public int Kind { get; init; }

        public int TargetId { get; init; }

        public int Position { get; init; }
    }
}
