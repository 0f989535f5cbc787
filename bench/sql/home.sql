-- The home feed as one statement: the 20 newest published articles with section, authors and tags, built
-- into the JSON the page needs. pgbench -M prepared runs it as the ceiling NewsApi is compared with.
SELECT json_agg(feed) FROM (
  SELECT a.id, a.slug, a.headline, a.standfirst, a.published_at,
         (SELECT json_build_object('name', s.name) FROM sections s WHERE s.id = a.section_id) AS section,
         (SELECT coalesce(json_agg(json_build_object('name', au.name) ORDER BY aa.position), '[]')
            FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id) AS authors,
         (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY at.position), '[]')
            FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags
  FROM articles a
  WHERE a.status = 2 AND a.published_at <= now()
  ORDER BY a.published_at DESC, a.id DESC
  LIMIT 20
) feed;
