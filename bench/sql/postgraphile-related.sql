-- Related stories ranked exactly as NewsApi ranks them, so PostGraphile and the prepared-SQL ceiling do the same
-- work for the article page as NewsApi does: both call NewsApi's own PL/pgSQL function related_candidates (migration
-- RelatedCandidatesFunction: curated links first, then the automatic suggestions among the newest 100 published
-- stories of each shared tag and the stored similar-text pairs), with its cached generic plan.
--
-- bench_related(id, n) is used by bench/sql/article.sql (pgbench); articles_related is PostGraphile's computed
-- column Article.related(maxItems:). Idempotent; bench/run.sh applies it to every database it measures, after
-- NewsApi has started on it (and migrated it).
CREATE OR REPLACE FUNCTION public.bench_related(source int, max_items int)
RETURNS TABLE (id int, ord bigint)
LANGUAGE sql STABLE AS $$
  SELECT candidate_id, row_number() OVER (ORDER BY curated_first, rank) AS ord
    FROM public.related_candidates(ARRAY[source], now(), max_items, 100)
   ORDER BY ord
   LIMIT max_items
$$;

CREATE OR REPLACE FUNCTION public.articles_related(a public.articles, max_items int)
RETURNS SETOF public.articles
LANGUAGE sql STABLE AS $$
  SELECT c.* FROM public.bench_related(a.id, max_items) r JOIN articles c ON c.id = r.id ORDER BY r.ord
$$;
