#!/usr/bin/env bash
# Soak (issue 7): bounded, loopback only. Measures NewsApi's capacity on the reader's mix briefly, then holds about
# 80 % of it for DURATION (10 minutes) with a trickle of editor mutations, sampling the server's resident memory
# and GC heap every 10 s. Reports errors (target 0), the throughput achieved, p50/p99, and memory growth (first
# minute against last minute). Runs on a copy (news_soak) of bench/run.sh's database of SIZE articles, dropped at
# the end, so the mutations never touch the shared databases. Writes its section of BENCHMARKS.md (between
# <!-- soak:begin --> and <!-- soak:end -->). Run as root.
#
# Options (environment):
#   DURATION=10m                  the soak (s, m or h)
#   SIZE=100000                   articles in the database copied for the soak
#   LOAD_FRACTION=0.8             of the measured capacity
#   CONNECTIONS=16                wrk connections (capacity and soak)
#   CAPACITY_DURATION=20s         the capacity run (after a warm-up of the same length)
#   SAMPLE_SECONDS=10             memory sampling interval
#   MUTATION_EVERY=100            one request in this many is a createTickerItem (expiring two minutes later)
#   SKIP_BUILD=1 BENCH_LABEL="..." BENCH_OUTPUT=BENCHMARKS.md
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

DURATION="${DURATION:-10m}"
SIZE="${SIZE:-100000}"
LOAD_FRACTION="${LOAD_FRACTION:-0.8}"
CONNECTIONS="${CONNECTIONS:-16}"
CAPACITY_DURATION="${CAPACITY_DURATION:-20s}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-10}"
MUTATION_EVERY="${MUTATION_EVERY:-100}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"
DB=news_soak

results="$bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
samples="$results/memory.tsv"

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

counters_pid=""
memory_pid=""
cleanup_extra() {
  stop_process "$counters_pid"
  stop_process "$memory_pid"
  if [[ -n "$pg_port" ]]; then psql_in postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; fi
}

# dotnet-counters (a .NET tool) reads the GC heap size from the running server; installed once into bench/.tools.
counters="$bench/.tools/dotnet-counters"
install_counters() {
  if [[ ! -x "$counters" ]]; then
    log "installing dotnet-counters into bench/.tools"
    dotnet tool install --tool-path "$bench/.tools" dotnet-counters --version 10.0.750501 >"$results/counters-install.log" 2>&1 ||
      { log "dotnet-counters could not be installed; GC heap will not be sampled"; return 0; }
  fi
}

# Every SAMPLE_SECONDS: seconds since the soak began, VmRSS in MB.
start_memory_samples() {
  local pid="$1" begun=$SECONDS
  printf 'seconds\trss_mb\n' >"$samples"
  (
    while kill -0 "$pid" 2>/dev/null; do
      printf '%s\t%s\n' "$((SECONDS - begun))" "$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")" >>"$samples"
      sleep "$SAMPLE_SECONDS"
    done
  ) &
  memory_pid=$!
  if [[ -x "$counters" ]]; then
    # It writes its file as it goes but must end by itself (--duration) for the last lines; stdin from
    # /dev/null so it does not wait for a key.
    local seconds
    seconds="$(duration_seconds "$DURATION")"
    "$counters" collect --process-id "$pid" --refresh-interval "$SAMPLE_SECONDS" --format csv \
      --duration "$(printf '00:%02d:%02d:%02d' $((seconds / 3600)) $((seconds % 3600 / 60)) $((seconds % 60)))" \
      --output "$results/counters.csv" --counters System.Runtime </dev/null >"$results/counters.log" 2>&1 &
    counters_pid=$!
  fi
}

# The GC heap in MB per sample from dotnet-counters' CSV (the runtime's "dotnet.gc.last_collection.heap.size", or
# the older "GC Heap Size"), as "seconds<TAB>MB" lines.
gc_heap_samples() {
  [[ -f "$results/counters.csv" ]] || return 0
  python3 - "$results/counters.csv" <<'PY'
import csv, sys
from datetime import datetime
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", errors="replace")))
first = None
by_time = {}
for row in rows[1:]:
    if len(row) < 5:
        continue
    stamp, name, value = row[0], row[2], row[4]
    low = name.lower()
    if not ("heap.size" in low or "gc heap size" in low):
        continue
    try:
        t = datetime.strptime(stamp.split(".")[0], "%m/%d/%Y %H:%M:%S")
        v = float(value)
    except ValueError:
        continue
    first = first or t
    mb = v / 1048576 if "(by)" in low or "bytes" in low else v
    by_time[int((t - first).total_seconds())] = by_time.get(int((t - first).total_seconds()), 0) + mb
for s in sorted(by_time):
    print(f"{s}\t{by_time[s]:.1f}")
PY
}

