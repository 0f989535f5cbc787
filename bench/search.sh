#!/usr/bin/env bash
# Search latency (issue 5): NewsApi's search(query:) on PostgreSQL at 10k, 100k and 1M articles, with one client
# and with 16, over a mix of Arabic queries (bench/search/queries.tsv). Target: p99 under 50 ms with one client
# at 1M articles. Uses bench/run.sh's throwaway cluster and seeded databases (bench/lib.sh); articles without a
# search document (those amplify-articles.sql wrote) get one from NewsApi's start-up backfill first, timed.
# Writes its section of BENCHMARKS.md (between <!-- search:begin --> and <!-- search:end -->). Run as root.
#
# Options (environment):
#   SIZES="10000 100000 1000000"   articles per database
#   CONCURRENCY="1 16"             wrk connections
#   DURATION=30s WARMUP=10s        each measured run; the warm-up per size (16 connections)
#   SKIP_BUILD=1                   use the Release build that is there
#   BENCH_LABEL="..."              a line at the top of the section (say when the machine was busy)
#   BENCH_OUTPUT=BENCHMARKS.md     the file whose search section is replaced
#   NEWSAPI_CONNECTION_OPTIONS=... appended to NewsApi's connection string
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

SIZES="${SIZES:-10000 100000 1000000}"
CONCURRENCY="${CONCURRENCY:-1 16}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"

results="$bench/results/search-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
tsv="$results/search.tsv"
commands_log="$results/commands.txt"

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

query_file="$bench/queries/newsapi/search.graphql"
queries="$bench/search/queries.tsv"

