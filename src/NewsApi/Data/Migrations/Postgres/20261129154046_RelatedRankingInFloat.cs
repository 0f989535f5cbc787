using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// The related-story ranking, same order, for about two thirds of the cost (pgbench -M prepared at 100k articles:
    /// 0.93 to 0.59 ms for one article, 14.6 to 7.8 ms for a feed page's twenty).
    /// <list type="bullet">
    /// <item>The recency divisor is float8: EXTRACT returns numeric, and numeric arithmetic over every candidate (about
    /// 500 per article) was a quarter of the function's time. The score was already float8 once divided.</item>
    /// <item>Each article keeps its top <c>max_items</c> with a bounded sort under a LIMIT (a LATERAL per source
    /// article) instead of numbering all its candidates.</item>
    /// </list>
    /// </summary>
    public partial class RelatedRankingInFloat : Migration
    {
        /// <summary>The function as this migration left it; RelatedRankingForOneArticle restores it when rolled back.</summary>
        internal const string CreateSql = """
                CREATE OR REPLACE FUNCTION related_candidates(source_ids integer[], now_utc timestamp with time zone, max_items integer, per_tag integer)
                RETURNS TABLE (source_id integer, candidate_id integer, kind integer, shared_tags bigint, text_score double precision,
                               curated_first integer, rank bigint)
                LANGUAGE plpgsql STABLE
                ROWS 20
                SET plan_cache_mode = force_generic_plan
                AS $function$
                #variable_conflict use_column
                BEGIN
                    -- kind 3 is AUTOMATIC; status 2 is PUBLISHED.
                    RETURN QUERY
                    WITH src AS (
                        SELECT s.article_id AS source_id, s.tag_id, 1.0::float8 / ln((2 + t.article_count)::float8) AS weight
                        FROM article_tags s JOIN tags t ON t.id = s.tag_id
                        WHERE s.article_id IN (SELECT unnest(source_ids))
                    ),
                    candidates AS (
                        SELECT src.source_id, c.article_id AS candidate_id, src.weight AS tag_score, 1 AS shared,
                               0.0::float8 AS text_score, c.published_at
                        FROM src CROSS JOIN LATERAL (
                            SELECT c.article_id, c.published_at FROM article_tags c
                            WHERE c.tag_id = src.tag_id AND c.status = 2 AND c.published_at <= now_utc AND c.show_in_related
                              AND c.article_id <> src.source_id
                            ORDER BY c.published_at DESC, c.article_id DESC
                            LIMIT per_tag) c
                        UNION ALL
                        SELECT x.article_id, x.similar_article_id, 0.0::float8, 0, x.score, a.published_at
                        FROM article_similarities x JOIN articles a ON a.id = x.similar_article_id
                        WHERE x.article_id IN (SELECT unnest(source_ids)) AND a.status = 2 AND a.published_at <= now_utc AND a.show_in_related
                    ),
                    scored AS (
                        -- 2,592,000 seconds is 30 days.
                        SELECT source_id, candidate_id, SUM(shared) AS shared, SUM(text_score) AS text_score,
                               (SUM(tag_score) + SUM(text_score)) / (1 + date_part('epoch', now_utc - MAX(published_at)) / 2592000.0::float8) AS score,
                               MAX(published_at) AS published_at
                        FROM candidates
                        WHERE NOT EXISTS (SELECT 1 FROM related_links r WHERE r.from_article_id = source_id AND r.to_article_id = candidate_id)
                        GROUP BY source_id, candidate_id
                    ),
                    curated AS (
                        SELECT r.from_article_id AS source_id, r.to_article_id AS candidate_id, r.kind,
                               ROW_NUMBER() OVER (PARTITION BY r.from_article_id ORDER BY r.position, r.id) AS rank
                        FROM related_links r JOIN articles a ON a.id = r.to_article_id
                        WHERE r.from_article_id IN (SELECT unnest(source_ids)) AND a.status = 2 AND a.published_at <= now_utc
                    ),
                    ranked AS (
                        SELECT top.source_id, top.candidate_id, top.shared, top.text_score,
                               ROW_NUMBER() OVER (PARTITION BY top.source_id ORDER BY top.score DESC, top.published_at DESC, top.candidate_id DESC) AS rank
                        FROM (SELECT DISTINCT unnest(source_ids) AS id) s
                        CROSS JOIN LATERAL (
                            SELECT * FROM scored WHERE scored.source_id = s.id
                            ORDER BY scored.score DESC, scored.published_at DESC, scored.candidate_id DESC
                            LIMIT max_items) top
                    )
                    SELECT source_id, candidate_id, kind, 0::bigint, 0.0::float8, 0, rank FROM curated WHERE rank <= max_items
                    UNION ALL
                    SELECT source_id, candidate_id, 3, shared, text_score, 1, rank FROM ranked;
                END
                $function$;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RelatedCandidatesFunction.CreateSql.Replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", StringComparison.Ordinal));
        }
    }
}
