-- Related stories ranked exactly as NewsApi ranks them (RelatedStoriesByArticleIdDataLoader), so PostGraphile and
-- the prepared-SQL ceiling do the same work for the article page as NewsApi does: the curated links in the editor's
-- order (published ones only), then automatic suggestions among the newest 100 published stories of each shared
-- tag (a walk down ix_article_tags_published) and the stored similar-text pairs, each shared tag weighing
-- 1/ln(2 + articles carrying it), a similar text adding its overlap, the sum divided by (1 + age in days / 30);
-- never a curated target twice, never an article with show_in_related false. Keep in step with the loader.
--
-- bench_related(id, n) is used by bench/sql/article.sql (pgbench); articles_related is PostGraphile's computed
-- column Article.related(maxItems:). Idempotent; bench/run.sh applies it to every database it measures.
CREATE OR REPLACE FUNCTION public.bench_related(source int, max_items int)
RETURNS TABLE (id int, ord bigint)
LANGUAGE sql STABLE AS $$
  WITH curated AS (
    SELECT l.to_article_id AS id, row_number() OVER (ORDER BY l.position, l.id) AS ord
      FROM related_links l JOIN articles c ON c.id = l.to_article_id
     WHERE l.from_article_id = source AND c.status = 2 AND c.published_at <= now()
  ),
  src AS (
    SELECT s.tag_id, 1.0 / ln(2 + t.article_count) AS weight
      FROM article_tags s JOIN tags t ON t.id = s.tag_id
     WHERE s.article_id = source
  ),
  candidates AS (
    SELECT c.article_id AS candidate_id, src.weight AS tag_score, 1 AS shared, 0.0::float8 AS text_score, c.published_at
      FROM src CROSS JOIN LATERAL (
        SELECT c.article_id, c.published_at FROM article_tags c
         WHERE c.tag_id = src.tag_id AND c.status = 2 AND c.published_at <= now() AND c.show_in_related
           AND c.article_id <> source
         ORDER BY c.published_at DESC, c.article_id DESC
         LIMIT 100) c
    UNION ALL
    SELECT x.similar_article_id, 0.0, 0, x.score, a.published_at
      FROM article_similarities x JOIN articles a ON a.id = x.similar_article_id
     WHERE x.article_id = source AND a.status = 2 AND a.published_at <= now() AND a.show_in_related
  ),
  automatic AS (
    SELECT candidate_id AS id,
           (SUM(tag_score) + SUM(text_score)) / (1 + EXTRACT(EPOCH FROM (now() - MAX(published_at))) / 86400.0 / 30.0) AS score,
           MAX(published_at) AS published_at
      FROM candidates
     WHERE NOT EXISTS (SELECT 1 FROM related_links r WHERE r.from_article_id = source AND r.to_article_id = candidate_id)
     GROUP BY candidate_id
  )
  SELECT id, ord FROM (
    SELECT id, ord FROM curated
    UNION ALL
    SELECT id, 1000000 + row_number() OVER (ORDER BY score DESC, published_at DESC, id DESC) FROM automatic
  ) ranked
  ORDER BY ord
  LIMIT max_items
$$;

CREATE OR REPLACE FUNCTION public.articles_related(a public.articles, max_items int)
RETURNS SETOF public.articles
LANGUAGE sql STABLE AS $$
  SELECT c.* FROM public.bench_related(a.id, max_items) r JOIN articles c ON c.id = r.id ORDER BY r.ord
$$;
