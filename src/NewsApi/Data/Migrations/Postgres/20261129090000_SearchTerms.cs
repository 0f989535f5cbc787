using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Data.Migrations.Postgres
{
    /// <summary>
    /// Every term any search document holds, so that search can turn a prefix (the word being typed: the last word of
    /// every unquoted query) into the few whole terms it begins before asking the GIN index. GIN answers a prefix by
    /// collecting every matching posting into a bitmap and sorting it, three times the cost of reading the same
    /// postings as whole terms (at a million articles, 23 ms against 7 ms for بغداد). Triggers keep the table complete
    /// in the transaction that writes a document, so an expansion never misses a document the same snapshot could
    /// see; terms are never removed (a term no document holds any more costs an index look-up that finds nothing).
    /// Inserts are sorted, so two writers adding the same new terms wait for each other in one order.
    /// </summary>
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_terms (term text COLLATE "C" NOT NULL, CONSTRAINT pk_search_terms PRIMARY KEY (term));

                CREATE FUNCTION search_terms_of_inserted_documents() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO search_terms (term)
                    SELECT DISTINCT t.term FROM inserted_documents d, unnest(tsvector_to_array(d.vector)) AS t(term)
                    ORDER BY 1
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER search_terms_of_inserted_documents AFTER INSERT ON article_search
                    REFERENCING NEW TABLE AS inserted_documents
                    FOR EACH STATEMENT EXECUTE FUNCTION search_terms_of_inserted_documents();

                CREATE FUNCTION search_terms_of_updated_document() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO search_terms (term)
                    SELECT t.term FROM unnest(tsvector_to_array(NEW.vector)) AS t(term)
                    ORDER BY 1
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER search_terms_of_updated_document AFTER UPDATE OF headline, standfirst, tags, body ON article_search
                    FOR EACH ROW WHEN (OLD.vector IS DISTINCT FROM NEW.vector)
                    EXECUTE FUNCTION search_terms_of_updated_document();

                INSERT INTO search_terms (term) SELECT word FROM ts_stat('SELECT vector FROM article_search') ORDER BY 1;
                ANALYZE search_terms;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER search_terms_of_updated_document ON article_search;
                DROP FUNCTION search_terms_of_updated_document();
                DROP TRIGGER search_terms_of_inserted_documents ON article_search;
                DROP FUNCTION search_terms_of_inserted_documents();
                DROP TABLE search_terms;
                """);
        }
    }
}
