#!/usr/bin/env bash
# Live fan-out (issue 4): N graphql-transport-ws subscribers to tickerChanged on one NewsApi instance (Release,
# PostgreSQL), stepping N up to find the ceiling; for each step, MUTATIONS createTickerItem mutations one at a time
# and the time from each to the last subscriber's receipt (p50, p99), and the server's memory per connection
# (resident memory after the connections opened minus before, divided by N). The client is bench/Subscribers
# (System.Net.WebSockets.ClientWebSocket). A fresh database (news_live) in bench/run.sh's cluster each run; the
# server is restarted for every step so each starts from the same memory. Writes its section of BENCHMARKS.md
# (between <!-- subscribers:begin --> and <!-- subscribers:end -->). Run as root (the open-files limit).
#
# Options (environment):
#   STEPS="1000 2000 5000 10000"   subscribers per step; stepping stops at the first step with a failure
#   MUTATIONS=50                   measured mutations per step (plus one warm-up)
#   GAP_MS=200                     pause between mutations
#   TIMEOUT_S=30                   how long a mutation's events may take to reach everyone
#   SKIP_BUILD=1 BENCH_LABEL="..." BENCH_OUTPUT=BENCHMARKS.md
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

STEPS="${STEPS:-1000 2000 5000 10000}"
MUTATIONS="${MUTATIONS:-50}"
GAP_MS="${GAP_MS:-200}"
TIMEOUT_S="${TIMEOUT_S:-30}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
DB=news_live

results="$bench/results/subscribers-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
tsv="$results/subscribers.tsv"

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

# Each subscriber is one socket in the client and one in the server (plus PostgreSQL's few): 10,000 subscribers
# need more than 10,000 descriptors in each process. Both inherit this shell's limit (65536, or the hard limit when
# that is lower and cannot be raised).
OPEN_FILES=65536

client_dll="$bench/Subscribers/bin/Release/net10.0/Subscribers.dll"

build_client() {
  if [[ "$SKIP_BUILD" != "1" || ! -f "$client_dll" ]]; then
    log "building bench/Subscribers (Release)"
    dotnet build "$bench/Subscribers" -c Release --nologo -v quiet >"$results/build-subscribers.log" 2>&1 ||
      { cat "$results/build-subscribers.log" >&2; die "the subscriber client did not build"; }
  fi
}

newsapi_env() {
  env Database__Provider=postgres ConnectionStrings__News="$(connection_string "$DB")" "$@"
}

