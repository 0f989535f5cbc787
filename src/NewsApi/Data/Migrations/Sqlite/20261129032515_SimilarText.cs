using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimilarText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Documents already stored start up to date: a large existing store is not re-read at start-up;
            // their suggestions come when their text or status is next written.
            migrationBuilder.AddColumn<bool>(
                name: "similar_stale",
                table: "article_search",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "article_similarities",
                columns: table => new
                {
                    article_id = table.Column<int>(type: "INTEGER", nullable: false),
                    similar_article_id = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_similarities", x => new { x.article_id, x.similar_article_id });
                    table.ForeignKey(
                        name: "fk_article_similarities_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_article_similarities_articles_similar_article_id",
                        column: x => x.similar_article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_article_similarities_similar_article_id",
                table: "article_similarities",
                column: "similar_article_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_similarities");

            migrationBuilder.DropColumn(
                name: "similar_stale",
                table: "article_search");
        }
    }
}
