using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// <c>related_stories_json(article_id, now, max_items, per_tag)</c>: one article's ranked related stories with their
    /// articles' summary columns, as one JSON array of arrays (PostgresNewsDbContext.RelatedStoriesJson), so that the
    /// article page is one row. As a joined collection every related story repeated the whole article, body included:
    /// five copies of a 2 KB body turned from jsonb into text and sent per page, and read by the server.
    /// </summary>
    public partial class RelatedStoriesAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The order of the values is RankedRelatedStoriesJson's: change both together.
            migrationBuilder.Sql("""
                CREATE FUNCTION related_stories_json(article_id integer, now_utc timestamp with time zone, max_items integer, per_tag integer)
                RETURNS json
                LANGUAGE plpgsql STABLE
                SET plan_cache_mode = force_generic_plan
                AS $function$
                BEGIN
                    RETURN (
                        SELECT coalesce(json_agg(json_build_array(
                                   r.source_id, r.candidate_id, r.kind, r.shared_tags, r.text_score, r.curated_first, r.rank,
                                   a.id, a.slug, a.headline, a.standfirst, a.lang, a.status, a.published_at, a.created_at, a.updated_at,
                                   a.section_id, a.source_name, a.source_url, a.hero_image_url, a.hero_image_caption, a.hero_image_credit,
                                   a.hero_image_alt, a.canonical_url, a.word_count, a.show_in_related, a.version)), '[]')
                        FROM related_candidates(ARRAY[related_stories_json.article_id], now_utc, max_items, per_tag) r
                        JOIN articles a ON a.id = r.candidate_id);
                END
                $function$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION related_stories_json(integer, timestamp with time zone, integer, integer);");
        }
    }
}
