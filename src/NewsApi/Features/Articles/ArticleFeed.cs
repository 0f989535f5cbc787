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
public sealed class ArticleFeed(IDbContextFactory<NewsDbContext> contexts, PublicClock clock)
{
    private const string CursorKind = "articles";

    /// <summary>
    /// A page of the feed. Only callers who <see cref="Caller.SeesUnpublished"/> may ask for other statuses than
    /// PUBLISHED, and they see them only when they ask: without a status filter editors get the public feed too.
    /// </summary>
    public async Task<ConnectionPage<Article>> PageAsync(ArticleFilter filter, ArticleOrder order, PageRequest page, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RefuseNonPublicStatuses(filter, caller);
        var now = clock.Now;

        // Paging backwards walks the same order the other way, then flips the page.
        var descending = (order == ArticleOrder.Newest) != page.Backward;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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

        var rows = await query.Select(ArticleSummary.Projection).Take(page.Size + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveAt(page.Size);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(a => new ConnectionEdge<Article>(EncodeCursor(a), a)).ToList();
        return new ConnectionPage<Article>(
            edges,
            HasNextPage: page.Backward ? page.Cursor is not null : hasMore,
            HasPreviousPage: page.Backward ? hasMore : page.Cursor is not null,
            CountAsync: token => CountAsync(filter, now, token));
    }

    private async Task<int> CountAsync(ArticleFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Matching(db, filter, now).CountAsync(cancellationToken);
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
