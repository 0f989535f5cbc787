using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// <c>newest_article_ids(now, count)</c>: the front page's ids, for PostgresNewsDbContext.NewestArticleIds. A
    /// PL/pgSQL function keeps its statement's plan for the session (here forced generic: a walk down
    /// ix_articles_feed whatever the parameters), where the same statement sent by the client was planned on every
    /// execution (about 0.25 ms a front page).
    /// </summary>
    public partial class NewestArticleIdsFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION newest_article_ids(now_utc timestamp with time zone, max_items integer)
                RETURNS TABLE (id integer)
                LANGUAGE plpgsql STABLE
                ROWS 20
                SET plan_cache_mode = force_generic_plan
                AS $function$
                #variable_conflict use_column
                BEGIN
                    -- status 2 is PUBLISHED: ArticleVisibility.PubliclyVisible's conditions.
                    RETURN QUERY
                    SELECT a.id FROM articles a
                    WHERE a.status = 2 AND a.published_at <= now_utc
                    ORDER BY a.published_at DESC, a.id DESC
                    LIMIT max_items;
                END
                $function$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION newest_article_ids(timestamp with time zone, integer);");
        }
    }
}
