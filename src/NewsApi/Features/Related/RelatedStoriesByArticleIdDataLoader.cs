using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Related;

/// <summary>
/// Related stories for many articles in one query whatever their number: the curated links that are published, in the
/// editor's order, then automatic suggestions ranked per article in the database (ROW_NUMBER); the caller keeps the
/// first n of each. Candidates are bounded: the newest <see cref="CandidatesPerTag"/> published stories of each shared
/// tag (a walk down ix_article_tags_published) plus the stored "similar text" pairs (SimilarTextIndexer), so the
/// cost does not grow with a tag's popularity. Score: each shared tag weighs 1/ln(2 + articles carrying it), a
/// similar text adds its overlap (0–1), and the sum is divided by (1 + age in days / 30).
/// </summary>
public sealed class RelatedStoriesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock, ArticleByIdDataLoader articles)
    : BatchDataLoader<RelatedStoriesRequest, IReadOnlyList<RelatedStory>>
{
    public const int MaxFirst = 20;

    /// <summary>How many related stories an article shows when the client does not say.</summary>
    public const int DefaultFirst = 5;

    /// <summary>How many of each shared tag's newest stories are considered.</summary>
    public const int CandidatesPerTag = 100;

    protected override async Task<IReadOnlyDictionary<RelatedStoriesRequest, IReadOnlyList<RelatedStory>>> FetchAsync(
        IReadOnlyList<RelatedStoriesRequest> keys, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var ids = keys.Select(k => k.ArticleId).Distinct().ToArray();
        var limit = keys.Max(k => k.First);
        var stories = ids.ToDictionary(id => id, _ => new List<RelatedStory>());
        if (limit == 0)
        {
            return keys.ToDictionary(k => k, _ => (IReadOnlyList<RelatedStory>)[]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var (row, article) in await RankedAsync(db, ids, now, limit, cancellationToken))
        {
            stories[row.SourceId].Add(StoryOf(row, article));
        }

        return keys.ToDictionary(k => k, k => (IReadOnlyList<RelatedStory>)stories[k.ArticleId].Take(k.First).ToList());
    }

    /// <summary>
    /// Hands over the first <paramref name="first"/> related stories of one article, ranked by a query that read
    /// them with the article (ArticleCards.PageBySlug), so that <c>related(first:)</c> costs no round trip.
    /// </summary>
    public void Prime(int articleId, int first, IEnumerable<RankedRelatedStory> ranked)
    {
        var stories = InShowingOrder(ranked).Take(first).Select(r => StoryOf(r.Candidate, r.Article)).ToList();
        Prime(new RelatedStoriesRequest(articleId, first), stories);
    }

    private RelatedStory StoryOf(RelatedCandidate row, Article article)
    {
        // Every related story shows its article: read with the ranking, they cost no second round trip.
        articles.Prime(article.Id, article);
        var kind = (RelatedKind)row.Kind;
        return new RelatedStory(row.CandidateId, kind, kind == RelatedKind.Automatic ? ReasonOf(row) : null);
    }

    protected override IReadOnlyList<RelatedStory> Missing(RelatedStoriesRequest key) => [];

    /// <summary>"2 shared tags", "similar text", or both: what a reader (or an editor) is told about a suggestion.</summary>
    private static string ReasonOf(RelatedCandidate candidate)
    {
        var tags = candidate.SharedTags switch
        {
            0 => null,
            1 => "1 shared tag",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} shared tags"),
        };
        return (tags, candidate.TextScore > 0) switch
        {
            (null, _) => SimilarTextReason,
            (_, true) => $"{tags}, {SimilarTextReason}",
            _ => tags,
        };
    }

    public const string SimilarTextReason = "similar text";

    /// <summary>The ranked candidates of every article, in the order each shows them, with the candidate articles' summaries.</summary>
    private static async Task<List<(RelatedCandidate Candidate, Article Article)>> RankedAsync(
        NewsDbContext db, int[] ids, DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Joined to the articles' summary columns in the same statement, so one round trip brings both.
        var rows = db is PostgresNewsDbContext postgres
            ? await RankedOnPostgres(postgres, ids, now, limit).ToListAsync(cancellationToken)
            : await SqliteRanked(db, ids, now, limit)
                .Join(db.Articles.Select(ArticleSummary.Projection), r => r.CandidateId, a => a.Id, (r, a) => new RankedRelatedStory(r, a))
                .ToListAsync(cancellationToken);
        return [.. InShowingOrder(rows).Select(r => (r.Candidate, r.Article))];
    }

    /// <summary>Per article: curated links first, then suggestions, each by rank.</summary>
    private static IEnumerable<RankedRelatedStory> InShowingOrder(IEnumerable<RankedRelatedStory> rows) => rows
        .OrderBy(r => r.Candidate.SourceId).ThenBy(r => r.Candidate.CuratedFirst).ThenBy(r => r.Candidate.Rank);

    /// <summary>Compiled: every article page and every feed with related stories runs it.</summary>
    private static readonly Func<PostgresNewsDbContext, int[], DateTime, int, IAsyncEnumerable<RankedRelatedStory>> RankedOnPostgres =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, int[] ids, DateTime now, int limit) =>
            db.RelatedCandidates(ids, now, limit, CandidatesPerTag)
                .Join(db.Articles.Select(ArticleSummary.Projection), r => r.CandidateId, a => a.Id, (r, a) => new RankedRelatedStory(r, a)));

    /// <summary>
    /// SQLite's ranking: the same SQL as PostgreSQL's <c>related_candidates</c> function (the RelatedCandidatesFunction
    /// migration), except that SQLite has no LATERAL and numbers each shared tag's stories instead of walking the
    /// newest <see cref="CandidatesPerTag"/> of each. The tag rows carry the article's visibility (article_tags
    /// copies), so tag candidates never touch articles; similar-text pairs are few and join it.
    /// </summary>
    private static IQueryable<RelatedCandidate> SqliteRanked(NewsDbContext db, int[] ids, DateTime now, int limit)
    {
        var published = (int)ArticleStatus.Published;
        var automatic = (int)RelatedKind.Automatic;
        const string sources = "IN (SELECT value FROM json_each({0}))";
        var sql = $$"""
            SELECT * FROM (
            WITH src AS (
                SELECT s.article_id AS source_id, s.tag_id, 1.0 / ln(2 + t.article_count) AS weight
                FROM article_tags s JOIN tags t ON t.id = s.tag_id
                WHERE s.article_id {{sources}}
            ),
            candidates AS (
                SELECT source_id, candidate_id, weight AS tag_score, 1 AS shared, 0.0 AS text_score, published_at
                FROM (
                    SELECT src.source_id, c.article_id AS candidate_id, src.weight, c.published_at,
                           ROW_NUMBER() OVER (PARTITION BY src.source_id, src.tag_id ORDER BY c.published_at DESC, c.article_id DESC) AS n
                    FROM src JOIN article_tags c ON c.tag_id = src.tag_id
                    WHERE c.status = {{published}} AND c.published_at <= {1} AND c.show_in_related AND c.article_id <> src.source_id) numbered
                WHERE n <= {{CandidatesPerTag}}
                UNION ALL
                SELECT x.article_id, x.similar_article_id, 0.0, 0, x.score, a.published_at
                FROM article_similarities x JOIN articles a ON a.id = x.similar_article_id
                WHERE x.article_id {{sources}} AND a.status = {{published}} AND a.published_at <= {1} AND a.show_in_related
            ),
            scored AS (
                SELECT source_id, candidate_id, SUM(shared) AS shared, SUM(text_score) AS text_score,
                       (SUM(tag_score) + SUM(text_score)) / (1 + (julianday({1}) - julianday(MAX(published_at))) / 30.0) AS score,
                       MAX(published_at) AS published_at
                FROM candidates
                WHERE NOT EXISTS (SELECT 1 FROM related_links r WHERE r.from_article_id = source_id AND r.to_article_id = candidate_id)
                GROUP BY source_id, candidate_id
            ),
            curated AS (
                SELECT r.from_article_id AS source_id, r.to_article_id AS candidate_id, r.kind,
                       ROW_NUMBER() OVER (PARTITION BY r.from_article_id ORDER BY r.position, r.id) AS rank
                FROM related_links r JOIN articles a ON a.id = r.to_article_id
                WHERE r.from_article_id {{sources}} AND a.status = {{published}} AND a.published_at <= {1}
            ),
            ranked AS (
                SELECT source_id, candidate_id, shared, text_score,
                       ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY score DESC, published_at DESC, candidate_id DESC) AS rank
                FROM scored
            )
            SELECT source_id, candidate_id, kind, 0 AS shared_tags, 0.0 AS text_score, 0 AS curated_first, rank FROM curated WHERE rank <= {2}
            UNION ALL
            SELECT source_id, candidate_id, {{automatic}}, shared, text_score, 1, rank FROM ranked WHERE rank <= {2}
            ) AS related
            """;
#pragma warning disable EF1002 // Only our own constants are interpolated; every value goes in as a parameter.
        return db.Database.SqlQueryRaw<RelatedCandidate>(sql, JsonSerializer.Serialize(ids), now, limit);
#pragma warning restore EF1002
    }
}
