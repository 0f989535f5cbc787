#!/usr/bin/env bash
# Scale-out (issue 8): two NewsApi Release instances behind nginx, on a PostgreSQL primary with one streaming
# replica (ConnectionStrings__NewsReplica), everything on loopback. Its own throwaway clusters under /tmp (never
# bench/run.sh's), a database seeded by the demo generator, nginx (Debian's package) run in the foreground as a
# child with its configuration in the run's directory. Checks answers through nginx (home feed, an article, an
# admin's mutation read back at once through both instances, an anonymous read once the replica replayed it, a
# WebSocket upgrade), then a short wrk load on the home feed through nginx and, for comparison, on one instance
# directly. Writes its section of BENCHMARKS.md (between <!-- scale-out:begin --> and <!-- scale-out:end -->).
# Run as root (PostgreSQL's tools run as the postgres user; packages may need installing).
#
# Options (environment):
#   ARTICLES=10000           synthetic articles the demo generator writes on top of the sample content
#   CONCURRENCY="16 64"      wrk connections
#   DURATION=30s WARMUP=5s   each measured run; one warm-up per target
#   SKIP_BUILD=1             use the Release build that is there
#   BENCH_LABEL="..."        a line at the top of the section (say when the machine was busy)
#   BENCH_OUTPUT=BENCHMARKS.md
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"

ARTICLES="${ARTICLES:-10000}"
CONCURRENCY="${CONCURRENCY:-16 64}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-5s}"
BENCH_LABEL="${BENCH_LABEL:-}"
BENCH_OUTPUT="${BENCH_OUTPUT:-BENCHMARKS.md}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"

results="$bench/results/scale-out-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
commands_log="$results/commands.txt"

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

[[ $EUID -eq 0 ]] || die "run as root: the clusters belong to the postgres user"

# Everything this run starts, stopped by lib.sh's EXIT trap (cleanup calls cleanup_extra).
work="$(mktemp -d /tmp/newsapi-scale-out-XXXXXX)"
primary_data="$work/primary"
replica_data="$work/replica"
instance_pids=()
nginx_pid=""
cleanup_extra() {
  stop_process "$nginx_pid"
  for pid in "${instance_pids[@]}"; do stop_process "$pid"; done
  for data in "$replica_data" "$primary_data"; do
    if [[ -f "$data/postmaster.pid" ]]; then
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$work"
}

install_missing_packages
command -v nginx >/dev/null || {
  log "installing nginx from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
}
build_newsapi
chown postgres:postgres "$work"
chmod 755 "$work"

# ---------------------------------------------------------------------------------------------------------
# PostgreSQL: a primary and a streaming replica of it
# ---------------------------------------------------------------------------------------------------------

start_cluster() {
  local data="$1" port="$2"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data" -w -l "$work/$(basename "$data").log" -o "\
    -c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work \
    -c max_connections=300 -c shared_buffers=256MB -c effective_cache_size=1GB -c work_mem=8MB" start >/dev/null
}

psql_on() { local port="$1"; shift; "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d news -v ON_ERROR_STOP=1 -qAtX "$@"; }

primary_port="$(free_port)" || die "no free port for the primary"
runuser -u postgres -- "$pg_bin/initdb" -D "$primary_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
start_cluster "$primary_data" "$primary_port"
"$pg_bin/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -qAtX -c "CREATE DATABASE news"
log "primary: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$primary_port"

primary_cs="Host=127.0.0.1;Port=$primary_port;Database=news;Username=postgres"

# NewsApi in Release as a plain process; the same settings as bench/run.sh's (budgets and the response cache off,
# so every request of the load runs its SQL, on the replica). Extra settings come as NAME=VALUE arguments.
start_instance() {
  local log_file="$1" port
  shift
  port="$(free_port)" || die "no free port for NewsApi"
  (
    cd "$repo/src/NewsApi"
    exec env Database__Provider=postgres \
      ConnectionStrings__News="$primary_cs" \
      Database__SeedSampleContent=true \
      RateLimits__Enabled=false \
      Caching__ServerCache=false \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning \
      Logging__LogLevel__Microsoft=Warning \
      "$@" \
      dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll"
  ) >"$log_file" 2>&1 &
  instance_pids+=("$!")
  instance_port="$port"
  wait_until_serving "http://127.0.0.1:$port/graphql" "$!" "$log_file" '{"query":"{__typename}"}'
}

log "seeding the primary with $ARTICLES synthetic articles (the demo generator, through NewsApi's start-up)"
started=$SECONDS
start_instance "$results/seed.log" Database__DemoArticles="$ARTICLES"
stop_process "${instance_pids[0]}"
instance_pids=()
log "  $(psql_on "$primary_port" -c "SELECT count(*) FROM articles") articles in $((SECONDS - started)) s"
admin_key="$(cd "$repo/src/NewsApi" && env Database__Provider=postgres ConnectionStrings__News="$primary_cs" \
  Logging__LogLevel__Default=Warning dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll" \
  keys create --name scale-out-admin --role admin | tail -1)"
