#!/usr/bin/env bash
# Anonymous cached GET of the home feed against the uncached POST of the same query, in one run, on one Release
# server over loopback (SQLite, sample content plus the synthetic generator's articles). The GET is answered from
# the server's output cache after its first request (no SQL); the POST executes every time. Numbers go into the
# "Cached GET vs POST" section of BENCHMARKS.md (the rest of the file is left alone). Needs wrk (apt-get install wrk).
#
# Options (environment):
#   CONCURRENCY="1 16 64"   wrk connections
#   DURATION=30s WARMUP=5s  each measured run, and a warm-up per method
#   DEMO_ARTICLES=10000     synthetic articles added to the sample content
#   SKIP_BUILD=1            use the Release build already there
#   BENCH_LABEL="..."       a line saying when and where (say if the machine was busy)
#   BENCH_OUTPUT=BENCHMARKS.md
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
CONCURRENCY="${CONCURRENCY:-1 16 64}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-5s}"
DEMO_ARTICLES="${DEMO_ARTICLES:-10000}"
SKIP_BUILD="${SKIP_BUILD:-0}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"

results="$bench/results/cached-get-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
db="$results/news.db"
server_pid=""

log() { printf '[cached-get %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
command -v curl >/dev/null || die "curl is not installed"

if [[ "$SKIP_BUILD" != "1" ]]; then
  log "building NewsApi (Release)"
  dotnet build "$repo/src/NewsApi" -c Release --nologo -v quiet >"$results/build.log" 2>&1 ||
    { cat "$results/build.log" >&2; die "build failed"; }
fi

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || die "no free port"
url="http://127.0.0.1:$port/graphql"

# Budgets off: one loopback client would otherwise spend the anonymous per-IP budget in a second.
(
  cd "$repo/src/NewsApi"
  exec env Database__Provider=sqlite ConnectionStrings__News="Data Source=$db" \
    Database__SeedSampleContent=true Database__DemoArticles="$DEMO_ARTICLES" \
    RateLimits__Enabled=false \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning \
    dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll"
) >"$results/server.log" 2>&1 &
server_pid=$!
log "starting the server on port $port (seeding $DEMO_ARTICLES articles)"
for _ in $(seq 1 900); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$results/server.log" >&2; die "the server exited"; }
  if curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$url" 2>/dev/null; then break; fi
  sleep 1
done

query_file="$bench/queries/newsapi/home.graphql"
threads=$(( $(nproc) < 4 ? $(nproc) : 4 ))
headers="$(curl -fsS -G -o /dev/null -D - --data-urlencode "query@$query_file" -H 'Accept: application/json' "$url" | tr -d '\r')"
log "GET headers: $(grep -i '^cache-control' <<<"$headers")"

rows=()
for method in GET POST; do
  BENCH_METHOD="$method" BENCH_QUERY_FILE="$query_file" \
    wrk -t"$threads" -c16 -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s "$bench/wrk/graphql.lua" "$url" >/dev/null
  for c in $CONCURRENCY; do
    t=$(( c < threads ? c : threads ))
    out="$results/$method-c$c.txt"
    log "$method, $c connections, $DURATION"
    BENCH_METHOD="$method" BENCH_QUERY_FILE="$query_file" \
      wrk -t"$t" -c"$c" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$bench/wrk/graphql.lua" "$url" >"$out"
    line=$(grep '^RESULT' "$out") || die "no result from wrk: $(cat "$out")"
    read -r _ rps p50 p99 requests bad <<<"$line"
    rows+=("| $method | $c | $rps | $p50 | $p99 | $requests | $bad |")
  done
done

section="$results/section.md"
{
  echo "<!-- cached-get:begin (bench/cached-get.sh writes this section; edit the script, not the numbers) -->"
  echo "## Cached GET vs POST (issue 6)"
  echo
  [[ -n "$BENCH_LABEL" ]] && { echo "$BENCH_LABEL"; echo; }
  echo "The home feed (\`bench/queries/newsapi/home.graphql\`, 20 articles with section, authors and tags) asked by an"
  echo "anonymous client over loopback: GET, answered from the server's output cache after the first request, against"
  echo "POST, executed every time. SQLite with the sample content and $DEMO_ARTICLES synthetic articles; Release build;"
  echo "$(nproc) cores; $DURATION per row, cost budgets off. Run on $(date -u +%Y-%m-%d) with"
  echo "\`CONCURRENCY=\"$CONCURRENCY\" DURATION=$DURATION bash bench/cached-get.sh\`."
  echo
  echo "| method | connections | requests/s | p50 ms | p99 ms | requests | bad |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "GET answer's headers: \`$(grep -i '^cache-control' <<<"$headers")\`, \`$(grep -i '^surrogate-key' <<<"$headers" | cut -c1-80)...\`"
  echo "<!-- cached-get:end -->"
} >"$section"

[[ "$BENCH_OUTPUT" = /* ]] && target="$BENCH_OUTPUT" || target="$repo/$BENCH_OUTPUT"
touch "$target"
python3 - "$target" "$section" <<'PY'
import re, sys
target, section = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(target).read()
pattern = re.compile(r"<!-- cached-get:begin.*?<!-- cached-get:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(target, "w").write(text)
PY
log "wrote the section into $BENCH_OUTPUT (raw output in $results)"
cat "$section"
