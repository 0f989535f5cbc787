#!/usr/bin/env bash
# Turns bench/run.sh's results.tsv (and the commands it ran) into BENCHMARKS.md on standard output.
# Usage: bench/report.sh results.tsv commands.txt > BENCHMARKS.md
set -euo pipefail

tsv="$1"
commands="$2"

machine_facts() {
  local cpu mem kernel
  cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  mem="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  kernel="$(uname -srm)"
  echo "- CPU: ${cpu:-unknown}, $(nproc) cores (nproc)"
  echo "- Memory: $mem"
  echo "- Kernel: $kernel"
  echo "- .NET SDK $(dotnet --version 2>/dev/null || echo '?'); ${PG_VERSION:-PostgreSQL}; $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
  echo "- Load average (1, 5, 15 min) when the run started: ${BENCH_LOAD_AT_START:-?}; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
}

cat <<EOF
# Benchmarks

${BENCH_LABEL:+> **${BENCH_LABEL}**
}
Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); every number above the sections written by \`search.sh\`, \`subscribers.sh\` and \`soak.sh\` (each with its own date and command) came from that run.

## Machine

$(machine_facts)

## How to reproduce

\`\`\`sh
sudo env ${BENCH_INVOCATION}
\`\`\`

The full comparison (a quiet machine, about an hour and a half; seeding 1M articles takes several minutes
the first time, and the databases are kept in \`/tmp/newsapi-bench-pg\` for the next run):

\`\`\`sh
sudo bench/run.sh
\`\`\`

The script installs what is missing (wrk, PostgreSQL from Debian's packages; PostGraphile 5.1.5 and Node 22
into \`bench/postgraphile\` with \`npm ci\`), starts a throwaway PostgreSQL cluster (fsync on) under \`/tmp\`,
seeds one database per size (the C# demo generator for the first 10,000 articles, \`bench/sql/amplify-articles.sql\`
recombining them beyond that; a database with the right count is reused), reads every relation of it into the
page cache (\`pg_prewarm\`), then per size starts NewsApi (Release, \`ASPNETCORE_ENVIRONMENT=Production\`, logging
at Warning) and PostGraphile (amber preset) side by side on the same database, checks one response of each
operation (HTTP 200, no \`errors\`, the page's number of items), warms up, and drives \`wrk\` (\`bench/wrk/graphql.lua\`, documents in \`bench/queries/\`)
over loopback, each operation on NewsApi and then at once on PostGraphile (the other server idle). Every response under load is checked too: "bad" counts non-2xx, bodies with \`errors\` and
socket errors (a response slower than wrk's \`--timeout\`, 10 s, counts as one). \`pgbench -M prepared\` runs the equivalent single SQL statement (\`bench/sql/home.sql\`,
\`bench/sql/article.sql\`) as the ceiling. RSS is the server process's peak VmRSS during the run.

Load generator, servers and PostgreSQL share the machine's cores, as they would on any single box; absolute
numbers are this machine's, the ratios are the point.

## Results

Throughput in requests/s (pgbench: transactions/s), latency in ms. "vs PostGraphile" and "vs SQL" are
NewsApi's throughput divided by PostGraphile's (same operation, method and concurrency) and by pgbench's
(same operation and concurrency).

EOF

awk -F'\t' '
  NR == 1 { next }
  {
    key = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
    rps[key] = $6; p50[key] = $7; p99[key] = $8; n[key] = $9; bad[key] = $10; rss[key] = $11
    if (!($1 in seen_size)) { seen_size[$1] = 1; sizes[++ns] = $1 }
    so = $1 SUBSEP $2
    if (!(so in seen_op)) { seen_op[so] = 1; ops[$1, ++nops[$1]] = $2 }
    if (!(($1, $5) in seen_c)) { seen_c[$1, $5] = 1; conc[$1, ++nc[$1]] = $5 }
    if ($3 == "newsapi" && $11 + 0 > maxrss[$1]) maxrss[$1] = $11 + 0
  }
  function ratio(a, b) { return (b + 0 > 0 && a != "") ? sprintf("%.2f×", a / b) : "–" }
  function cell(k) { return (k in rps) ? sprintf("%.0f | %.2f | %.2f | %s", rps[k], p50[k], p99[k], bad[k]) : "– | – | – | –" }
  END {
    for (i = 1; i <= ns; i++) {
      s = sizes[i]
      printf "### %s articles\n\n", s
      print "| operation | method | conc. | NewsApi req/s | p50 | p99 | bad | PostGraphile req/s | p50 | p99 | bad | pgbench tx/s | p50 | p99 | vs PostGraphile | vs SQL | NewsApi RSS MB | PostGraphile RSS MB |"
      print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (j = 1; j <= nops[s]; j++) {
        op = ops[s, j]
        for (m = 1; m <= 2; m++) {
          method = (m == 1) ? "POST" : "GET"
          for (c = 1; c <= nc[s]; c++) {
            cc = conc[s, c]
            kn = s SUBSEP op SUBSEP "newsapi" SUBSEP method SUBSEP cc
            kp = s SUBSEP op SUBSEP "postgraphile" SUBSEP method SUBSEP cc
            ks = s SUBSEP op SUBSEP "pgbench" SUBSEP "SQL" SUBSEP cc
            if (!(kn in rps) && !(kp in rps)) continue
            sql = (ks in rps) ? sprintf("%.0f | %.2f | %.2f", rps[ks], p50[ks], p99[ks]) : "– | – | –"
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", op, method, cc, cell(kn), cell(kp), sql,
              ((kn in rps) && (kp in rps)) ? ratio(rps[kn], rps[kp]) : "–",
              ((kn in rps) && (ks in rps)) ? ratio(rps[kn], rps[ks]) : "–",
              (kn in rss) ? rss[kn] : "–", (kp in rss) ? rss[kp] : "–"
          }
        }
      }
      printf "\nNewsApi peak RSS at %s articles: %s MB.\n\n", s, maxrss[s] + 0
    }
  }' "$tsv"

cat <<EOF
## Targets (issue 8)

$(awk -F'\t' '
  NR == 1 { next }
  { k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4 SUBSEP $5; rps[k] = $6; p99[k] = $8; if ($3 == "newsapi" && $11 + 0 > rss[$1]) rss[$1] = $11 + 0; sizes[$1] = 1 }
  function verdict(ok) { return ok ? "met" : "**not met**" }
  END {
    split("home article", ops, " ")
    for (i = 1; i <= 2; i++) {
      op = ops[i]; n = "100000" SUBSEP op SUBSEP "newsapi" SUBSEP "POST" SUBSEP "16"; p = "100000" SUBSEP op SUBSEP "postgraphile" SUBSEP "POST" SUBSEP "16"
      if ((n in rps) && (p in rps))
        printf "- %s, POST, c=16, 100k: %.2f× PostGraphile (target ≥ 1.5×: %s); p99 %.2f vs %.2f ms (%s)\n", op, rps[n] / rps[p], verdict(rps[n] / rps[p] >= 1.5), p99[n], p99[p], verdict(p99[n] <= p99[p])
      else printf "- %s, POST, c=16, 100k vs PostGraphile: not measured in this run\n", op
    }
    n = "100000" SUBSEP "home" SUBSEP "newsapi" SUBSEP "POST" SUBSEP "16"; q = "100000" SUBSEP "home" SUBSEP "pgbench" SUBSEP "SQL" SUBSEP "16"
    if ((n in rps) && (q in rps)) printf "- home feed, c=16, 100k: %.0f%% of the prepared-SQL ceiling (target ≥ 50%%: %s)\n", 100 * rps[n] / rps[q], verdict(rps[n] / rps[q] >= 0.5)
    else print "- home feed vs the prepared-SQL ceiling at 100k: not measured in this run"
    for (i = 1; i <= 2; i++) {
      op = ops[i]; big = "1000000" SUBSEP op SUBSEP "newsapi" SUBSEP "POST" SUBSEP "16"; small = "10000" SUBSEP op SUBSEP "newsapi" SUBSEP "POST" SUBSEP "16"
      if ((big in p99) && (small in p99)) printf "- %s p99 at 1M vs 10k (POST, c=16): %.2f× (target ≤ 1.2×: %s)\n", op, p99[big] / p99[small], verdict(p99[big] / p99[small] <= 1.2)
      else printf "- %s p99 at 1M vs 10k: not measured in this run\n", op
    }
    if ("100000" in rss) printf "- NewsApi peak RSS at 100k: %d MB (target < 300 MB: %s)\n", rss["100000"], verdict(rss["100000"] < 300)
    else print "- NewsApi memory at 100k: not measured in this run"
  }' "$tsv")

## What each side is asked

- **NewsApi**: \`bench/queries/newsapi/*.graphql\`: the home feed (\`articles(first: 20)\` with section, authors,
  tags), the article page by slug (body, section, authors, tags, \`related(first: 5)\`), the ticker, a tag page
  (\`tag(slug) { articles(first: 20) }\`; slugs drawn from all 2,000 tags, popular and rare), and search
  (\`search(query:, first: 10)\`, the queries of \`bench/search/queries.tsv\` that must find something; NewsApi only).
- **PostGraphile 5.1.5** (\`bench/postgraphile/graphile.config.mjs\`, amber preset, pg adaptor, GET enabled):
  \`bench/queries/postgraphile/*.graphql\`, the same data in its own shape (\`allArticles(orderBy:
  PUBLISHED_AT_DESC, condition: {status: 2})\`, \`sectionBySectionId\`, \`articleAuthorsByArticleId\`, ...). For
  the article page \`bench/sql/postgraphile-related.sql\` adds \`Article.related(maxItems:)\`, a SQL function
  ranking related stories as NewsApi does, so both do the same work. Differences, all in PostGraphile's
  favour: its default conditions are equalities, so its feed does not check \`published_at <= now()\`, its
  ticker is not filtered to items on air, and its tag page lists the tag's articles in key order rather than
  newest first (no sort over the tag's articles).
- **pgbench**: \`bench/sql/home.sql\` and \`bench/sql/article.sql\`, one statement each returning the page's
  JSON (\`json_agg\`), \`-M prepared\`. No HTTP, no GraphQL: the ceiling.

## Exact commands of this run

\`\`\`sh
$(cat "$commands")
\`\`\`
EOF
