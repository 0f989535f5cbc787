using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// Search finds a word's newest matches by walking publication time on article_search itself: the document
    /// carries copies of its article's status and publication time (kept by triggers, like article_tags'), and its
    /// vector is stored inline (compressed in the row, not out of line), so testing a row against the query costs
    /// microseconds instead of a lookup in the out-of-line storage. The table is rebuilt, newest first, because
    /// neither change reaches rows already stored.
    /// </summary>
    public partial class SearchByPublicationTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                SET LOCAL maintenance_work_mem = '256MB';

                CREATE TABLE article_search_rebuilt (
                    article_id integer NOT NULL,
                    headline text NOT NULL,
                    standfirst text NOT NULL,
                    tags text NOT NULL,
                    body text NOT NULL,
                    similar_stale boolean NOT NULL DEFAULT false,
                    status integer NOT NULL DEFAULT 0,
                    published_at timestamp with time zone,
                    vector tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple'::regconfig, headline), 'A') ||
                        setweight(to_tsvector('simple'::regconfig, standfirst), 'B') ||
                        setweight(to_tsvector('simple'::regconfig, tags), 'C') ||
                        setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED);
                ALTER TABLE article_search_rebuilt ALTER COLUMN vector SET STORAGE MAIN;

                INSERT INTO article_search_rebuilt (article_id, headline, standfirst, tags, body, similar_stale, status, published_at)
                SELECT s.article_id, s.headline, s.standfirst, s.tags, s.body, s.similar_stale, a.status, a.published_at
                FROM article_search s JOIN articles a ON a.id = s.article_id
                ORDER BY a.published_at DESC NULLS LAST, a.id DESC;

                DROP TABLE article_search;
                ALTER TABLE article_search_rebuilt RENAME TO article_search;
                ALTER TABLE article_search ADD CONSTRAINT pk_article_search PRIMARY KEY (article_id);
                ALTER TABLE article_search ADD CONSTRAINT fk_article_search_articles_article_id
                    FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE;
                CREATE INDEX ix_article_search_vector ON article_search USING GIN (vector);
                CREATE INDEX ix_article_search_published ON article_search (published_at DESC, article_id DESC) WHERE status = 2;

                CREATE FUNCTION article_search_copy_article() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT a.status, a.published_at INTO NEW.status, NEW.published_at FROM articles a WHERE a.id = NEW.article_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER article_search_copy_article BEFORE INSERT OR UPDATE OF article_id ON article_search
                    FOR EACH ROW EXECUTE FUNCTION article_search_copy_article();

                CREATE FUNCTION articles_copy_to_search() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE article_search SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER articles_copy_to_search AFTER UPDATE OF status, published_at ON articles
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at)
                    EXECUTE FUNCTION articles_copy_to_search();

                ANALYZE article_search;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER articles_copy_to_search ON articles;
                DROP FUNCTION articles_copy_to_search();
                DROP TRIGGER article_search_copy_article ON article_search;
                DROP FUNCTION article_search_copy_article();
                DROP INDEX ix_article_search_published;
                ALTER TABLE article_search DROP COLUMN status, DROP COLUMN published_at;
                """);
        }
    }
}
