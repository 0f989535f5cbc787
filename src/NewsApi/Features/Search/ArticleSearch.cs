using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Search;

/// <summary>
/// Ranked full-text search over published articles, with the feed's filters. The store matches and scores
/// (PostgreSQL: tsvector @@ tsquery, ts_rank; SQLite: FTS5 MATCH, <see cref="SearchScore"/>); the filters and the
/// keyset paging are the same LINQ on both. Cursors are keyset positions over (score, publishedAt, id) — or
/// (publishedAt, id) for NEWEST — never offsets.
/// </summary>
public sealed class ArticleSearch(IDbContextFactory<NewsDbContext> contexts, PublicClock clock, SearchConcurrency concurrency)
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

        using var slot = await concurrency.EnterAsync(cancellationToken);
        var now = clock.Now;
        var descending = !page.Backward;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = db.IsPostgres ? await PlanEachSearchAsync(db, cancellationToken) : null;
        // PostgreSQL matches whole terms where it can (SQLite's FTS5 answers a prefix from its own term index).
        var matchQuery = db.IsPostgres ? await MatchingQueryAsync(db, query, cancellationToken) : null;
        List<SearchRow> hits;
        if (db.IsPostgres && matchQuery is null)
        {
            // The word being typed begins no stored term: nothing can match.
            hits = [];
        }
        else if (order == SearchOrder.Relevance && matchQuery is not null && OnlyPublic(filter))
        {
            var window = await PostgresWindowAsync(db, query, matchQuery, now, cancellationToken);
            hits = PageOfWindow(window, cursor, descending, page.Size + 1);
        }
        else
        {
            var rows = Ranked(db, query, matchQuery, filter, order, now);
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
            hits = await rows.Take(page.Size + 1).ToListAsync(cancellationToken);
        }

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
                using var countSlot = await concurrency.EnterAsync(token);
                await using var countDb = await contexts.CreateDbContextAsync(token);
                return await Candidates(countDb, query, matchQuery, filter, now).CountAsync(token);
            });
    }

    /// <summary>
    /// The page of a scored window, in memory: the keyset order of RELEVANCE over (score, publishedAt, id), after the
    /// cursor. Plain comparisons rather than the store path's LINQ on an in-memory IQueryable, which compiled its
    /// expression tree on every search (milliseconds, a share of every request's time).
    /// </summary>
    private static List<SearchRow> PageOfWindow(List<SearchMatch> window, (double Score, DateTime PublishedAt, int Id)? cursor, bool descending, int take)
    {
        var sign = descending ? -1 : 1;
        int Compare(SearchMatch m, double score, DateTime? publishedAt, int id)
        {
            var byScore = m.Score.CompareTo(score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = Nullable.Compare(m.PublishedAt, publishedAt);
            return byTime != 0 ? byTime : m.ArticleId.CompareTo(id);
        }

        var after = cursor is { } c ? window.Where(m => sign * Compare(m, c.Score, c.PublishedAt, c.Id) > 0) : window;
        var sorted = after.ToList();
        sorted.Sort((a, b) => sign * Compare(a, b.Score, b.PublishedAt, b.ArticleId));
        return [.. sorted.Take(take).Select(m => new SearchRow { Id = m.ArticleId, PublishedAt = m.PublishedAt, Score = m.Score })];
    }

    /// <summary>
    /// How many of the newest public documents the first look at a query reads, newest first, testing each against
    /// the query (microseconds each: the vector is stored in the row). A word in a quarter of the archive fills the
    /// window there; a rarer one is found through the GIN index instead.
    /// </summary>
    private const int RecentDocuments = 4000;

    /// <summary>The most documents a walk reads (tens of milliseconds) before the GIN index is the cheaper way.</summary>
    private const int LongestWalk = 50_000;

    /// <summary>
    /// PostgreSQL plans each search for its own words: a plan cached for one query (auto-prepare makes a statement
    /// generic after a few runs) is wrong for the next — walking publication time suits a common word and costs
    /// seconds for a rare one, and the reverse. Settings made with SET LOCAL end with the transaction.
    /// </summary>
    private static async Task<IAsyncDisposable> PlanEachSearchAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }

    /// <summary>
    /// RELEVANCE's candidate window on PostgreSQL, scored, when `where` asks for nothing beyond public articles: the
    /// newest <see cref="CandidateWindow"/> matches. First a walk down the newest <see cref="RecentDocuments"/>
    /// documents; if that finds too few but at a rate that a walk of at most <see cref="LongestWalk"/> would fill the
    /// window at, and the walk is cheaper than reading the words' posting lists, that longer walk; otherwise the GIN index, restricted to the span of time that should hold a window's
    /// worth of matches at the rate the walk found them (the range and the index meet in a BitmapAnd), and only if
    /// that still falls short, every match. A common word thus never reads its whole posting list, and a rare one
    /// never walks the archive.
    /// </summary>
    private static async Task<List<SearchMatch>> PostgresWindowAsync(NewsDbContext db, SearchQuery query, string matchQuery, DateTime now, CancellationToken cancellationToken)
    {
        // Matching uses whole terms where it can; ranking keeps the query as written, since ts_rank divides by the
        // number of operands and expanding a prefix would change the scores.
        var tsQuery = query.ToTsQuery();

        var recent = await WalkAsync(db, matchQuery, tsQuery, now, RecentDocuments, cancellationToken);
        if (recent.Count == CandidateWindow)
        {
            return recent;
        }

        // Walk on when that is cheaper than the GIN index, which reads the posting list of every word (about a third
        // of the time a walk spends per document, per entry). Several words (a phrase, or words common apart and
        // rare together, like أمن and الحدود, each in half the archive, together in 3%) have posting lists far longer
        // than their matches: walk whenever the window is within reach. One word's list is as long as its matches:
        // walk when the walk reads fewer documents than half the word's matches in the whole store.
        // Nor when the walk would need more documents than the store holds (a small archive, where the words' matches
        // are fewer than a window): it would read the whole store and still go on to the index (24 ms of 45 at 10k).
        var needed = recent.Count == 0 ? long.MaxValue : (long)RecentDocuments * CandidateWindow * 3 / (recent.Count * 2);
        var stored = needed <= LongestWalk ? await StoredDocumentsAsync(db, cancellationToken) : 0;
        if (needed <= LongestWalk
            && (stored == 0 || needed <= stored)
            && (query.Wanted.Sum(t => t.Words.Count) > 1 || needed < stored * recent.Count / RecentDocuments / 2))
        {
            // On from where the first walk stopped, rather than over its documents again.
            var walked = await WalkOnAsync(db, matchQuery, tsQuery, now, (int)needed - RecentDocuments, CandidateWindow - recent.Count, cancellationToken);
            if (walked is not null && recent.Count + walked.Count == CandidateWindow)
            {
                return [.. recent, .. walked];
            }
        }

        // The walk is done: from here, only bitmap scans (the GIN index, and publication time as a range).
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_indexscan = off", cancellationToken);
        if (SpanStart(recent, now) is { } from
            && await IndexedWindowAsync(db, matchQuery, tsQuery, now, from, cancellationToken) is { Count: CandidateWindow } window)
        {
            return window;
        }

        return await IndexedWindowAsync(db, matchQuery, tsQuery, now, null, cancellationToken);
    }

    /// <summary>
    /// The newest matches through the GIN index, scored: those published after <paramref name="from"/> when given (the
    /// range and the index meet in a BitmapAnd), else every match. Plans are custom (see <see cref="PlanEachSearchAsync"/>),
    /// so PostgreSQL folds the unused range away before planning.
    /// </summary>
    private static Task<List<SearchMatch>> IndexedWindowAsync(NewsDbContext db, string matchQuery, string tsQuery, DateTime now, DateTime? from, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<SearchMatch>($"""
            SELECT w.article_id, w.published_at, ts_rank(w.vector, CAST({tsQuery} AS tsquery))::float8 AS score
            FROM (
                SELECT s.article_id, s.published_at, s.vector
                FROM article_search s
                WHERE s.status = 2 AND s.published_at <= {now}
                  AND (CAST({from} AS timestamptz) IS NULL OR s.published_at > CAST({from} AS timestamptz))
                  AND s.vector @@ CAST({matchQuery} AS tsquery)
                ORDER BY s.published_at DESC, s.article_id DESC
                LIMIT {CandidateWindow}) w
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// The most stored terms a prefix is replaced by. A whole word being typed begins a handful; two or three letters
    /// can begin hundreds, and past a few dozen operands the prefix is the cheaper test for a walk.
    /// </summary>
    private const int MostWholeTerms = 16;

    /// <summary>
    /// The query for matching: each prefix replaced by the stored terms it begins (search_terms, kept complete by
    /// triggers in the transaction that writes a document). The GIN index answers a prefix by gathering its postings
    /// into a bitmap and sorting it, about three times the cost of reading the same postings as whole terms, and a
    /// walk tests a whole term faster too. Null when the word being typed begins no stored term.
    /// </summary>
    private static async Task<string?> MatchingQueryAsync(NewsDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        var prefixes = query.Prefixes.ToArray();
        if (prefixes.Length == 0)
        {
            return query.ToTsQuery();
        }

        var found = await db.Database.SqlQuery<string>($"""
            SELECT p.prefix || ' ' || t.term AS "Value"
            FROM unnest({prefixes}) AS p(prefix)
            CROSS JOIN LATERAL (
                SELECT s.term FROM search_terms s
                WHERE s.term >= p.prefix COLLATE "C" AND s.term < (p.prefix || chr(1114111)) COLLATE "C"
                ORDER BY s.term
                LIMIT {MostWholeTerms + 1}) t
            """).ToListAsync(cancellationToken);
        var byPrefix = found.Select(f => f.Split(' ', 2)).ToLookup(f => f[0], f => f[1]);
        var wholeTerms = prefixes
            .Where(p => byPrefix[p].Count() <= MostWholeTerms)
            .ToDictionary(p => p, p => (IReadOnlyList<string>)[.. byPrefix[p]]);
        return query.ToTsQuery(wholeTerms);
    }

    /// <summary>How many documents the store holds, as PostgreSQL's statistics last counted them (0 before they have).</summary>
    private static async Task<long> StoredDocumentsAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        Math.Max(0, await db.Database.SqlQuery<long>($"SELECT reltuples::bigint AS \"Value\" FROM pg_class WHERE oid = 'article_search'::regclass").SingleAsync(cancellationToken));

    /// <summary>The newest matches among the newest <paramref name="documents"/> public documents, scored.</summary>
    private static Task<List<SearchMatch>> WalkAsync(NewsDbContext db, string matchQuery, string tsQuery, DateTime now, int documents, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<SearchMatch>($"""
            SELECT w.article_id, w.published_at, ts_rank(w.vector, CAST({tsQuery} AS tsquery))::float8 AS score
            FROM (
                SELECT s.article_id, s.published_at, s.vector
                FROM article_search s
                WHERE s.status = 2 AND s.published_at <= {now}
                ORDER BY s.published_at DESC, s.article_id DESC
                LIMIT {documents}) w
            WHERE w.vector @@ CAST({matchQuery} AS tsquery)
            ORDER BY w.published_at DESC, w.article_id DESC
            LIMIT {CandidateWindow}
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// The newest <paramref name="matches"/> matches among the <paramref name="documents"/> public documents that follow
    /// the newest <see cref="RecentDocuments"/>, scored; null when there are no more documents than those. The first
    /// walk returns matches only, so where it stopped is found again in the publication-time index alone.
    /// </summary>
    private static async Task<List<SearchMatch>?> WalkOnAsync(NewsDbContext db, string matchQuery, string tsQuery, DateTime now, int documents, int matches, CancellationToken cancellationToken)
    {
        var last = await db.Database.SqlQuery<SearchMatch>($"""
            SELECT s.article_id, s.published_at, 0::float8 AS score
            FROM article_search s
            WHERE s.status = 2 AND s.published_at <= {now}
            ORDER BY s.published_at DESC, s.article_id DESC
            OFFSET {RecentDocuments - 1} LIMIT 1
            """).ToListAsync(cancellationToken);
        if (last is not [{ PublishedAt: { } lastPublishedAt, ArticleId: var lastId }])
        {
            return null;
        }

        return await db.Database.SqlQuery<SearchMatch>($"""
            SELECT w.article_id, w.published_at, ts_rank(w.vector, CAST({tsQuery} AS tsquery))::float8 AS score
            FROM (
                SELECT s.article_id, s.published_at, s.vector
                FROM article_search s
                WHERE s.status = 2 AND s.published_at <= {now} AND (s.published_at, s.article_id) < ({lastPublishedAt}, {lastId})
                ORDER BY s.published_at DESC, s.article_id DESC
                LIMIT {documents}) w
            WHERE w.vector @@ CAST({matchQuery} AS tsquery)
            ORDER BY w.published_at DESC, w.article_id DESC
            LIMIT {matches}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Where a span of time likely to hold a full window of matches starts, judged by how many the walk of the newest
    /// documents found and how far back they went; null when the walk found too few to judge by. The margin is three
    /// standard deviations of that count (1 + 3/√n: ×1.95 at 10 matches, ×1.3 at 100) rather than a flat ×2: the
    /// span's length is what the publication-time bitmap and the heap rechecks cost, and a span too short costs a
    /// second look at every match.
    /// </summary>
    private static DateTime? SpanStart(List<SearchMatch> recent, DateTime now)
    {
        const int FewestToJudgeBy = 10;
        if (recent.Count < FewestToJudgeBy || recent[^1].PublishedAt is not { } oldest)
        {
            return null;
        }

        var margin = 1 + (3 / Math.Sqrt(recent.Count));
        var ticks = (double)Math.Max((now - oldest).Ticks, TimeSpan.TicksPerMinute) * CandidateWindow / recent.Count * margin;
        return ticks < (now - DateTime.UnixEpoch).Ticks ? now.AddTicks(-(long)ticks) : null;
    }

    /// <summary>
    /// Every matching article that passes the filters, unscored: ranking a common word's half a million matches
    /// took seconds, so the score is computed only for the rows <see cref="Ranked"/> keeps.
    /// </summary>
    private static IQueryable<SearchRow> Candidates(NewsDbContext db, SearchQuery query, string? matchQuery, ArticleFilter filter, DateTime now)
    {
        if (db.IsPostgres)
        {
            // article_search carries the article's status and publication time, so the newest matches are a walk down
            // its own index (or, for a rare word, a sort of the few matches); the articles join only when `where` asks
            // for more than public articles.
            var matches = PostgresMatches(db, matchQuery ?? query.ToTsQuery(), now);
            if (OnlyPublic(filter))
            {
                return matches.Select(m => new SearchRow { Id = m.ArticleId, PublishedAt = m.PublishedAt });
            }

            return from match in matches
                   join article in ArticleFeed.Matching(db, filter, now) on match.ArticleId equals article.Id
                   select new SearchRow { Id = article.Id, PublishedAt = match.PublishedAt };
        }

        return from hit in SqliteMatches(db, query)
               join article in ArticleFeed.Matching(db, filter, now) on hit.ArticleId equals article.Id
               select new SearchRow { Id = article.Id, PublishedAt = article.PublishedAt };
    }

    /// <summary>The default public line and nothing else: no section, author, tag, date or status beyond PUBLISHED.</summary>
    private static bool OnlyPublic(ArticleFilter filter) =>
        filter is { Section: null, Author: null, PublishedAfter: null, PublishedBefore: null }
        && filter.Tags is not { Count: > 0 }
        && (filter.Status is null || filter.Status.All(s => s == ArticleStatus.Published));

    /// <summary>
    /// The rows to order and page, scored. RELEVANCE ranks the newest <see cref="CandidateWindow"/> matches only,
    /// so the cost is bounded whatever the word; NEWEST needs no ranking beyond the page, and the store walks its
    /// publication-time index with the match as a filter.
    /// </summary>
    private static IQueryable<SearchRow> Ranked(NewsDbContext db, SearchQuery query, string? matchQuery, ArticleFilter filter, SearchOrder order, DateTime now)
    {
        var candidates = Candidates(db, query, matchQuery, filter, now);
        if (order == SearchOrder.Relevance)
        {
            candidates = candidates.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(CandidateWindow);
        }

        return from candidate in candidates
               join score in Scores(db, query) on candidate.Id equals score.ArticleId
               select new SearchRow { Id = candidate.Id, PublishedAt = candidate.PublishedAt, Score = score.Score };
    }

    /// <summary>
    /// PostgreSQL's match: public documents (status 2 is PUBLISHED, written out so that the partial index
    /// ix_article_search_published applies to every plan) whose time has come. Every user word reaches SQL as a
    /// parameter; the query text built from them holds only normalised letters and digits inside quotes (see
    /// <see cref="SearchQuery"/>).
    /// </summary>
    private static IQueryable<SearchMatch> PostgresMatches(NewsDbContext db, string matchQuery, DateTime now) =>
        db.Database.SqlQuery<SearchMatch>($"""
            SELECT s.article_id, s.published_at, 0::float8 AS score
            FROM article_search s
            WHERE s.status = 2 AND s.published_at <= {now} AND s.vector @@ CAST({matchQuery} AS tsquery)
            """);

    /// <summary>SQLite's match, through FTS5. The MATCH expression holds only quoted normalised words.</summary>
    private static IQueryable<SearchHit> SqliteMatches(NewsDbContext db, SearchQuery query)
    {
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
        if (db.IsPostgres)
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
