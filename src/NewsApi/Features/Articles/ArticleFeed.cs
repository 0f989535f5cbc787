using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Features.Articles;

/// <summary>
/// Pages through published articles by (published_at, id) — the shape of the feed index — so a page boundary is a
/// position in the order, not an offset: articles published while a reader pages never shift what comes next.
/// </summary>
public sealed class ArticleFeed(IDbContextFactory<NewsDbContext> contexts, PublicClock clock, ArticleLinksByArticleIdDataLoader links)
{
    private const string CursorKind = "articles";

    private static readonly ArticleFilter NoFilter = new();

    /// <summary>
    /// A page of the feed. Only callers who <see cref="Caller.SeesUnpublished"/> may ask for other statuses than
    /// PUBLISHED, and they see them only when they ask: without a status filter editors get the public feed too.
    /// With <paramref name="withLinks"/>, PostgreSQL reads each card's tag and author ids in the same statement; a
    /// page that shows neither (a tag page, often) is spared the two index ranges per card.
    /// </summary>
    public async Task<ConnectionPage<Article>> PageAsync(
        ArticleFilter filter, ArticleOrder order, PageRequest page, Caller caller, bool withLinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RefuseNonPublicStatuses(filter, caller);
        var now = clock.Now;

        // Paging backwards walks the same order the other way, then flips the page.
        var descending = (order == ArticleOrder.Newest) != page.Backward;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (TagRows(db, filter, now) is { } tagRows)
        {
            return await TagPageAsync(db, tagRows, filter, now, descending, page, withLinks, cancellationToken);
        }

        if (db is PostgresNewsDbContext postgres && filter == NoFilter && order == ArticleOrder.Newest && page.Cursor is null && !page.Backward)
        {
            // The front page: compiled (ArticleCards.Newest), the same rows as the composed query below.
            var newest = withLinks
                ? links.Primed(await ArticleCards.Newest(postgres, now, page.Size + 1).ToListAsync(cancellationToken))
                : await ArticleCards.NewestWithoutLinks(postgres, now, page.Size + 1).ToListAsync(cancellationToken);
            return ToPage(newest, page, token => CountAsync(filter, now, token));
        }

        var query = Matching(db, filter, now);
        if (page.Cursor is not null)
        {
            var (publishedAt, id) = DecodeCursor(page.Cursor);
            if (IncludesUnpublished(filter))
            {
                // Drafts have no publication time yet; they sort by creation so that the keyset stays total.
                query = descending
                    ? query.Where(a => (a.PublishedAt ?? a.CreatedAt) < publishedAt || ((a.PublishedAt ?? a.CreatedAt) == publishedAt && a.Id < id))
                    : query.Where(a => (a.PublishedAt ?? a.CreatedAt) > publishedAt || ((a.PublishedAt ?? a.CreatedAt) == publishedAt && a.Id > id));
            }
            else
            {
                query = descending
                    ? query.Where(a => a.PublishedAt < publishedAt || (a.PublishedAt == publishedAt && a.Id < id))
                    : query.Where(a => a.PublishedAt > publishedAt || (a.PublishedAt == publishedAt && a.Id > id));
            }
        }

        if (IncludesUnpublished(filter))
        {
            query = descending
                ? query.OrderByDescending(a => a.PublishedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
                : query.OrderBy(a => a.PublishedAt ?? a.CreatedAt).ThenBy(a => a.Id);
        }
        else
        {
            query = descending
                ? query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                : query.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id);
        }

        var rows = await links.ReadWithLinksAsync(db, query.Take(page.Size + 1), ArticleSummary.Projection, withLinks, cancellationToken);
        return ToPage(rows, page, token => CountAsync(filter, now, token));
    }