create_editor_key() {
  local out="$results/keys-create.txt"
  (cd "$repo/src/NewsApi" && newsapi_env dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll" \
    keys create --name bench --role editor) >"$out" 2>"$results/keys-create.log" ||
    { cat "$results/keys-create.log" >&2; die "keys create failed"; }
  tail -1 "$out"
}

measure_step() {
  local n="$1" key="$2" out="$results/step-$n.txt" line
  start_newsapi "$DB" "$results/newsapi-$n.log"
  # A few requests first, so the server's start-up allocations are behind the "before" reading.
  for _ in 1 2 3 4 5; do
    curl -fsS -o /dev/null -H 'content-type: application/json' -d '{"query":"{ ticker { id headline } }"}' "$newsapi_url"
  done
  log "step $n subscribers (NewsApi pid $newsapi_pid)"
  local cmd=(dotnet "$client_dll" --http "$newsapi_url" --key "$key" --connections "$n" --mutations "$MUTATIONS"
    --gap-ms "$GAP_MS" --timeout-s "$TIMEOUT_S" --server-pid "$newsapi_pid")
  "${cmd[@]}" >"$out" 2>"$results/step-$n.log" || true
  sed 's/^/    /' "$results/step-$n.log" | tail -8 >&2
  stop_process "$newsapi_pid"
  newsapi_pid=""
  line=$(grep '^RESULT' "$out") || die "no result from the subscriber client: $(tail -20 "$results/step-$n.log")"
  cut -f2- <<<"$line" >>"$tsv"
  # failures is the fourth field after RESULT
  [[ "$(cut -f5 <<<"$line")" == 0 ]]
}

write_report() {
  local load_at_start="$1" ceiling="$2" section="$results/section.md"
  {
    echo "## Live subscribers (issue 4)"
    echo
    [[ -n "$BENCH_LABEL" ]] && { echo "> **$BENCH_LABEL**"; echo; }
    echo "Written by \`bench/subscribers.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Reproduce with:"
    echo
    echo '```sh'
    echo "sudo env STEPS=\"$STEPS\" MUTATIONS=$MUTATIONS GAP_MS=$GAP_MS bench/subscribers.sh"
    echo '```'
    echo
    machine_facts
    echo "- Load average (1, 5, 15 min) when the run started: $load_at_start; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Open-files limit for server and client: $OPEN_FILES"
    echo
    echo "One NewsApi instance (Release, PostgreSQL, a fresh \`$DB\` database, restarted for every step); the client"
    echo "(\`bench/Subscribers\`, one process, on the same machine) opens N graphql-transport-ws connections, each with a"
    echo "\`tickerChanged\` subscription, waits until all of them got a warm-up event, then sends $MUTATIONS \`createTickerItem\`"
    echo "mutations one at a time (an editor key made with \`keys create\`; a ${GAP_MS} ms pause between them; the headline"
    echo "carries the mutation's number) and notes when each subscriber receives the ADDED event. \"Last\" is the"
    echo "last subscriber's receipt, measured from sending the mutation (it includes the mutation's own work and"
    echo "commit) and from its HTTP response (the commit is done by then: the fan-out alone); p50/p99 over the"
    echo "mutations. Memory: the server's VmRSS after the connections opened and the warm-up event (plus 3 s) minus"
    echo "before, divided by N. Failures: connections that did not open or broke, mutation errors, and receipts that"
    echo "did not come within ${TIMEOUT_S} s."
    echo
    echo "| subscribers | opened | open s | last p50 (from send) | last p99 | last p50 (from response) | last p99 | median p50 (from send) | server RSS before → after MB | KB per connection | client RSS MB | failures |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f → %.0f | %.1f | %.0f | %s |\n", $1, $2, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13, $4}' "$tsv"
    echo
    echo "Ceiling on this machine: $ceiling."
    echo
    echo "The client's command for one step (URL, key and pid are the run's):"
    echo
    echo '```sh'
    echo "ulimit -n $OPEN_FILES; dotnet bench/Subscribers/bin/Release/net10.0/Subscribers.dll --http http://127.0.0.1:PORT/graphql --key KEY --connections N --mutations $MUTATIONS --gap-ms $GAP_MS --timeout-s $TIMEOUT_S --server-pid PID"
    echo '```'
  } >"$section"
  local output="$BENCH_OUTPUT"
  [[ "$output" == /* ]] || output="$repo/$output"
  write_section subscribers "$section" "$output"
  log "wrote the subscribers section of $output (raw results in ${results#"$repo"/})"
}

main() {
  local load_at_start key n ceiling="" last_ok=""
  load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
  if ! ulimit -n "$OPEN_FILES" 2>/dev/null; then
    # In a container even root may be held to a lower hard limit; 10,000 subscribers fit under 20,000.
    OPEN_FILES="$(ulimit -Hn)"
    ulimit -n "$OPEN_FILES"
    log "the open-files limit stays at the hard limit, $OPEN_FILES"
  fi
  install_missing_packages
  build_newsapi
  build_client
  start_postgres
  psql_in postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  # The first start migrates the fresh database and writes the sample page; the key needs the tables.
  start_newsapi "$DB" "$results/newsapi-migrate.log"
  stop_process "$newsapi_pid"
  newsapi_pid=""
  key="$(create_editor_key)"
  [[ "$key" == nwk_* ]] || die "keys create did not print a key: $key"
  : >"$tsv"
  for n in $STEPS; do
    if measure_step "$n" "$key"; then
      last_ok="$n"
    else
      ceiling="${last_ok:-fewer than $n} subscribers without a failure; $n had failures (see the table)"
      break
    fi
  done
  [[ -n "$ceiling" ]] || ceiling="not reached: every step up to $last_ok subscribers ran without a failure"
  write_report "$load_at_start" "$ceiling"
  psql_in postgres -c "DROP DATABASE IF EXISTS $DB"
}

main "$@"
