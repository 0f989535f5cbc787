using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "article_search",
                columns: table => new
                {
                    article_id = table.Column<int>(type: "integer", nullable: false),
                    headline = table.Column<string>(type: "text", nullable: false),
                    standfirst = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_search", x => x.article_id);
                    table.ForeignKey(
                        name: "fk_article_search_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The text is normalised and stemmed in C# (ArabicNormalizer); the 'simple' configuration only splits and
            // lower-cases, so the lexemes are exactly our terms. Weights: A headline, B standfirst, C tags, D body.
            migrationBuilder.Sql("""
                ALTER TABLE article_search ADD COLUMN vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, headline), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, standfirst), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, tags), 'C') ||
                    setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_article_search_vector ON article_search USING GIN (vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_search");
        }
    }
}
