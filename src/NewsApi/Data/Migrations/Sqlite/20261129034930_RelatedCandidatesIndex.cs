using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RelatedCandidatesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_article_tags_published",
                table: "article_tags");

            migrationBuilder.CreateIndex(
                name: "ix_article_tags_published",
                table: "article_tags",
                columns: new[] { "tag_id", "published_at", "article_id", "show_in_related" },
                descending: new[] { false, true, true, false },
                filter: "status = 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_article_tags_published",
                table: "article_tags");

            migrationBuilder.CreateIndex(
                name: "ix_article_tags_published",
                table: "article_tags",
                columns: new[] { "tag_id", "published_at", "article_id" },
                descending: new[] { false, true, true },
                filter: "status = 2");
        }
    }
}
