-- Writes the search documents (article_search) of articles that have none, in SQL, from the documents NewsApi
-- wrote for the C# generator's articles. Usage: psql -f search-documents.sql (after amplify-articles.sql).
--
-- Why: NewsApi's start-up backfill (Features/Search/SearchIndexBackfill) does the same through the C# normaliser,
-- but at a few hundred articles/s on a busy 2-core machine: an hour for a million. The articles amplify-articles.sql
-- writes recombine the generator's headlines, standfirsts and bodies verbatim, and the normaliser works word by
-- word, so each part's normalised text can be copied from a generator article with the same text. The tag part is
-- the tags' names normalised, in tag order: each generator tag's share of it is cut out of the documents of the
-- generator articles carrying it (a name of k words gives k terms). Articles any part cannot be found for are left
-- without a document, for the backfill. bench/lib.sh then checks a sample against the backfill's own output.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE known ON COMMIT DROP AS
  SELECT a.id, a.headline, a.standfirst, md5(a.body::text) AS body_md5, s.headline AS n_headline,
         s.standfirst AS n_standfirst, s.body AS n_body, s.tags AS n_tags
  FROM articles a JOIN article_search s ON s.article_id = a.id
  WHERE a.slug LIKE 'demo-%';

CREATE TEMP TABLE headline_map ON COMMIT DROP AS
  SELECT DISTINCT ON (headline) headline, n_headline FROM known;
CREATE TEMP TABLE standfirst_map ON COMMIT DROP AS
  SELECT DISTINCT ON (coalesce(standfirst, '')) coalesce(standfirst, '') AS standfirst, n_standfirst FROM known;
CREATE TEMP TABLE body_map ON COMMIT DROP AS
  SELECT DISTINCT ON (body_md5) body_md5, n_body FROM known;
CREATE INDEX ON headline_map (headline);
CREATE INDEX ON standfirst_map (standfirst);
CREATE INDEX ON body_map (body_md5);

-- Words of each generator tag's names (Arabic and English), and where its terms start in an article's tag part.
CREATE TEMP TABLE tag_words ON COMMIT DROP AS
  SELECT id AS tag_id,
         coalesce(array_length(regexp_split_to_array(nullif(btrim(name), ''), '\s+'), 1), 0)
         + coalesce(array_length(regexp_split_to_array(nullif(btrim(name_en), ''), '\s+'), 1), 0) AS words
  FROM tags WHERE slug LIKE 'tag-%';

CREATE TEMP TABLE cut ON COMMIT DROP AS
  SELECT k.id, at.tag_id, tw.words, k.n_tags,
         sum(tw.words) OVER (PARTITION BY k.id ORDER BY at.position) - tw.words AS start,
         sum(tw.words) OVER (PARTITION BY k.id) AS total
  FROM known k
  JOIN article_tags at ON at.article_id = k.id
  JOIN tag_words tw ON tw.tag_id = at.tag_id;

-- Only articles whose tag part has exactly as many terms as their tags have words (so the cut is unambiguous),
-- and only tags every such article agrees on.
CREATE TEMP TABLE tag_text ON COMMIT DROP AS
  SELECT tag_id, min(part) AS part
  FROM (
    SELECT tag_id, array_to_string((regexp_split_to_array(n_tags, ' '))[start + 1 : start + words], ' ') AS part
    FROM cut
    WHERE total = coalesce(array_length(regexp_split_to_array(nullif(n_tags, ''), ' '), 1), 0)
  ) parts
  GROUP BY tag_id
  HAVING count(DISTINCT part) = 1;
CREATE INDEX ON tag_text (tag_id);

CREATE TEMP TABLE missing ON COMMIT DROP AS
  SELECT a.id, a.headline, coalesce(a.standfirst, '') AS standfirst, md5(a.body::text) AS body_md5
  FROM articles a
  WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id);

-- Inserting hundreds of thousands of rows into a GIN index row by row is the slow part; building it afresh
-- afterwards is several times faster. The indexes are recreated from their own definitions, whatever they are.
CREATE TEMP TABLE gin_indexes ON COMMIT DROP AS
  SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
  WHERE i.indrelid = 'article_search'::regclass AND am.amname = 'gin'
    AND (SELECT count(*) FROM missing) > 50000;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT name FROM gin_indexes LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP;
END $$;

INSERT INTO article_search (article_id, headline, standfirst, tags, body)
SELECT m.id, h.n_headline, sf.n_standfirst, t.tags, b.n_body
FROM missing m
JOIN headline_map h ON h.headline = m.headline
JOIN standfirst_map sf ON sf.standfirst = m.standfirst
JOIN body_map b ON b.body_md5 = m.body_md5
JOIN (
  SELECT at.article_id,
         coalesce(string_agg(nullif(tt.part, ''), ' ' ORDER BY at.position), '') AS tags,
         count(*) FILTER (WHERE tt.tag_id IS NULL) AS unknown
  FROM article_tags at
  LEFT JOIN tag_text tt ON tt.tag_id = at.tag_id
  WHERE at.article_id IN (SELECT id FROM missing)
  GROUP BY at.article_id
) t ON t.article_id = m.id AND t.unknown = 0;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT definition FROM gin_indexes LOOP EXECUTE r.definition; END LOOP;
END $$;

COMMIT;