# One request per query of the mix, each checked: HTTP 200, no errors, a non-empty first page where the mix
# says the query must find something. Also the one place the "any" queries (empty answers) are asked.
check_queries() {
  local url="$1" dir="$2" size="$3" expect q body status n i=0 out failures=()
  while IFS=$'\t' read -r expect q; do
    [[ -z "$expect" || "$expect" == \#* ]] && continue
    i=$((i + 1))
    out="$dir/check-search-$i.json"
    body="$(jq -cn --rawfile doc "$query_file" --arg q "$q" '{query: $doc, variables: {q: $q}}')"
    status=$(curl -sS -o "$out" -w '%{http_code}' -H 'content-type: application/json' -H 'accept: application/json' -d "$body" "$url")
    if [[ "$status" != 200 ]]; then
      failures+=("\"$q\": HTTP $status: $(head -c 300 "$out")")
    elif jq -e 'has("errors")' "$out" >/dev/null; then
      failures+=("\"$q\": errors: $(head -c 300 "$out")")
    else
      n=$(jq '.data.search.nodes | length' "$out")
      if [[ "$expect" == hits ]] && ((n == 0)); then failures+=("\"$q\" found nothing"); fi
    fi
  done <"$queries"
  if ((${#failures[@]})); then
    printf '  %s\n' "${failures[@]}" >&2
    # A few failures are a finding about search (at 1M some queries outrun the server's request timeout): they
    # go in the report and the load runs, counting them as bad. Most failing means the harness is wrong.
    ((${#failures[@]} * 2 < i)) || die "${#failures[@]} of $i search queries failed their check"
    local f
    for f in "${failures[@]}"; do printf '%s\t%s\n' "$size" "$(head -c 200 <<<"$f")" >>"$results/check-failures.tsv"; done
    log "  ${#failures[@]} of $i queries failed their check (in the report)"
  else
    log "  checked $i queries: HTTP 200, no errors, a first page wherever one is expected"
  fi
}

# Each "hits" query alone, once, after the warm-up, one client: to show which forms of query are slow (the load's
# percentiles mix them all). Once, not more, so a slow search cannot stretch the run much (49 queries).
# Appends "size<TAB>ms<TAB>query" to $results/by-query.tsv.
time_queries() {
  local url="$1" size="$2" dir="$3" q body t
  while IFS= read -r q; do
    body="$(jq -cn --rawfile doc "$query_file" --arg q "$q" '{query: $doc, variables: {q: $q}}')"
    t=$(curl -sS -o /dev/null -w '%{time_total}' -H 'content-type: application/json' -d "$body" "$url")
    printf '%s\t%.1f\t%s\n' "$size" "$(awk -v t="$t" 'BEGIN {print t * 1000}')" "$q" >>"$results/by-query.tsv"
  done <"$dir/search.values"
}

measure_size() {
  local size="$1" db="news_$1" dir="$results/$1" c out line rss threads
  mkdir -p "$dir"
  seed_database "$size"
  awk -F'\t' '$1 == "hits" {print $2}' "$queries" >"$dir/search.values"
  start_newsapi "$db" "$dir/newsapi.log"
  log "NewsApi on $newsapi_url (pid $newsapi_pid), $size articles"
  check_queries "$newsapi_url" "$dir" "$size"
  local lua_env=(BENCH_METHOD=POST BENCH_QUERY_FILE="$query_file" BENCH_VARIABLE=q BENCH_VALUES_FILE="$dir/search.values"
    BENCH_BAD_MARKER='"nodes":[]')
  log "  warm-up $WARMUP"
  env "${lua_env[@]}" wrk -t"$(nproc)" -c16 -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s "$bench/wrk/graphql.lua" "$newsapi_url" >/dev/null
  time_queries "$newsapi_url" "$size" "$dir"
  for c in $CONCURRENCY; do
    threads=$((c < $(nproc) ? c : $(nproc)))
    out="$dir/wrk-search-c$c.txt"
    start_memory_sampler "$newsapi_pid" "$dir/rss"
    env "${lua_env[@]}" wrk -t"$threads" -c"$c" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$bench/wrk/graphql.lua" "$newsapi_url" >"$out"
    stop_memory_sampler
    record_command "BENCH_METHOD=POST BENCH_QUERY_FILE=bench/queries/newsapi/search.graphql BENCH_VARIABLE=q BENCH_VALUES_FILE=<the hits queries of bench/search/queries.tsv> BENCH_BAD_MARKER='\"nodes\":[]' wrk -t$threads -c$c -d$DURATION --timeout $WRK_TIMEOUT --latency -s bench/wrk/graphql.lua http://127.0.0.1:PORT/graphql"
    rss=$(($(cat "$dir/rss") / 1024))
    line=$(grep '^RESULT' "$out") || die "no result from wrk: $(cat "$out")"
    # RESULT rps p50 p99 requests bad
    printf '%s\t%s\t%s\t%s\n' "$size" "$c" "$(cut -f2- <<<"$line")" "$rss" >>"$tsv"
    log "    c=$c $(awk -F'\t' '{printf "%.0f req/s p50 %.2f ms p99 %.2f ms, %d bad of %d", $2, $3, $4, $6, $5}' <<<"$line"), RSS ${rss} MB"
  done
  stop_process "$newsapi_pid"
  newsapi_pid=""
}

write_report() {
  local load_at_start="$1" section="$results/section.md"
  local n_hits n_any
  n_hits=$(grep -c $'^hits\t' "$queries")
  n_any=$(grep -c $'^any\t' "$queries")
  {
    echo "## Search (issue 5)"
    echo
    [[ -n "$BENCH_LABEL" ]] && { echo "> **$BENCH_LABEL**"; echo; }
    echo "Written by \`bench/search.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Reproduce with:"
    echo
    echo '```sh'
    echo "sudo env SIZES=\"$SIZES\" CONCURRENCY=\"$CONCURRENCY\" DURATION=$DURATION WARMUP=$WARMUP bench/search.sh"
    echo '```'
    echo
    machine_facts
    echo "- Load average (1, 5, 15 min) when the run started: $load_at_start; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "\`search(query: \$q, first: 10)\` with score, snippet, the article's slug, headline, date and section, and"
    echo "pageInfo (\`bench/queries/newsapi/search.graphql\`), over POST, each request a random query of the $n_hits in"
    echo "\`bench/search/queries.tsv\` that must find something: single words as written and in other forms (particles, article,"
    echo "suffixes, alef/hamza/taa marbuta variants, tashkeel, tatweel), several words, prefixes (search as you type),"
    echo "phrases, exclusions, mixed Arabic/Latin. Before the load every one of the file's $((n_hits + n_any)) queries is asked once and"
    echo "checked (HTTP 200, no errors, a non-empty page where expected); under load \"bad\" counts non-2xx, \`errors\`,"
    echo "an empty page and socket errors. Latency in ms; RSS is NewsApi's peak during the run."
    echo
    echo "| articles | clients | req/s | p50 | p99 | requests | bad | RSS MB |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{printf "| %s | %s | %.0f | %.2f | %.2f | %d | %d | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$tsv"
    echo
    if [[ -s "$results/search-backfill.tsv" ]]; then
      echo "Search documents written by NewsApi's start-up backfill in this run (articles that had none):"
      awk -F'\t' '{printf "%s in %s s; ", $1, $2}' "$results/search-backfill.tsv" | sed 's/; $/.\n/'
      echo
    fi
    if [[ -s "$results/by-query.tsv" ]]; then
      echo "The five slowest queries at each size (each alone, once, one client, after the warm-up; ms):"
      echo
      local size
      for size in $SIZES; do
        printf -- '- %s: %s\n' "$size" "$(awk -F'\t' -v s="$size" '$1 == s' "$results/by-query.tsv" | sort -t$'\t' -k2,2gr | head -5 |
          awk -F'\t' '{printf "%s`%s` %s", (NR > 1 ? ", " : ""), $3, $2}')"
      done
      echo
    fi
    if [[ -s "$results/check-failures.tsv" ]]; then
      echo "Queries that failed the one-off check (HTTP status, errors or an empty page):"
      echo
      awk -F'\t' '{printf "- %s articles: %s\n", $1, $2}' "$results/check-failures.tsv"
      echo
    fi
    local verdict
    verdict=$(awk -F'\t' '$1 == 1000000 && $2 == 1 {if ($5 < 50) printf "met: p99 %.2f ms", $5; else printf "not met: p99 %.2f ms", $5}' "$tsv")
    echo "Target, p99 under 50 ms with one client at 1M articles: ${verdict:-not measured in this run}."
    echo
    echo "Exact load commands (PORT is the run's):"
    echo
    echo '```sh'
    cat "$commands_log"
    echo '```'
  } >"$section"
  local output="$BENCH_OUTPUT"
  [[ "$output" == /* ]] || output="$repo/$output"
  write_section search "$section" "$output"
  log "wrote the search section of $output (raw results in ${results#"$repo"/})"
}

main() {
  local load_at_start size
  load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
  install_missing_packages
  build_newsapi
  start_postgres
  : >"$tsv"
  : >"$commands_log"
  for size in $SIZES; do
    measure_size "$size"
  done
  write_report "$load_at_start"
  awk -F'\t' '{printf "  %s articles, c=%s: p50 %.2f ms, p99 %.2f ms, %d bad\n", $1, $2, $4, $5, $7}' "$tsv" >&2
}

main "$@"
