using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Sqlite
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
                    article_id = table.Column<int>(type: "INTEGER", nullable: false),
                    headline = table.Column<string>(type: "TEXT", nullable: false),
                    standfirst = table.Column<string>(type: "TEXT", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false)
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

            // An external-content FTS5 index over the normalised, stemmed text (ArabicNormalizer), kept in step with
            // article_search by triggers, so every write path that changes a document changes the index.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE article_search_fts USING fts5(
                    headline, standfirst, tags, body,
                    content='article_search', content_rowid='article_id',
                    tokenize='unicode61 remove_diacritics 0', prefix='2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN
                    INSERT INTO article_search_fts(rowid, headline, standfirst, tags, body)
                    VALUES (new.article_id, new.headline, new.standfirst, new.tags, new.body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN
                    INSERT INTO article_search_fts(article_search_fts, rowid, headline, standfirst, tags, body)
                    VALUES ('delete', old.article_id, old.headline, old.standfirst, old.tags, old.body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN
                    INSERT INTO article_search_fts(article_search_fts, rowid, headline, standfirst, tags, body)
                    VALUES ('delete', old.article_id, old.headline, old.standfirst, old.tags, old.body);
                    INSERT INTO article_search_fts(rowid, headline, standfirst, tags, body)
                    VALUES (new.article_id, new.headline, new.standfirst, new.tags, new.body);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS article_search_au;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS article_search_ad;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS article_search_ai;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS article_search_fts;");
            migrationBuilder.DropTable(
                name: "article_search");
        }
    }
}