# Mean of the second column over the first (or last) WINDOW seconds of a "seconds<TAB>value" series.
window_mean() {
  local file="$1" which="$2" window="$3"
  awk -F'\t' -v w="$window" -v which="$which" '$1 ~ /^[0-9]+$/ {t[NR] = $1; v[NR] = $2; last = $1; n = NR}
    END {
      s = 0; c = 0
      for (i in t) if ((which == "first" && t[i] <= w) || (which == "last" && t[i] >= last - w)) {s += v[i]; c++}
      if (c) printf "%.1f", s / c; else printf "-"
    }' "$file"
}

run_load() {
  local delay_ms="$1" duration="$2" out="$3" key="$4"
  env SOAK_QUERIES="$bench/queries/newsapi" SOAK_VALUES="$results" SOAK_DELAY_MS="$delay_ms" SOAK_KEY="$key" \
    SOAK_MUTATION_EVERY="$MUTATION_EVERY" \
    wrk -t"$(nproc)" -c"$CONNECTIONS" -d"$duration" --timeout "$WRK_TIMEOUT" --latency -s "$bench/wrk/soak.lua" "$newsapi_url" >"$out"
  grep '^RESULT' "$out" || die "no result from wrk: $(cat "$out")"
}

write_report() {
  local load_at_start="$1" capacity="$2" target="$3" delay_ms="$4" line="$5" window="$6"
  local section="$results/section.md" rps p50 p99 n bad mutations rss_first rss_last gc_first="-" gc_last="-"
  IFS=$'\t' read -r _ rps p50 p99 n bad mutations <<<"$line"
  rss_first=$(window_mean "$samples" first "$window")
  rss_last=$(window_mean "$samples" last "$window")
  gc_heap_samples >"$results/gc-heap.tsv"
  if [[ -s "$results/gc-heap.tsv" ]]; then
    gc_first=$(window_mean "$results/gc-heap.tsv" first "$window")
    gc_last=$(window_mean "$results/gc-heap.tsv" last "$window")
  fi
  {
    echo "## Soak (issue 7)"
    echo
    [[ -n "$BENCH_LABEL" ]] && { echo "> **$BENCH_LABEL**"; echo; }
    echo "Written by \`bench/soak.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Reproduce with:"
    echo
    echo '```sh'
    echo "sudo env DURATION=$DURATION SIZE=$SIZE LOAD_FRACTION=$LOAD_FRACTION CONNECTIONS=$CONNECTIONS CAPACITY_DURATION=$CAPACITY_DURATION MUTATION_EVERY=$MUTATION_EVERY bench/soak.sh"
    echo '```'
    echo
    machine_facts
    echo "- Load average (1, 5, 15 min) when the run started: $load_at_start; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "NewsApi (Release, PostgreSQL, a copy of the $SIZE-article database) over loopback, $CONNECTIONS wrk connections"
    echo "(\`bench/wrk/soak.lua\`): home 35 %, article 25 %, ticker 15 %, tag 15 %, search 10 %, and one request in"
    echo "$MUTATION_EVERY a \`createTickerItem\` with an editor key (expiring two minutes later). Capacity: the same mix"
    echo "unpaced for $CAPACITY_DURATION after a warm-up. The soak paces each connection (a pause of ${delay_ms} ms"
    echo "before each request, calibrated for ${LOAD_FRACTION} × capacity). Errors: non-2xx, \`errors\`, \`userErrors\`"
    echo "and socket errors. Memory sampled every ${SAMPLE_SECONDS} s (VmRSS; GC heap from dotnet-counters); growth"
    echo "compares the means of the first and the last ${window} s."
    echo
    echo "| | value |"
    echo "|---|---:|"
    printf '| capacity (unpaced), req/s | %.0f |\n' "$capacity"
    printf '| target (%s × capacity), req/s | %.0f |\n' "$LOAD_FRACTION" "$target"
    printf '| achieved over %s, req/s | %.0f |\n' "$DURATION" "$rps"
    printf '| p50 / p99, ms | %.2f / %.2f |\n' "$p50" "$p99"
    printf '| requests (mutations) | %d (%d) |\n' "$n" "$mutations"
    printf '| errors (target 0) | %d |\n' "$bad"
    printf '| RSS, first → last %s s, MB | %s → %s |\n' "$window" "$rss_first" "$rss_last"
    printf '| GC heap, first → last %s s, MB | %s → %s |\n' "$window" "$gc_first" "$gc_last"
    printf '| RSS peak, MB | %s |\n' "$(awk -F'\t' 'NR > 1 && $2 > m {m = $2} END {print m}' "$samples")"
    echo
    echo "Raw samples (seconds, RSS MB) are in \`bench/results/\` with the wrk output; the load command:"
    echo
    echo '```sh'
    echo "SOAK_QUERIES=bench/queries/newsapi SOAK_VALUES=<article, tag, search values> SOAK_DELAY_MS=$delay_ms SOAK_KEY=<editor key> SOAK_MUTATION_EVERY=$MUTATION_EVERY wrk -t$(nproc) -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT --latency -s bench/wrk/soak.lua http://127.0.0.1:PORT/graphql"
    echo '```'
  } >"$section"
  local output="$BENCH_OUTPUT"
  [[ "$output" == /* ]] || output="$repo/$output"
  write_section soak "$section" "$output"
  log "wrote the soak section of $output (raw results in ${results#"$repo"/})"
}

main() {
  local load_at_start line capacity target delay_ms achieved latency_part key duration_s window
  load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
  duration_s="$(duration_seconds "$DURATION")"
  window=$((duration_s / 3 < 60 ? duration_s / 3 : 60))
  install_missing_packages
  build_newsapi
  install_counters
  start_postgres
  seed_database "$SIZE"
  psql_in postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE news_$SIZE"
  psql_in "$DB" -c "SELECT slug FROM articles WHERE status = 2 AND slug LIKE 'demo-%' ORDER BY random() LIMIT 1000" >"$results/article.values"
  psql_in "$DB" -c "SELECT slug FROM tags WHERE slug LIKE 'tag-%' ORDER BY slug" >"$results/tag.values"
  awk -F'\t' '$1 == "hits" {print $2}' "$bench/search/queries.tsv" >"$results/search.values"

  key="$(cd "$repo/src/NewsApi" && env Database__Provider=postgres ConnectionStrings__News="$(connection_string "$DB")" \
    dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll" keys create --name soak --role editor 2>"$results/keys-create.log" | tail -1)"
  [[ "$key" == nwk_* ]] || die "keys create did not print a key: $(cat "$results/keys-create.log")"

  start_newsapi "$DB" "$results/newsapi.log"
  log "NewsApi on $newsapi_url (pid $newsapi_pid), $SIZE articles (copy)"
  log "warm-up and capacity: $CAPACITY_DURATION each, unpaced"
  run_load 0 "$CAPACITY_DURATION" "$results/wrk-warmup.txt" "$key" >/dev/null
  line="$(run_load 0 "$CAPACITY_DURATION" "$results/wrk-capacity.txt" "$key")"
  capacity="$(cut -f2 <<<"$line")"
  target="$(awk -v c="$capacity" -v f="$LOAD_FRACTION" 'BEGIN {printf "%.2f", c * f}')"
  # A connection's cycle is its pause plus the response time. At capacity the cycle is all response time
  # (connections / rate); guess that, run 10 s, then correct the pause by what the response time turned out to be.
  delay_ms="$(awk -v n="$CONNECTIONS" -v c="$capacity" -v t="$target" 'BEGIN {d = n / t * 1000 - n / c * 1000; printf "%d", d < 0 ? 0 : d}')"
  line="$(run_load "$delay_ms" 10s "$results/wrk-calibrate.txt" "$key")"
  achieved="$(cut -f2 <<<"$line")"
  latency_part="$(awk -v n="$CONNECTIONS" -v a="$achieved" -v d="$delay_ms" 'BEGIN {printf "%.2f", n / a * 1000 - d}')"
  delay_ms="$(awk -v n="$CONNECTIONS" -v t="$target" -v l="$latency_part" 'BEGIN {d = n / t * 1000 - l; printf "%d", d < 0 ? 0 : d}')"
  log "capacity $capacity req/s; target $target req/s; pause ${delay_ms} ms per request per connection"

  log "soak: $DURATION"
  start_memory_samples "$newsapi_pid"
  line="$(run_load "$delay_ms" "$DURATION" "$results/wrk-soak.txt" "$key")"
  if [[ -n "$counters_pid" ]]; then
    # dotnet-counters stops by itself at --duration; give it a few seconds to write its last lines.
    for _ in $(seq 1 15); do kill -0 "$counters_pid" 2>/dev/null || break; sleep 1; done
    kill -INT "$counters_pid" 2>/dev/null || true
    stop_process "$counters_pid"
  fi
  counters_pid=""
  stop_process "$memory_pid"
  memory_pid=""
  kill -0 "$newsapi_pid" 2>/dev/null || die "NewsApi died during the soak: $(tail -20 "$results/newsapi.log")"
  stop_process "$newsapi_pid"
  newsapi_pid=""
  write_report "$load_at_start" "$capacity" "$target" "$delay_ms" "$line" "$window"
  awk -F'\t' '{printf "  soak: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d requests, %d errors, %d mutations\n", $2, $3, $4, $5, $6, $7}' <<<"$line" >&2
  sed -n '/<!-- soak:begin -->/,/<!-- soak:end -->/p' "$([[ "$BENCH_OUTPUT" == /* ]] && echo "$BENCH_OUTPUT" || echo "$repo/$BENCH_OUTPUT")" | grep '^| ' >&2
}

main "$@"
