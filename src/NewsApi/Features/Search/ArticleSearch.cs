using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Search;

/// <summary>
/// Ranked full-text search over published articles, with the feed's filters. The store matches and scores
/// (PostgreSQL: tsvector @@ tsquery, ts_rank; SQLite: FTS5 MATCH, <see cref="SearchScore"/>); the filters and the
/// keyset paging are the same LINQ on both. Cursors are keyset positions over (score, publishedAt, id) — or
/// (publishedAt, id) for NEWEST — never offsets.
/// </summary>
public sealed class ArticleSearch(IDbContextFactory<NewsDbContext> contexts, PublicClock clock)
{
    private const string RelevanceCursorKind = "search";
    private const string NewestCursorKind = "search-newest";

    /// <summary>
    /// How many of the newest matches RELEVANCE ranks. A common word matches over half the archive; ranking all of
    /// it cost seconds at a million articles, and a reader looking for the best story on a word wants a recent one.
    /// </summary>
    public const int CandidateWindow = 1000;

    public async Task<ConnectionPage<SearchResult>> PageAsync(string text, ArticleFilter filter, SearchOrder order, PageRequest page, CancellationToken cancellationToken)
    {
        // Search reads published articles only, whoever asks.
        ArticleFeed.RefuseNonPublicStatuses(filter, NewsApi.Security.Caller.Anonymous);
        var query = SearchQuery.Parse(text);
        var cursor = page.Cursor is null ? null : DecodeCursor(order, page.Cursor);
        if (query.IsEmpty)
        {
            return new ConnectionPage<SearchResult>([], false, false, _ => Task.FromResult(0));
        }

        var now = clock.Now;
        var descending = !page.Backward;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Ranked(db, query, filter, order, now);
        if (cursor is { } c)
        {
            rows = (order, descending) switch
            {
                (SearchOrder.Relevance, true) => rows.Where(r => r.Score < c.Score || (r.Score == c.Score && (r.PublishedAt < c.PublishedAt || (r.PublishedAt == c.PublishedAt && r.Id < c.Id)))),
                (SearchOrder.Relevance, false) => rows.Where(r => r.Score > c.Score || (r.Score == c.Score && (r.PublishedAt > c.PublishedAt || (r.PublishedAt == c.PublishedAt && r.Id > c.Id)))),
                (_, true) => rows.Where(r => r.PublishedAt < c.PublishedAt || (r.PublishedAt == c.PublishedAt && r.Id < c.Id)),
                (_, false) => rows.Where(r => r.PublishedAt > c.PublishedAt || (r.PublishedAt == c.PublishedAt && r.Id > c.Id)),
            };
        }

        rows = (order, descending) switch
        {
            (SearchOrder.Relevance, true) => rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id),
            (SearchOrder.Relevance, false) => rows.OrderBy(r => r.Score).ThenBy(r => r.PublishedAt).ThenBy(r => r.Id),
            (_, true) => rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id),
            (_, false) => rows.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id),
        };

        var hits = await rows.Take(page.Size + 1).ToListAsync(cancellationToken);
        var hasMore = hits.Count > page.Size;
        if (hasMore)
        {
            hits.RemoveAt(page.Size);
        }

        if (page.Backward)
        {
            hits.Reverse();
        }

        var ids = hits.Select(h => h.Id).ToList();
        var articles = ids.Count == 0
            ? []
            : await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var edges = hits
            .Where(h => articles.ContainsKey(h.Id))
            .Select(h => new ConnectionEdge<SearchResult>(
                EncodeCursor(order, h),
                new SearchResult(articles[h.Id], SearchSnippet.Build(articles[h.Id], query), h.Score)))
            .ToList();
        return new ConnectionPage<SearchResult>(
            edges,
            HasNextPage: page.Backward ? page.Cursor is not null : hasMore,
            HasPreviousPage: page.Backward ? hasMore : page.Cursor is not null,
            CountAsync: async token =>
            {
                await using var countDb = await contexts.CreateDbContextAsync(token);
                return await Candidates(countDb, query, filter, now).CountAsync(token);
            });
    }

    /// <summary>
    /// Every matching article that passes the filters, unscored: ranking a common word's half a million matches
    /// took seconds, so the score is computed only for the rows <see cref="Ranked"/> keeps.
    /// </summary>
    private static IQueryable<SearchRow> Candidates(NewsDbContext db, SearchQuery query, ArticleFilter filter, DateTime now) =>
        from hit in Matches(db, query)
        join article in ArticleFeed.Matching(db, filter, now) on hit.ArticleId equals article.Id
        select new SearchRow { Id = article.Id, PublishedAt = article.PublishedAt };

    /// <summary>
    /// The rows to order and page, scored. RELEVANCE ranks the newest <see cref="CandidateWindow"/> matches only,
    /// so the cost is bounded whatever the word; NEWEST needs no ranking beyond the page, and the store walks its
    /// publication-time index with the match as a filter.
    /// </summary>
    private static IQueryable<SearchRow> Ranked(NewsDbContext db, SearchQuery query, ArticleFilter filter, SearchOrder order, DateTime now)
    {
        var candidates = Candidates(db, query, filter, now);
        if (order == SearchOrder.Relevance)
        {
            candidates = candidates.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(CandidateWindow);
        }

        return from candidate in candidates
               join score in Scores(db, query) on candidate.Id equals score.ArticleId
               select new SearchRow { Id = candidate.Id, PublishedAt = candidate.PublishedAt, Score = score.Score };
    }

    /// <summary>
    /// The store's match. Every user word reaches SQL as a parameter; the query text built from them holds only
    /// normalised letters and digits inside quotes (see <see cref="SearchQuery"/>).
    /// </summary>
    private static IQueryable<SearchHit> Matches(NewsDbContext db, SearchQuery query)
    {
        if (db.Database.IsNpgsql())
        {
            var tsQuery = query.ToTsQuery();
            return db.Database.SqlQuery<SearchHit>($"""
                SELECT s.article_id, 0::float8 AS score
                FROM article_search s
                WHERE s.vector @@ CAST({tsQuery} AS tsquery)
                """);
        }

        var match = query.ToFts5Match();
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT s.article_id, 0.0 AS score
            FROM article_search s
            WHERE s.article_id IN (SELECT rowid FROM article_search_fts WHERE article_search_fts MATCH {match})
            """);
    }

    /// <summary>Every document's score for the query; only ever joined to a bounded set of candidates.</summary>
    private static IQueryable<SearchHit> Scores(NewsDbContext db, SearchQuery query)
    {
        if (db.Database.IsNpgsql())
        {
            var tsQuery = query.ToTsQuery();
            return db.Database.SqlQuery<SearchHit>($"""
                SELECT s.article_id, ts_rank(s.vector, CAST({tsQuery} AS tsquery))::float8 AS score
                FROM article_search s
                """);
        }

        var spec = query.ToScoreSpec();
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT s.article_id, news_search_score(s.headline, s.standfirst, s.tags, s.body, {spec}) AS score
            FROM article_search s
            """);
    }

    private static string EncodeCursor(SearchOrder order, SearchRow row)
    {
        var publishedAt = CursorCodec.EncodeTime(row.PublishedAt ?? DateTime.MinValue);
        var id = row.Id.ToString(CultureInfo.InvariantCulture);
        return order == SearchOrder.Relevance
            ? CursorCodec.Encode(RelevanceCursorKind, row.Score.ToString("R", CultureInfo.InvariantCulture), publishedAt, id)
            : CursorCodec.Encode(NewestCursorKind, publishedAt, id);
    }

    private static (double Score, DateTime PublishedAt, int Id)? DecodeCursor(SearchOrder order, string cursor)
    {
        if (order == SearchOrder.Relevance)
        {
            var parts = CursorCodec.Decode(RelevanceCursorKind, cursor, 3);
            if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
            {
                throw new ApiError(ErrorCodes.InvalidCursor, "The cursor is damaged.");
            }

            return (score, CursorCodec.DecodeTime(RelevanceCursorKind, cursor, parts[1]), CursorCodec.DecodeId(cursor, parts[2]));
        }

        var newest = CursorCodec.Decode(NewestCursorKind, cursor, 2);
        return (0, CursorCodec.DecodeTime(NewestCursorKind, cursor, newest[0]), CursorCodec.DecodeId(cursor, newest[1]));
    }

    /// <summary>A match joined to its article: the keyset columns. A class, so LINQ can filter and sort on its members.</summary>
    private sealed class SearchRow
    {
        public int Id { get; init; }

        public DateTime? PublishedAt { get; init; }

        public double Score { get; init; }
    }
}
