using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// Related-story ranking as a PL/pgSQL function with a generic plan. As a prepared statement, PostgreSQL kept
    /// choosing custom plans for it (its generic estimate never won) and spent 3.3 ms planning 1.4 ms of execution;
    /// the loader had to open a transaction and SET LOCAL plan_cache_mode around it, two more round trips per page.
    /// A PL/pgSQL function caches its plan per connection, and its SET clause makes that plan the generic one.
    /// SQLite ranks with the same SQL, written in RelatedStoriesByArticleIdDataLoader; the tests run on both stores.
    /// </summary>
    public partial class RelatedCandidatesFunction : Migration
    {
        /// <summary>The function as this migration created it; RelatedRankingInFloat restores it when rolled back.</summary>
        internal const string CreateSql = """
                CREATE FUNCTION related_candidates(source_ids integer[], now_utc timestamp with time zone, max_items integer, per_tag integer)
                RETURNS TABLE (source_id integer, candidate_id integer, kind integer, shared_tags bigint, text_score double precision,
                               curated_first integer, rank bigint)
                LANGUAGE plpgsql STABLE
                -- A few rows per article, not the default 1,000 of a set-returning function: with 1,000 the planner joined
                -- the result to articles by hashing the whole table (a sequential scan, 10 ms at 10k articles).
                ROWS 20
                SET plan_cache_mode = force_generic_plan
                AS $function$
                #variable_conflict use_column
                BEGIN
                    -- kind 3 is AUTOMATIC; status 2 is PUBLISHED.
                    RETURN QUERY
                    WITH src AS (
                        SELECT s.article_id AS source_id, s.tag_id, 1.0 / ln(2 + t.article_count) AS weight
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
                        SELECT x.article_id, x.similar_article_id, 0.0, 0, x.score, a.published_at
                        FROM article_similarities x JOIN articles a ON a.id = x.similar_article_id
                        WHERE x.article_id IN (SELECT unnest(source_ids)) AND a.status = 2 AND a.published_at <= now_utc AND a.show_in_related
                    ),
                    scored AS (
                        SELECT source_id, candidate_id, SUM(shared) AS shared, SUM(text_score) AS text_score,
                               (SUM(tag_score) + SUM(text_score)) / (1 + EXTRACT(EPOCH FROM (now_utc - MAX(published_at))) / 86400.0 / 30.0) AS score,
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
                        SELECT source_id, candidate_id, shared, text_score,
                               ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY score DESC, published_at DESC, candidate_id DESC) AS rank
                        FROM scored
                    )
                    SELECT source_id, candidate_id, kind, 0::bigint, 0.0::float8, 0, rank FROM curated WHERE rank <= max_items
                    UNION ALL
                    SELECT source_id, candidate_id, 3, shared, text_score, 1, rank FROM ranked WHERE rank <= max_items;
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
            migrationBuilder.Sql("DROP FUNCTION related_candidates(integer[], timestamp with time zone, integer, integer);");
        }
    }
}