    private async Task<int> CountAsync(ArticleFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return TagRows(db, filter, now) is { } tagRows
            ? await tagRows.CountAsync(cancellationToken)
            : await Matching(db, filter, now).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The public page of one tag (tag.articles, or articles filtered by a single tag) as rows of article_tags, which
    /// carry copies of the article's status and publication time: the page is a walk down ix_article_tags_published
    /// that stops after a page, whatever the tag's size, instead of a sort of every article carrying the tag.
    /// Null when the filter is not one public tag.
    /// </summary>
    private static IQueryable<ArticleTag>? TagRows(NewsDbContext db, ArticleFilter filter, DateTime now)
    {
        if (IncludesUnpublished(filter) || filter.Tags is not { } tags || tags.Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null;
        }

        var slug = tags[0];

        // A scalar subquery rather than a join, so the planner sees one tag id and walks the index in order.
        var rows = db.ArticleTags.Where(at => at.TagId == db.Tags.Where(t => t.Slug == slug).Select(t => t.Id).FirstOrDefault()
                                              && at.Status == ArticleStatus.Published && at.PublishedAt <= now);
        if (filter.Section is { } section)
        {
            rows = rows.Where(at => at.Article!.Section!.Slug == section);
        }

        if (filter.Author is { } author)
        {
            rows = rows.Where(at => at.Article!.Authors.Any(x => x.Author!.Slug == author));
        }

        if (filter.PublishedAfter is { } after)
        {
            var utc = after.ToUniversalTime();
            rows = rows.Where(at => at.PublishedAt > utc);
        }

        if (filter.PublishedBefore is { } before)
        {
            var utc = before.ToUniversalTime();
            rows = rows.Where(at => at.PublishedAt < utc);
        }

        return rows;
    }

    private async Task<ConnectionPage<Article>> TagPageAsync(
        NewsDbContext db, IQueryable<ArticleTag> rows, ArticleFilter filter, DateTime now, bool descending, PageRequest page, bool withLinks,
        CancellationToken cancellationToken)
    {
        if (page.Cursor is not null)
        {
            var (publishedAt, id) = DecodeCursor(page.Cursor);
            rows = descending
                ? rows.Where(at => at.PublishedAt < publishedAt || (at.PublishedAt == publishedAt && at.ArticleId < id))
                : rows.Where(at => at.PublishedAt > publishedAt || (at.PublishedAt == publishedAt && at.ArticleId > id));
        }

        rows = descending
            ? rows.OrderByDescending(at => at.PublishedAt).ThenByDescending(at => at.ArticleId)
            : rows.OrderBy(at => at.PublishedAt).ThenBy(at => at.ArticleId);

        var articles = await links.ReadWithLinksAsync(db, rows.TakeConstant(page.Size + 1).Select(at => at.Article!), ArticleSummary.Projection, withLinks, cancellationToken);
        return ToPage(articles, page, token => CountAsync(filter, now, token));
    }

    private static ConnectionPage<Article> ToPage(List<Article> rows, PageRequest page, Func<CancellationToken, Task<int>> countAsync)
    {
        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveAt(page.Size);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(a => new ConnectionEdge<Article>(a, EncodeCursor)).ToList();
        return new ConnectionPage<Article>(
            edges,
            HasNextPage: page.Backward ? page.Cursor is not null : hasMore,
            HasPreviousPage: page.Backward ? hasMore : page.Cursor is not null,
            CountAsync: countAsync);
    }

    internal static IQueryable<Article> Matching(NewsDbContext db, ArticleFilter filter, DateTime now)
    {
        IQueryable<Article> query;
        if (IncludesUnpublished(filter))
        {
            var statuses = filter.Status!.Distinct().ToList();
            var includePublished = statuses.Contains(ArticleStatus.Published);
            var others = statuses.Where(s => s != ArticleStatus.Published).ToList();

            // PUBLISHED keeps its public meaning (its time has come) even in an editor's mixed list.
            query = db.Articles.Where(a => (includePublished && a.Status == ArticleStatus.Published && a.PublishedAt <= now) || others.Contains(a.Status));
        }
        else
        {
            query = db.Articles.PubliclyVisible(now);
        }

        if (filter.Section is { } section)
        {
            query = query.Where(a => a.Section!.Slug == section);
        }

        if (filter.Author is { } author)
        {
            query = query.Where(a => a.Authors.Any(x => x.Author!.Slug == author));
        }

        if (filter.Tags is { Count: > 0 } tags)
        {
            var slugs = tags.Distinct(StringComparer.Ordinal).ToList();
            query = filter.TagsMatch == TagsMatch.All
                ? query.Where(a => a.Tags.Count(t => slugs.Contains(t.Tag!.Slug)) == slugs.Count)
                : query.Where(a => a.Tags.Any(t => slugs.Contains(t.Tag!.Slug)));
        }

        if (filter.PublishedAfter is { } after)
        {
            var utc = after.ToUniversalTime();
            query = query.Where(a => a.PublishedAt > utc);
        }

        if (filter.PublishedBefore is { } before)
        {
            var utc = before.ToUniversalTime();
            query = query.Where(a => a.PublishedAt < utc);
        }

        return query;
    }

    private static bool IncludesUnpublished(ArticleFilter filter) =>
        filter.Status is { } statuses && statuses.Any(s => s != ArticleStatus.Published);

    internal static void RefuseNonPublicStatuses(ArticleFilter filter, Caller caller)
    {
        if (IncludesUnpublished(filter) && !caller.SeesUnpublished)
        {
            throw new ApiError(ErrorCodes.Forbidden, "Only editors may list drafts, scheduled or archived articles.");
        }

        if (filter.Tags is { Count: > ArticleFilter.MaxTags })
        {
            throw new ApiError(ErrorCodes.BadUserInput, $"A filter takes at most {ArticleFilter.MaxTags} tags.");
        }
    }

    private static string EncodeCursor(Article article) =>
        CursorCodec.Encode(CursorKind, CursorCodec.EncodeTime(article.PublishedAt ?? article.CreatedAt), article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static (DateTime PublishedAt, int Id) DecodeCursor(string cursor)
    {
        var parts = CursorCodec.Decode(CursorKind, cursor, 2);
        return (CursorCodec.DecodeTime(CursorKind, cursor, parts[0]), CursorCodec.DecodeId(cursor, parts[1]));
    }
}
