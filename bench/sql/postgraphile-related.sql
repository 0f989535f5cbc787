-- Related stories for PostGraphile: a computed column (Article.related(maxItems:)) ranking exactly as NewsApi
-- does (curated links in the editor's order, then the published articles sharing the most tags, newest
-- first), so both servers do the same work for the article page. Idempotent; bench/run.sh applies it.
CREATE OR REPLACE FUNCTION public.articles_related(a public.articles, max_items int)
RETURNS SETOF public.articles
LANGUAGE sql STABLE AS $$
  SELECT c.* FROM (
    (SELECT l.to_article_id AS id, 0 AS grp, l.position AS ord, 0::bigint AS shared
       FROM related_links l WHERE l.from_article_id = a.id)
    UNION ALL
    (SELECT ct.article_id, 1, 0, count(*)
       FROM article_tags st
       JOIN article_tags ct ON ct.tag_id = st.tag_id AND ct.article_id <> st.article_id
       JOIN articles c ON c.id = ct.article_id
      WHERE st.article_id = a.id AND c.status = 2 AND c.published_at <= now() AND c.show_in_related
        AND NOT EXISTS (SELECT 1 FROM related_links x WHERE x.from_article_id = a.id AND x.to_article_id = c.id)
      GROUP BY ct.article_id, c.published_at
      ORDER BY count(*) DESC, c.published_at DESC, ct.article_id DESC
      LIMIT max_items)
  ) ranked
  JOIN articles c ON c.id = ranked.id AND c.status = 2 AND c.published_at <= now()
  ORDER BY ranked.grp, ranked.ord, ranked.shared DESC, c.published_at DESC, c.id DESC
  LIMIT max_items
$$;
