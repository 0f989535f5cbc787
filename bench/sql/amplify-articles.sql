-- Tops a store that already holds the C# generator's demo articles up to :target articles, in SQL.
-- Usage: psql -v target=1000000 -f amplify-articles.sql
--
-- Why: the generator runs through EF Core at a few thousand articles per second; a million would take
-- long enough to make the benchmark a chore. This keeps its data realistic without copying its vocabulary:
-- each new article takes its headline, standfirst and body from three different generated articles
-- (so the Arabic is the generator's own, recombined), a random section, a publication time spread over the
-- same two years, 3-5 distinct tags favouring the first ones (the generator's r*r skew: a few tags are very
-- common) and 1-2 distinct authors. Slugs continue the generator's numbering (demo-N).
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE base ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id)::int AS k, headline, standfirst, body, word_count, source_name
  FROM articles WHERE slug LIKE 'demo-%';
CREATE INDEX ON base (k);
CREATE TEMP TABLE tag_ids ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY slug)::int AS k, id FROM tags WHERE slug LIKE 'tag-%';
CREATE TEMP TABLE author_ids ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY slug)::int AS k, id FROM authors WHERE slug LIKE 'author-%';
CREATE TEMP TABLE section_ids ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id)::int AS k, id FROM sections;
ANALYZE base; ANALYZE tag_ids; ANALYZE author_ids; ANALYZE section_ids;

SELECT count(*) AS have FROM articles \gset
SELECT count(*) AS nbase FROM base \gset
SELECT count(*) AS ntags FROM tag_ids \gset
SELECT count(*) AS nauthors FROM author_ids \gset
SELECT count(*) AS nsections FROM section_ids \gset
SELECT max(substring(slug FROM 6)::bigint) AS lastnum FROM articles WHERE slug LIKE 'demo-%' \gset
SELECT coalesce(max(id), 0) AS maxid FROM articles \gset

-- One row per new article with its random picks; volatile random() in a select list is drawn per row.
CREATE TEMP TABLE picks ON COMMIT DROP AS
  SELECT g,
         1 + floor(random() * :nbase)::int AS hk,
         1 + floor(random() * :nbase)::int AS sk,
         1 + floor(random() * :nbase)::int AS bk,
         1 + floor(random() * :nsections)::int AS seck,
         date_trunc('microseconds', now() - interval '730 days' * random()) AS published_at,
         (10 + floor(random() * 230)::int) * interval '1 minute' AS drafted_for
  FROM generate_series(1, :target - :have) AS g;

INSERT INTO articles (slug, headline, standfirst, body, lang, status, published_at, created_at, updated_at,
                      section_id, source_name, canonical_url, word_count, show_in_related, version)
SELECT 'demo-' || (:lastnum + p.g), h.headline, s.standfirst, b.body, 'ar', 2, p.published_at,
       p.published_at - p.drafted_for, p.published_at, sec.id, b.source_name,
       'https://news.example/ar/demo-' || (:lastnum + p.g), b.word_count, true, 1
FROM picks p
JOIN base h ON h.k = p.hk
JOIN base s ON s.k = p.sk
JOIN base b ON b.k = p.bk
JOIN section_ids sec ON sec.k = p.seck
ORDER BY p.g;

CREATE TEMP TABLE new_articles ON COMMIT DROP AS
  SELECT id, 3 + floor(random() * 3)::int AS tag_count, 1 + floor(random() * 2)::int AS author_count
  FROM articles WHERE id > :maxid;

-- Eight skewed draws per article, duplicates dropped (keeping the first draw), the first 3-5 kept.
INSERT INTO article_tags (article_id, tag_id, position)
SELECT r.id, t.id, r.pos - 1
FROM (
  SELECT id, tag_count, tk, row_number() OVER (PARTITION BY id ORDER BY min(draw)) AS pos
  FROM (
    SELECT n.id, n.tag_count, d.draw, 1 + floor(power(random(), 2) * :ntags)::int AS tk
    FROM new_articles n CROSS JOIN generate_series(1, 8) AS d(draw)
  ) draws
  GROUP BY id, tag_count, tk
) r
JOIN tag_ids t ON t.k = r.tk
WHERE r.pos <= r.tag_count;

INSERT INTO article_authors (article_id, author_id, position)
SELECT r.id, a.id, r.pos - 1
FROM (
  SELECT id, author_count, ak, row_number() OVER (PARTITION BY id ORDER BY min(draw)) AS pos
  FROM (
    SELECT n.id, n.author_count, d.draw, 1 + floor(random() * :nauthors)::int AS ak
    FROM new_articles n CROSS JOIN generate_series(1, 4) AS d(draw)
  ) draws
  GROUP BY id, author_count, ak
) r
JOIN author_ids a ON a.k = r.ak
WHERE r.pos <= r.author_count;

COMMIT;
