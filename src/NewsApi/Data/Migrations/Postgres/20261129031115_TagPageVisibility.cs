using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TagPageVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "article_count",
                table: "tags",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "published_at",
                table: "article_tags",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "show_in_related",
                table: "article_tags",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "article_tags",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Fill the copies and counts for rows written before this migration, before the index is built.
            migrationBuilder.Sql("""
                UPDATE article_tags t SET status = a.status, published_at = a.published_at, show_in_related = a.show_in_related
                FROM articles a WHERE a.id = t.article_id;
                UPDATE tags t SET article_count = c.n
                FROM (SELECT tag_id, COUNT(*) AS n FROM article_tags GROUP BY tag_id) c WHERE c.tag_id = t.id;
                """);

            // The database keeps the copies whoever writes (EF, the scheduler, bench/sql's bulk inserts).
            migrationBuilder.Sql("""
                CREATE FUNCTION article_tags_copy_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT a.status, a.published_at, a.show_in_related INTO NEW.status, NEW.published_at, NEW.show_in_related
                    FROM articles a WHERE a.id = NEW.article_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER article_tags_copy_article BEFORE INSERT OR UPDATE OF article_id ON article_tags
                    FOR EACH ROW EXECUTE FUNCTION article_tags_copy_article();

                CREATE FUNCTION articles_copy_to_tags() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE article_tags SET status = NEW.status, published_at = NEW.published_at, show_in_related = NEW.show_in_related
                    WHERE article_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER articles_copy_to_tags AFTER UPDATE OF status, published_at, show_in_related ON articles
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
                                       OR OLD.show_in_related IS DISTINCT FROM NEW.show_in_related)
                    EXECUTE FUNCTION articles_copy_to_tags();

                -- Statement-level with transition tables: a bulk insert touches each tag's counter once.
                CREATE FUNCTION tags_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE tags t SET article_count = t.article_count + c.n
                    FROM (SELECT tag_id, COUNT(*) AS n FROM added GROUP BY tag_id) c WHERE c.tag_id = t.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tags_count_added AFTER INSERT ON article_tags
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tags_count_added();

                CREATE FUNCTION tags_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE tags t SET article_count = t.article_count - c.n
                    FROM (SELECT tag_id, COUNT(*) AS n FROM removed GROUP BY tag_id) c WHERE c.tag_id = t.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER tags_count_removed AFTER DELETE ON article_tags
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tags_count_removed();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_article_tags_published",
                table: "article_tags",
                columns: new[] { "tag_id", "published_at", "article_id" },
                descending: new[] { false, true, true },
                filter: "status = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER tags_count_removed ON article_tags;
                DROP TRIGGER tags_count_added ON article_tags;
                DROP TRIGGER articles_copy_to_tags ON articles;
                DROP TRIGGER article_tags_copy_article ON article_tags;
                DROP FUNCTION tags_count_removed();
                DROP FUNCTION tags_count_added();
                DROP FUNCTION articles_copy_to_tags();
                DROP FUNCTION article_tags_copy_article();
                """);

            migrationBuilder.DropIndex(
                name: "ix_article_tags_published",
                table: "article_tags");

            migrationBuilder.DropColumn(
                name: "article_count",
                table: "tags");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "article_tags");

            migrationBuilder.DropColumn(
                name: "show_in_related",
                table: "article_tags");

            migrationBuilder.DropColumn(
                name: "status",
                table: "article_tags");
        }
    }
}
