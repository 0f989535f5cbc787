using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Related;

/// <summary>
/// Finds "similar text" suggestions in the background, so reading related stories never compares texts: for each
/// published article whose search document changed (<see cref="ArticleSearchDocument.SimilarStale"/>), the
/// store's full-text index proposes the articles sharing its most characteristic words, the overlap of the two
/// word sets scores them, and the pairs above <see cref="MinimumScore"/> are stored both ways. Work per article
/// is bounded: one text search limited to <see cref="SearchedCandidates"/> rows, <see cref="ScoredCandidates"/>
/// documents read.
/// </summary>
public sealed partial class SimilarTextIndexer(
    IDbContextFactory<NewsDbContext> contexts,
    SimilarTextWakeUp wakeUp,
    TimeProvider time,
    DatabaseReadiness readiness,
    ILogger<SimilarTextIndexer> logger) : BackgroundService
{
    /// <summary>Pairs scoring below this are not suggested.</summary>
    public const double MinimumScore = 0.3;

    private const int CharacteristicWords = 24;
    private const int SearchedCandidates = 2000;
    private const int ScoredCandidates = 20;
    private const int BatchSize = 20;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    private readonly Lock idleLock = new();
    private List<TaskCompletionSource> idleWaiters = [];

    /// <summary>Completes once a pass that started after this call found nothing left to do (tests wait on it).</summary>
    public Task WhenIdleAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (idleLock)
        {
            idleWaiters.Add(waiter);
        }

        wakeUp.Wake();
        return waiter.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations may still be running (minutes on a large store): reading before them fails on missing columns.
        while (!readiness.IsInitialized)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            List<TaskCompletionSource> waiting;
            lock (idleLock)
            {
                waiting = idleWaiters;
                idleWaiters = [];
            }

            var done = 0;
            try
            {
                done = await IndexBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store may be down or not migrated yet; suggestions wait for the next round.
                LogFailed(logger, exception);
            }

            if (done > 0)
            {
                lock (idleLock)
                {
                    idleWaiters.AddRange(waiting);
                }

                continue;
            }

            foreach (var waiter in waiting)
            {
                waiter.TrySetResult();
            }

            try
            {
                await wakeUp.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Recomputes the suggestions of up to one batch of stale published articles; returns how many.</summary>
    public async Task<int> IndexBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stale = await db.Set<ArticleSearchDocument>().TagWith(SqlTags.Background)
            .Where(d => d.SimilarStale && d.Article!.Status == ArticleStatus.Published && d.Article.PublishedAt <= now)
            .OrderByDescending(d => d.Article!.PublishedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var document in stale)
        {
            await IndexAsync(db, document, now, cancellationToken);
        }

        return stale.Count;
    }

    private static async Task IndexAsync(NewsDbContext db, ArticleSearchDocument document, DateTime now, CancellationToken cancellationToken)
    {
        var words = CharacteristicWordsOf(document);
        var scored = new List<(int Id, double Score)>();
        if (words.Count > 0)
        {
            var candidates = await CandidatesAsync(db, document.ArticleId, [.. words], now, cancellationToken);
            var texts = await db.Set<ArticleSearchDocument>().TagWith(SqlTags.Background)
                .Where(d => candidates.Contains(d.ArticleId))
                .ToListAsync(cancellationToken);
            foreach (var other in texts)
            {
                var otherWords = CharacteristicWordsOf(other);
                var score = otherWords.Count == 0 ? 0 : (double)words.Count(otherWords.Contains) / words.Union(otherWords).Count();
                if (score >= MinimumScore)
                {
                    scored.Add((other.ArticleId, Math.Round(score, 4)));
                }
            }
        }

        var id = document.ArticleId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            scored = await LockArticlesAsync(db, id, scored, cancellationToken);
        }

        await db.ArticleSimilarities.TagWith(SqlTags.Background)
            .Where(s => s.ArticleId == id || s.SimilarArticleId == id)
            .ExecuteDeleteAsync(cancellationToken);
        foreach (var (other, score) in scored)
        {
            db.ArticleSimilarities.Add(new ArticleSimilarity { ArticleId = id, SimilarArticleId = other, Score = score });
            db.ArticleSimilarities.Add(new ArticleSimilarity { ArticleId = other, SimilarArticleId = id, Score = score });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Set<ArticleSearchDocument>().TagWith(SqlTags.Background)
            .Where(d => d.ArticleId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SimilarStale, false), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the rows of every article whose pairs this transaction rewrites, in id order, before touching a pair.
    /// Deleting an article locks its row and then cascades into its pairs; rewriting pairs first and reaching for
    /// the article rows afterwards (the foreign key checks of the inserts) is the opposite order, and the two
    /// deadlocked. Articles deleted meanwhile are no longer there to lock, and their pairs are dropped.
    /// </summary>
    private static async Task<List<(int Id, double Score)>> LockArticlesAsync(
        NewsDbContext db, int id, List<(int Id, double Score)> scored, CancellationToken cancellationToken)
    {
        int[] wanted = [id, .. scored.Select(s => s.Id)];
        var locked = await db.Database.SqlQuery<int>($"""
            SELECT a.id AS "Value" FROM articles a
            WHERE a.id = ANY({wanted})
               OR a.id IN (SELECT s.similar_article_id FROM article_similarities s WHERE s.article_id = {id})
            ORDER BY a.id
            FOR KEY SHARE
            """).TagWith(SqlTags.Background).ToListAsync(cancellationToken);
        return locked.Contains(id) ? [.. scored.Where(s => locked.Contains(s.Id))] : [];
    }

    /// <summary>
    /// The words that say what an article is about: its normalised, stemmed terms of three letters or more, the
    /// headline's counted three times and the standfirst's twice, most frequent first.
    /// </summary>
    internal static HashSet<string> CharacteristicWordsOf(ArticleSearchDocument document)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string text, int weight)
        {
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length >= 3)
                {
                    weights[word] = weights.GetValueOrDefault(word) + weight;
                }
            }
        }

        Count(document.Headline, 3);
        Count(document.Standfirst, 2);
        Count(document.Body, 1);
        return [.. weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(CharacteristicWords).Select(w => w.Key)];
    }

    /// <summary>The published, suggestible articles the store's text index ranks closest to the words.</summary>
    private static async Task<List<int>> CandidatesAsync(NewsDbContext db, int articleId, string[] words, DateTime now, CancellationToken cancellationToken)
    {
        FormattableString sql;
        if (db.IsPostgres)
        {
            // Any of the words; the match is capped before ranking so a word in every article costs the same.
            sql = $"""
                SELECT m.article_id AS "Value" FROM (
                    SELECT s.article_id, s.vector FROM article_search s
                    WHERE s.vector @@ to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest({words}) w), ' | '))
                      AND s.article_id <> {articleId}
                    LIMIT {SearchedCandidates}) m
                JOIN articles a ON a.id = m.article_id
                WHERE a.status = {(int)ArticleStatus.Published} AND a.published_at <= {now} AND a.show_in_related
                ORDER BY ts_rank(m.vector, to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest({words}) w), ' | '))) DESC, m.article_id DESC
                LIMIT {ScoredCandidates}
                """;
        }
        else
        {
            var match = string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            sql = $"""
                SELECT m.article_id AS "Value" FROM (
                    SELECT rowid AS article_id, bm25(article_search_fts) AS rank FROM article_search_fts
                    WHERE article_search_fts MATCH {match} AND rowid <> {articleId}
                    ORDER BY rank LIMIT {SearchedCandidates}) m
                JOIN articles a ON a.id = m.article_id
                WHERE a.status = {(int)ArticleStatus.Published} AND a.published_at <= {now} AND a.show_in_related
                ORDER BY m.rank, m.article_id DESC
                LIMIT {ScoredCandidates}
                """;
        }

        return await db.Database.SqlQuery<int>(sql).TagWith(SqlTags.Background).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing similar-text suggestions failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
