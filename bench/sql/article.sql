-- The article page as one statement: a random demo article by slug with its body, section, authors, tags
-- and five related stories ranked as NewsApi ranks them (curated links in the editor's order, then the
-- published articles sharing the most tags, newest first). pgbench -M prepared runs it as the ceiling;
-- bench/run.sh passes -D demo_max=<highest demo-N>.
\set n random(1, :demo_max)
SELECT json_build_object(
  'id', a.id, 'slug', a.slug, 'headline', a.headline, 'standfirst', a.standfirst,
  'published_at', a.published_at, 'body', a.body,
  'section', (SELECT json_build_object('name', s.name) FROM sections s WHERE s.id = a.section_id),
  'authors', (SELECT coalesce(json_agg(json_build_object('name', au.name) ORDER BY aa.position), '[]')
                FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
  'tags', (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY at.position), '[]')
             FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id),
  'related', (SELECT coalesce(json_agg(json_build_object('slug', r.slug, 'headline', r.headline)), '[]') FROM (
      SELECT slug, headline FROM (
        (SELECT c.slug, c.headline, 0 AS grp, l.position AS ord, 0::bigint AS shared, c.published_at, c.id
           FROM related_links l JOIN articles c ON c.id = l.to_article_id
          WHERE l.from_article_id = a.id AND c.status = 2 AND c.published_at <= now())
        UNION ALL
        (SELECT c.slug, c.headline, 1, 0, count(*), c.published_at, c.id
           FROM article_tags st
           JOIN article_tags ct ON ct.tag_id = st.tag_id AND ct.article_id <> st.article_id
           JOIN articles c ON c.id = ct.article_id
          WHERE st.article_id = a.id AND c.status = 2 AND c.published_at <= now() AND c.show_in_related
            AND NOT EXISTS (SELECT 1 FROM related_links x WHERE x.from_article_id = a.id AND x.to_article_id = c.id)
          GROUP BY c.id
          ORDER BY count(*) DESC, c.published_at DESC, c.id DESC
          LIMIT 5)
      ) ranked
      ORDER BY grp, ord, shared DESC, published_at DESC, id DESC
      LIMIT 5) r))
FROM articles a
WHERE a.slug = 'demo-' || :n AND a.status = 2 AND a.published_at <= now();
