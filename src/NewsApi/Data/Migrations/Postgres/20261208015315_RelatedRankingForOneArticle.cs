using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// The related-story ranking of one article (an article page, and PostGraphile's and pgbench's article in bench/)
    /// takes its own path through <c>related_candidates</c>, same rows, same order. Several articles (a feed with its
    /// related stories) keep the general query.
    /// <list type="bullet">
    /// <item>The general query's plan has two window aggregates, semi-joins on <c>unnest(source_ids)</c>, a merge
    /// anti-join and a lateral per source. PostgreSQL builds that executor tree on every call: <c>ExecutorStart</c>
    /// was 11 % of all CPU samples (server, PostgreSQL and wrk) on the bench's article page.</item>
    /// <item>The one-article path reads the article's curated links first (usually none), emits the visible ones in
    /// the editor's order and keeps all of them as the exclusion list; then one query ranks the candidates and keeps
    /// the top <c>max_items</c> under a LIMIT, numbered as they come.</item>
    /// </list>
    /// pgbench -M prepared at 100k articles, 2 clients: 3,860–4,170 to 4,240–4,560 calls/s.
    /// </summary>
    public partial class RelatedRankingForOneArticle : Migration
    {
        private const string GeneralQueryStart = """
                #variable_conflict use_column
                BEGIN
                """;

        private const string OneArticleThenGeneralQuery = """
                #variable_conflict use_column
                DECLARE
                    one integer;
                    excluded integer[] := '{}';
                    link record;
                    story record;
                    curated integer := 0;
                    suggested integer := 0;
                BEGIN
                    IF cardinality(source_ids) = 1 THEN
                        one := source_ids[1];
                        -- Every curated link is excluded from the suggestions, visible or not (the general query's
                        -- NOT EXISTS); the visible ones are shown first, in the editor's order.
                        FOR link IN
                            SELECT r.to_article_id, r.kind, (a.status = 2 AND a.published_at <= now_utc) AS visible
                            FROM related_links r JOIN articles a ON a.id = r.to_article_id
                            WHERE r.from_article_id = one
                            ORDER BY r.position, r.id
                        LOOP
                            excluded := excluded || link.to_article_id;
                            IF link.visible AND curated < max_items THEN
                                curated := curated + 1;
                                source_id := one; candidate_id := link.to_article_id; kind := link.kind;
                                shared_tags := 0; text_score := 0.0; curated_first := 0; rank := curated;
                                RETURN NEXT;
                            END IF;
                        END LOOP;
                        -- The exclusion applies above each tag's LIMIT, as in the general query: a tag's newest
                        -- per_tag stories are the candidates, and a linked one among them is dropped, not replaced.
                        FOR story IN
                            SELECT c.candidate_id AS id, SUM(c.shared) AS shared, SUM(c.text_score) AS text_score
                            FROM (
                                SELECT t.article_id AS candidate_id, w.weight AS tag_score, 1 AS shared, 0.0::float8 AS text_score, t.published_at
                                FROM (SELECT s.tag_id, 1.0::float8 / ln((2 + g.article_count)::float8) AS weight
                                      FROM article_tags s JOIN tags g ON g.id = s.tag_id WHERE s.article_id = one) w
                                CROSS JOIN LATERAL (
                                    SELECT t.article_id, t.published_at FROM article_tags t
                                    WHERE t.tag_id = w.tag_id AND t.status = 2 AND t.published_at <= now_utc AND t.show_in_related
                                      AND t.article_id <> one
                                    ORDER BY t.published_at DESC, t.article_id DESC
                                    LIMIT per_tag) t
                                UNION ALL
                                SELECT x.similar_article_id, 0.0::float8, 0, x.score, a.published_at
                                FROM article_similarities x JOIN articles a ON a.id = x.similar_article_id
                                WHERE x.article_id = one AND a.status = 2 AND a.published_at <= now_utc AND a.show_in_related
                            ) c
                            WHERE c.candidate_id <> ALL (excluded)
                            GROUP BY c.candidate_id
                            -- 2,592,000 seconds is 30 days.
                            ORDER BY (SUM(c.tag_score) + SUM(c.text_score)) / (1 + date_part('epoch', now_utc - MAX(c.published_at)) / 2592000.0::float8) DESC,
                                     MAX(c.published_at) DESC, c.candidate_id DESC
                            LIMIT max_items
                        LOOP
                            suggested := suggested + 1;
                            source_id := one; candidate_id := story.id; kind := 3;
                            shared_tags := story.shared; text_score := story.text_score; curated_first := 1; rank := suggested;
                            RETURN NEXT;
                        END LOOP;
                        RETURN;
                    END IF;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!RelatedRankingInFloat.CreateSql.Contains(GeneralQueryStart, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("related_candidates' general query no longer starts where this migration expects.");
            }

            migrationBuilder.Sql(RelatedRankingInFloat.CreateSql.Replace(GeneralQueryStart, OneArticleThenGeneralQuery, StringComparison.Ordinal));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RelatedRankingInFloat.CreateSql);
        }
    }
}
