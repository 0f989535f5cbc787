using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "published_at",
                table: "article_tags",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "show_in_related",
                table: "article_tags",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "article_tags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Fill the copies and counts for rows written before this migration, before the index is built.
            migrationBuilder.Sql("""
                UPDATE article_tags SET (status, published_at, show_in_related) =
                    (SELECT a.status, a.published_at, a.show_in_related FROM articles a WHERE a.id = article_tags.article_id);
                UPDATE tags SET article_count = (SELECT COUNT(*) FROM article_tags at WHERE at.tag_id = tags.id);
                """);

            // The database keeps the copies whoever writes. A future migration that rebuilds article_tags or
            // articles (SQLite's table rebuild) must create these triggers again.
            migrationBuilder.Sql("""
                CREATE TRIGGER article_tags_copy_article AFTER INSERT ON article_tags BEGIN
                    UPDATE article_tags SET (status, published_at, show_in_related) =
                        (SELECT a.status, a.published_at, a.show_in_related FROM articles a WHERE a.id = NEW.article_id)
                    WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
                    UPDATE tags SET article_count = article_count + 1 WHERE id = NEW.tag_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER tags_count_removed AFTER DELETE ON article_tags BEGIN
                    UPDATE tags SET article_count = article_count - 1 WHERE id = OLD.tag_id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER articles_copy_to_tags AFTER UPDATE OF status, published_at, show_in_related ON articles BEGIN
                    UPDATE article_tags SET status = NEW.status, published_at = NEW.published_at, show_in_related = NEW.show_in_related
                    WHERE article_id = NEW.id;
                END;
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
            migrationBuilder.Sql("DROP TRIGGER articles_copy_to_tags;");
            migrationBuilder.Sql("DROP TRIGGER tags_count_removed;");
            migrationBuilder.Sql("DROP TRIGGER article_tags_copy_article;");

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