psql_on "$primary_port" -c "VACUUM ANALYZE" -c "CHECKPOINT"

replica_port="$(free_port)" || die "no free port for the replica"
runuser -u postgres -- "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$replica_data" -R -X stream -c fast
start_cluster "$replica_data" "$replica_port"
[[ "$(psql_on "$replica_port" -c "SELECT pg_is_in_recovery()")" == t ]] || die "the replica is not in recovery"
log "replica: streaming from the primary on 127.0.0.1:$replica_port"

# Waits until the replica has replayed everything the primary has written so far.
wait_for_replay() {
  local target deadline=$((SECONDS + 60))
  target="$(psql_on "$primary_port" -c "SELECT pg_current_wal_insert_lsn()")"
  until [[ "$(psql_on "$replica_port" -c "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" == t ]]; do
    ((SECONDS < deadline)) || die "the replica did not replay up to $target"
    sleep 0.1
  done
}
wait_for_replay

# ---------------------------------------------------------------------------------------------------------
# Two instances behind nginx
# ---------------------------------------------------------------------------------------------------------

replica_cs="Host=127.0.0.1;Port=$replica_port;Database=news;Username=postgres"
ports=()
for name in a b; do
  start_instance "$results/instance-$name.log" ConnectionStrings__NewsReplica="$replica_cs" \
    GraphQL__WebSocket__MaxAnonymousConnectionsPerAddress=1000000
  ports+=("$instance_port")
  log "instance $name on 127.0.0.1:$instance_port (primary $primary_port, replica $replica_port)"
done

nginx_port="$(free_port)" || die "no free port for nginx"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
# Written by bench/scale-out.sh for one run.
daemon off;
master_process on;
worker_processes 1;
user root;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream newsapi {
    server 127.0.0.1:${ports[0]};
    server 127.0.0.1:${ports[1]};
    keepalive 64;
  }
  # WebSocket subscriptions: pass the upgrade on; everything else keeps upstream connections alive.
  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    ''      '';
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://newsapi;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx -t -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$results/nginx-check.log" 2>&1 || { cat "$results/nginx-check.log" >&2; die "nginx rejects its configuration"; }
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$results/nginx.log" 2>&1 &
nginx_pid=$!
url="http://127.0.0.1:$nginx_port/graphql"
wait_until_serving "$url" "$nginx_pid" "$work/nginx/error.log" '{"query":"{__typename}"}'
log "nginx $(nginx -v 2>&1 | sed 's|.*/||') on 127.0.0.1:$nginx_port, upstream ${ports[*]}"

# ---------------------------------------------------------------------------------------------------------
# Answers through nginx
# ---------------------------------------------------------------------------------------------------------

checks=()
check() { checks+=("- $1"); log "ok: $1"; }

# POST a document (with optional JSON variables) through nginx; the body goes to $results/$name.json and the
# upstream that answered to $results/$name.upstream.
post() {
  local name="$1" doc="$2" variables="${3:-}" key="${4:-}" body auth=()
  [[ -n "$variables" ]] || variables='{}'
  [[ -z "$key" ]] || auth=(-H "authorization: Bearer $key")
  body="$(jq -cn --arg q "$doc" --argjson v "$variables" '{query: $q, variables: $v}')"
  curl -fsS -D "$results/$name.headers" -o "$results/$name.json" -H 'content-type: application/json' -H 'accept: application/json' \
    "${auth[@]}" -d "$body" "$url"
  tr -d '\r' <"$results/$name.headers" | awk -F': ' 'tolower($1) == "x-upstream" {print $2}' >"$results/$name.upstream"
  ! jq -e 'has("errors")' "$results/$name.json" >/dev/null || die "$name answered with errors: $(head -c 400 "$results/$name.json")"
}

home_doc="$(cat "$bench/queries/newsapi/home.graphql")"
post home "$home_doc"
n=$(jq '.data.articles.nodes | length' "$results/home.json")
((n == 20)) || die "the home feed through nginx has $n articles, not 20"
check "home feed through nginx: 20 articles"

slug="$(jq -r '.data.articles.nodes[0].slug' "$results/home.json")"
headline="$(jq -r '.data.articles.nodes[0].headline' "$results/home.json")"
article_doc='query($slug: String!) { article(slug: $slug) { headline } }'
post article "$article_doc" "$(jq -cn --arg s "$slug" '{slug: $s}')"
[[ "$(jq -r '.data.article.headline' "$results/article.json")" == "$headline" ]] || die "article($slug) through nginx is not the home feed's"
check "article(slug) through nginx: the home feed's first headline, byte for byte"

new_headline="خبر التوسع الأفقي $(date -u +%H%M%S)"
post create 'mutation($h: String!) { createArticle(input: { headline: $h }) { article { id slug } userErrors { code } } }' \
  "$(jq -cn --arg h "$new_headline" '{h: $h}')" "$admin_key"
new_id="$(jq -r '.data.createArticle.article.id' "$results/create.json")"
new_slug="$(jq -r '.data.createArticle.article.slug' "$results/create.json")"
[[ "$new_id" != null ]] || die "createArticle through nginx failed: $(cat "$results/create.json")"
post publish 'mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } } }' \
  "$(jq -cn --arg id "$new_id" '{input: {id: $id}}')" "$admin_key"
[[ "$(jq -r '.data.publishArticle.article.status' "$results/publish.json")" == PUBLISHED ]] || die "publishArticle through nginx failed"
check "createArticle + publishArticle with an admin key through nginx (by $(cat "$results/create.upstream") and $(cat "$results/publish.upstream"))"

# The admin reads its own write at once from both instances (editors and admins read the primary): nginx
# round-robins, so a few requests reach each upstream; every one must carry the new headline.
declare -A admin_seen=()
for i in $(seq 1 8); do
  post "admin-read-$i" "$article_doc" "$(jq -cn --arg s "$new_slug" '{slug: $s}')" "$admin_key"
  [[ "$(jq -r '.data.article.headline' "$results/admin-read-$i.json")" == "$new_headline" ]] ||
    die "the admin's read $i (by $(cat "$results/admin-read-$i.upstream")) missed its own write"
  admin_seen[$(cat "$results/admin-read-$i.upstream")]=1
done
((${#admin_seen[@]} == 2)) || die "the admin's reads reached ${!admin_seen[*]} only, not both instances"
check "the admin reads the new article back at once through both instances (${!admin_seen[*]})"

# Anonymous readers go to the replica: once it has replayed the write, both instances answer with it.
wait_for_replay
declare -A anonymous_seen=()
for i in $(seq 1 8); do
  post "anonymous-read-$i" "$article_doc" "$(jq -cn --arg s "$new_slug" '{slug: $s}')"
  [[ "$(jq -r '.data.article.headline' "$results/anonymous-read-$i.json")" == "$new_headline" ]] ||
    die "anonymous read $i (by $(cat "$results/anonymous-read-$i.upstream")) does not see the replayed article"
  anonymous_seen[$(cat "$results/anonymous-read-$i.upstream")]=1
done
((${#anonymous_seen[@]} == 2)) || die "anonymous reads reached ${!anonymous_seen[*]} only"
check "anonymous readers see it through both instances once the replica has replayed it (${!anonymous_seen[*]})"

upgrade_status="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 3 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
  -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: c2NhbGUtb3V0LWNoZWNrIQ==' -H 'Sec-WebSocket-Protocol: graphql-transport-ws' \
  "$url" 2>/dev/null || true)"
[[ "$upgrade_status" == 101 ]] || die "a WebSocket upgrade through nginx got HTTP $upgrade_status, not 101"
check "a graphql-transport-ws WebSocket upgrade through nginx: 101 Switching Protocols"

# ---------------------------------------------------------------------------------------------------------
# Load: the home feed through nginx, and on one instance directly
# ---------------------------------------------------------------------------------------------------------

threads=$(( $(nproc) < 4 ? $(nproc) : 4 ))
replica_reads_before="$(psql_on "$replica_port" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'news'")"
rows=()
for target in nginx direct; do
  [[ "$target" == nginx ]] && target_url="$url" || target_url="http://127.0.0.1:${ports[0]}/graphql"
  BENCH_METHOD=POST BENCH_QUERY_FILE="$bench/queries/newsapi/home.graphql" \
    wrk -t"$threads" -c16 -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s "$bench/wrk/graphql.lua" "$target_url" >/dev/null
  for c in $CONCURRENCY; do
    t=$(( c < threads ? c : threads ))
    out="$results/$target-c$c.txt"
    log "home feed, $target, $c connections, $DURATION"
    record_command "BENCH_METHOD=POST BENCH_QUERY_FILE=bench/queries/newsapi/home.graphql wrk -t$t -c$c -d$DURATION --timeout $WRK_TIMEOUT --latency -s bench/wrk/graphql.lua $target_url"
    BENCH_METHOD=POST BENCH_QUERY_FILE="$bench/queries/newsapi/home.graphql" \
      wrk -t"$t" -c"$c" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$bench/wrk/graphql.lua" "$target_url" >"$out"
    line=$(grep '^RESULT' "$out") || die "no result from wrk: $(cat "$out")"
    read -r _ rps p50 p99 requests bad <<<"$line"
    [[ "$target" == nginx ]] && label="nginx → instances a + b" || label="instance a directly"
    rows+=("| $label | $c | $rps | $p50 | $p99 | $requests | $bad |")
    log "  $rps req/s, p50 $p50 ms, p99 $p99 ms, $bad bad"
  done
done
sleep 1  # pg_stat_database is flushed by backends when they go idle, at most once a second
replica_reads_after="$(psql_on "$replica_port" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'news'")"
primary_lag="$(psql_on "$primary_port" -c "SELECT coalesce(max(replay_lag)::text, 'none') FROM pg_stat_replication")"

section="$results/section.md"
{
  echo "## Scale-out: two instances behind nginx on a primary and a streaming replica (issue 8)"
  echo
  [[ -n "$BENCH_LABEL" ]] && { echo "$BENCH_LABEL"; echo; }
  echo "\`bench/scale-out.sh\`: a PostgreSQL primary and one streaming replica (\`pg_basebackup -R\`), throwaway clusters"
  echo "under /tmp; the sample content plus $ARTICLES synthetic articles; two NewsApi Release instances with"
  echo "\`ConnectionStrings__News\` = primary and \`ConnectionStrings__NewsReplica\` = replica; nginx round-robin over both"
  echo "(keep-alive upstream, WebSocket upgrade passed on). Everything on loopback of one $(nproc)-core machine, so the"
  echo "instances, nginx, both clusters and wrk share the same cores. Cost budgets and the server's response cache are off,"
  echo "so every request runs its SQL (on the replica). Run on $(date -u +%Y-%m-%d) with"
  echo "\`ARTICLES=$ARTICLES CONCURRENCY=\"$CONCURRENCY\" DURATION=$DURATION bash bench/scale-out.sh\`."
  echo
  echo "Checked through nginx before the load:"
  echo
  printf '%s\n' "${checks[@]}"
  echo
  echo "The home feed (\`bench/queries/newsapi/home.graphql\`, 20 articles with section, authors and tags), anonymous POST:"
  echo
  echo "| path | connections | requests/s | p50 ms | p99 ms | requests | bad |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Transactions on the replica's \`news\` database during the load: $((replica_reads_after - replica_reads_before))"
  echo "(pg_stat_database.xact_commit); replay lag the primary reported at the end: $primary_lag."
  echo "On one machine two instances add a hop and share the same two cores, so this shows the topology answers"
  echo "correctly and what nginx costs, not the gain of a second machine."
} >"$section"

[[ "$BENCH_OUTPUT" = /* ]] && target_file="$BENCH_OUTPUT" || target_file="$repo/$BENCH_OUTPUT"
write_section scale-out "$section" "$target_file"
log "wrote the scale-out section into $BENCH_OUTPUT (raw output in ${results#"$repo"/})"
cat "$section"
