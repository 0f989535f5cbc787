-- The article page as one statement: a random demo article by slug with its body, section, authors, tags
-- and five related stories ranked as NewsApi ranks them (bench_related, defined in postgraphile-related.sql).
-- pgbench -M prepared runs it as the ceiling; bench/run.sh passes -D demo_max=<highest demo-N>.
\set n random(1, :demo_max)
SELECT json_build_object(
  'id', a.id, 'slug', a.slug, 'headline', a.headline, 'standfirst', a.standfirst,
  'published_at', a.published_at, 'body', a.body,
  'section', (SELECT json_build_object('name', s.name) FROM sections s WHERE s.id = a.section_id),
  'authors', (SELECT coalesce(json_agg(json_build_object('name', au.name) ORDER BY aa.position), '[]')
                FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id),
  'tags', (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY at.position), '[]')
             FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id),
  'related', (SELECT coalesce(json_agg(json_build_object('slug', c.slug, 'headline', c.headline) ORDER BY r.ord), '[]')
                FROM bench_related(a.id, 5) r JOIN articles c ON c.id = r.id))
FROM articles a
WHERE a.slug = 'demo-' || :n AND a.status = 2 AND a.published_at <= now();
