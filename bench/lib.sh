# Shared by bench/run.sh, search.sh, subscribers.sh and soak.sh: logging, the tools, the throwaway PostgreSQL
# cluster and its seeded databases (one per size, kept between runs), NewsApi in Release, memory sampling, and
# the marked sections of BENCHMARKS.md each script owns. Source it after setting $bench, $repo and $results.
# shellcheck shell=bash

BENCH_PGDATA="${BENCH_PGDATA:-/tmp/newsapi-bench-pg}"
SKIP_BUILD="${SKIP_BUILD:-0}"
STARTUP_SECONDS="${STARTUP_SECONDS:-900}"
# Articles the C# generator writes itself; beyond that, bench/sql/amplify-articles.sql recombines them in SQL
# (the generator runs at a few thousand articles/s through EF Core, too slow for a million on every machine).
GENERATOR_ARTICLES="${GENERATOR_ARTICLES:-10000}"

pg_bin=""
pg_port=""
pg_started_here=0
newsapi_pid=""
sampler_pid=""

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Every load command goes into the report verbatim, so anyone can rerun one by hand.
record_command() { printf '%s\n' "$*" >>"$commands_log"; }

stop_process() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  stop_process "$sampler_pid"
  stop_process "$newsapi_pid"
  if declare -F cleanup_extra >/dev/null; then cleanup_extra; fi
  if [[ "$pg_started_here" == 1 && -f "$BENCH_PGDATA/postmaster.pid" ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$BENCH_PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# A port nobody answers on; bash's /dev/tcp connect fails fast on a closed loopback port.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# 30s, 10m, 1h or plain seconds, as wrk takes them.
duration_seconds() {
  local d="$1"
  case "$d" in
    *h) echo $((${d%h} * 3600)) ;;
    *m) echo $((${d%m} * 60)) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------------

install_missing_packages() {
  local wanted=()
  command -v wrk >/dev/null || wanted+=(wrk)
  [[ -x /usr/lib/postgresql/15/bin/initdb || -n "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null)" ]] || wanted+=(postgresql postgresql-contrib)
  command -v jq >/dev/null || wanted+=(jq)
  command -v curl >/dev/null || wanted+=(curl)
  if ((${#wanted[@]})); then
    [[ $EUID -eq 0 ]] || die "missing ${wanted[*]}; run as root so they can be installed"
    log "installing ${wanted[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
  fi
  pg_bin="${NEWSAPI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
  [[ -x "$pg_bin/initdb" ]] || die "no PostgreSQL binaries in $pg_bin"
  command -v dotnet >/dev/null || die "the .NET SDK is not installed"
}

build_newsapi() {
  if [[ "$SKIP_BUILD" != "1" ]]; then
    log "building NewsApi (Release)"
    dotnet build "$repo/src/NewsApi" -c Release --nologo -v quiet >"$results/build.log" 2>&1 ||
      { cat "$results/build.log" >&2; die "build failed"; }
  fi
  [[ -f "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll" ]] || die "no Release build of NewsApi"
}

# ---------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------

# A cluster of our own under /tmp, as the postgres user (initdb and pg_ctl refuse root). fsync and
# synchronous_commit stay on, as in production; memory settings are modest ones a 2-core box would get.
start_postgres() {
  if [[ ! -f "$BENCH_PGDATA/PG_VERSION" ]]; then
    log "creating a PostgreSQL cluster in $BENCH_PGDATA"
    mkdir -p "$BENCH_PGDATA"
    chown postgres:postgres "$BENCH_PGDATA"
    chmod 700 "$BENCH_PGDATA"
    runuser -u postgres -- "$pg_bin/initdb" -D "$BENCH_PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # One script at a time: a cluster already running belongs to another run, which would lose it when we stop.
  if runuser -u postgres -- "$pg_bin/pg_ctl" -D "$BENCH_PGDATA" status >/dev/null 2>&1; then
    die "the cluster in $BENCH_PGDATA is already running (another bench script?); run the scripts one after another"
  fi
  pg_port="$(free_port)" || die "no free port for PostgreSQL"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$BENCH_PGDATA" -w -l "$BENCH_PGDATA/server.log" -o "\
    -c port=$pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp \
    -c max_connections=300 -c shared_buffers=512MB -c effective_cache_size=2GB -c work_mem=8MB \
    -c maintenance_work_mem=256MB -c max_wal_size=4GB -c fsync=on -c synchronous_commit=on" start >/dev/null
  pg_started_here=1
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

psql_in() { local db="$1"; shift; "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAtX "$@"; }

connection_string() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres${NEWSAPI_CONNECTION_OPTIONS:+;$NEWSAPI_CONNECTION_OPTIONS}"; }

database_exists() { [[ "$(psql_in postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" == "1" ]]; }

article_count() { psql_in "$1" -c "SELECT count(*) FROM articles" 2>/dev/null || echo 0; }

# One database per size, named for it. A database whose article count already matches is reused as it is:
# seeding a million articles takes minutes, measuring them does not change them.
seed_database() {
  local size="$1" db="news_$1"
  if database_exists "$db" && [[ "$(article_count "$db")" == "$size" ]]; then
    log "reusing $db ($size articles)"
    ensure_search_documents "$db"
    return 0
  fi
  log "seeding $db with $size articles"
  psql_in postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  local started=$SECONDS
  # The C# generator (through NewsApi's own start-up: migrations, the sample page for the ticker, then
  # synthetic articles) writes the first GENERATOR_ARTICLES; SQL recombines those for the rest.
  local from_generator=$((size < GENERATOR_ARTICLES ? size : GENERATOR_ARTICLES))
  start_newsapi "$db" "$results/seed-$size.log" "$from_generator"
  stop_process "$newsapi_pid"
  newsapi_pid=""
  log "  generator: $(article_count "$db") articles in $((SECONDS - started)) s"
  if ((size > from_generator)); then
    local before=$SECONDS
    psql_in "$db" -v target="$size" -f "$bench/sql/amplify-articles.sql" >/dev/null
    log "  SQL amplification to $(article_count "$db") articles in $((SECONDS - before)) s"
  fi
  ensure_search_documents "$db"
  psql_in "$db" -c "VACUUM ANALYZE" -c "CHECKPOINT"
  [[ "$(article_count "$db")" == "$size" ]] || die "$db has $(article_count "$db") articles, wanted $size"
  log "  $db seeded in $((SECONDS - started)) s"
}

# Every table, index and TOAST table of the database read once into the OS page cache (pg_prewarm, mode 'read')
# before anything is measured. On a machine that has just seeded them, the million-article database (6 GB) was
# partly on disk: the first run's 1M article page had a p99 of 78 ms against 18 ms at 10k, and the next run on the
# same machine did not. A served store is warm; the measure should be of the servers, not of the disk. The
# extension lives in its own schema, so that neither PostGraphile nor NewsApi sees it.
prewarm_database() {
  local db="$1" started=$SECONDS
  psql_in "$db" -c "CREATE SCHEMA IF NOT EXISTS bench_tools" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm SCHEMA bench_tools" \
    -c "SELECT sum(bench_tools.pg_prewarm(c.oid::regclass, 'read')) FROM pg_class c
        WHERE c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace) AND c.relkind IN ('r', 'i', 't', 'm')" >/dev/null
  log "  $db ($(psql_in "$db" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")) read into the page cache in $((SECONDS - started)) s"
}

articles_without_search_document() {
  psql_in "$1" -c "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)" 2>/dev/null ||
    article_count "$1"
}

# Articles written by SQL (amplify-articles.sql) or before search existed have no search document. NewsApi's own
# start-up writes the missing ones (Features/Search/SearchIndexBackfill, through the C# normaliser), in id order,
# but at a few hundred articles/s on a busy 2-core machine: an hour for a million. So the backfill writes those of
# the generator's articles (the lowest ids), bench/sql/search-documents.sql copies their normalised parts into the
# documents of the articles amplify-articles.sql recombined from them, and a second start of the backfill writes
# whatever is left plus a random sample of 200 SQL-written documents, deleted first and then compared: any
# difference stops the run. Times go to the log and $results/search-backfill.tsv. A complete database costs one
# count.
ensure_search_documents() {
  local db="$1" missing started total generator
  missing="$(articles_without_search_document "$db")"
  ((missing > 0)) || return 0
  started=$SECONDS
  total="$(article_count "$db")"
  generator=$((total < GENERATOR_ARTICLES ? total : GENERATOR_ARTICLES))
  log "  $db: $missing of $total articles have no search document"
  if ((total - missing < generator)); then
    log "  NewsApi's start-up backfill writes the first $generator (the generator's articles)"
    run_search_backfill "$db" "$((total - generator))"
  fi
  missing="$(articles_without_search_document "$db")"
  if ((missing > 0)); then
    local before=$SECONDS
    psql_in "$db" -f "$bench/sql/search-documents.sql" >/dev/null
    log "  search-documents.sql wrote $((missing - $(articles_without_search_document "$db"))) documents in $((SECONDS - before)) s"
    psql_in "$db" \
      -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS bench_search_check" \
      -c "CREATE TABLE bench_search_check AS SELECT article_id, headline, standfirst, tags, body FROM article_search
          WHERE article_id > (SELECT id FROM articles ORDER BY id OFFSET $((generator - 1)) LIMIT 1) ORDER BY random() LIMIT 200" \
      -c "DELETE FROM article_search WHERE article_id IN (SELECT article_id FROM bench_search_check)"
    log "  NewsApi's start-up backfill writes the rest ($(articles_without_search_document "$db"), 200 of them to check the SQL's)"
    run_search_backfill "$db" 0
    local differ
    differ="$(psql_in "$db" -c "SELECT count(*) FROM bench_search_check c JOIN article_search s USING (article_id)
      WHERE (c.headline, c.standfirst, c.tags, c.body) IS DISTINCT FROM (s.headline, s.standfirst, s.tags, s.body)")"
    ((differ == 0)) || die "$differ of 200 search documents written by search-documents.sql differ from NewsApi's (see table bench_search_check in $db)"
    psql_in "$db" -c "DROP TABLE bench_search_check"
    log "  the sample of 200 SQL-written documents matches NewsApi's byte for byte"
  fi
  psql_in "$db" -c "VACUUM ANALYZE article_search"
  log "  $db: search documents complete in $((SECONDS - started)) s"
  printf '%s\t%s\n' "$db" "$((SECONDS - started))" >>"$results/search-backfill.tsv"
}

# Starts NewsApi on DB and stops it once at most LEFT articles lack a search document.
run_search_backfill() {
  local db="$1" left="$2" log_file="$results/search-backfill-$db.log" missing deadline=$((SECONDS + STARTUP_SECONDS * 4))
  start_newsapi "$db" "$log_file"
  while :; do
    missing="$(articles_without_search_document "$db")"
    ((missing <= left)) && break
    kill -0 "$newsapi_pid" 2>/dev/null || { tail -30 "$log_file" >&2; die "NewsApi stopped during the search backfill"; }
    ! grep -q "Writing missing search documents failed" "$log_file" || { tail -30 "$log_file" >&2; die "the search backfill failed"; }
    ((SECONDS < deadline)) || die "the search backfill of $db did not finish; $missing left"
    sleep 2
  done
  stop_process "$newsapi_pid"
  newsapi_pid=""
}

# ---------------------------------------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------------------------------------

wait_until_serving() {
  local url="$1" pid="$2" log_file="$3" query="$4"
  local deadline=$((SECONDS + STARTUP_SECONDS))
  until curl -fsS -o /dev/null -H 'content-type: application/json' -d "$query" "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      tail -50 "$log_file" >&2
      die "the server at $url did not come up"
    fi
    sleep 1
  done
}

# NewsApi in Release as a plain process (exec, so $! is the dotnet process whose memory we sample). Cost budgets
# off (one loopback client would spend the anonymous per-IP budget at once) and the server's response cache off, so
# GET measures execution like PostGraphile's; bench/cached-get.sh measures the cache. Every benchmark client comes
# from the one loopback address, so the per-address WebSocket cap (meant for the public) is lifted.
# demo_articles > 0 makes its start-up top the store up with the synthetic generator (seeding only).
start_newsapi() {
  local db="$1" log_file="$2" demo_articles="${3:-0}" port
  port="$(free_port)" || die "no free port for NewsApi"
  newsapi_url="http://127.0.0.1:$port/graphql"
  (
    cd "$repo/src/NewsApi"
    exec env Database__Provider=postgres \
      ConnectionStrings__News="$(connection_string "$db")" \
      Database__SeedSampleContent=true \
      Database__DemoArticles="$demo_articles" \
      RateLimits__Enabled=false \
      Caching__ServerCache=false \
      GraphQL__WebSocket__MaxAnonymousConnectionsPerAddress=1000000 \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ASPNETCORE_ENVIRONMENT=Production \
      Logging__LogLevel__Default=Warning \
      Logging__LogLevel__Microsoft=Warning \
      Logging__LogLevel__NewsApi.Data.DatabaseInitializer=Information \
      dotnet "$repo/src/NewsApi/bin/Release/net10.0/NewsApi.dll"
  ) >"$log_file" 2>&1 &
  newsapi_pid=$!
  wait_until_serving "$newsapi_url" "$newsapi_pid" "$log_file" '{"query":"{__typename}"}'
}

# The peak resident memory of a process while a run lasts: /proc/PID/status VmRSS, every 200 ms.
start_memory_sampler() {
  local pid="$1" out="$2"
  echo 0 >"$out"
  (
    max=0
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      if ((rss > max)); then max=$rss; echo "$max" >"$out"; fi
      sleep 0.2
    done
  ) &
  sampler_pid=$!
}

stop_memory_sampler() { stop_process "$sampler_pid"; sampler_pid=""; }


# ---------------------------------------------------------------------------------------------------------
# BENCHMARKS.md
# ---------------------------------------------------------------------------------------------------------

machine_facts() {
  local cpu mem
  cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  mem="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- CPU: ${cpu:-unknown}, $(nproc) cores (nproc)"
  echo "- Memory: $mem"
  echo "- Kernel: $(uname -srm)"
  echo "- .NET SDK $(dotnet --version 2>/dev/null || echo '?'); $("${pg_bin:-/usr/lib/postgresql/15/bin}/postgres" --version 2>/dev/null || echo PostgreSQL); $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
}

# Replaces the section between "<!-- NAME:begin -->" and "<!-- NAME:end -->" in FILE (BENCHMARKS.md by default)
# with the contents of CONTENT_FILE, or appends it when the markers are not there yet. Everything else in the
# file is left as it was, so search.sh, subscribers.sh, soak.sh and run.sh each own their part.
write_section() {
  local name="$1" content_file="$2" file="${3:-$repo/BENCHMARKS.md}"
  [[ -f "$file" ]] || printf '# Benchmarks\n' >"$file"
  python3 - "$name" "$content_file" "$file" <<'PY'
import sys
name, content_file, path = sys.argv[1:]
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
block = begin + "\n" + open(content_file, encoding="utf-8").read().rstrip("\n") + "\n" + end
text = open(path, encoding="utf-8").read()
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    text = head + block + tail
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
}

# Copies every marked section of OLD that NEW lacks to the end of NEW: run.sh rewrites the whole file and must
# not drop the sections the other scripts wrote.
keep_sections() {
  local old="$1" new="$2"
  [[ -f "$old" ]] || return 0
  python3 - "$old" "$new" <<'PY'
import re, sys
old, new = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
blocks = re.findall(r"(<!-- ([a-z-]+):begin[^>]*-->.*?<!-- \2:end -->)", old, re.S)
extra = [b for b, name in blocks if f"<!-- {name}:begin" not in new]
if extra:
    new = new.rstrip("\n") + "\n\n" + "\n\n".join(extra) + "\n"
    open(sys.argv[2], "w", encoding="utf-8").write(new)
PY
}

# The p-th percentile (0-100) of the numbers in FILE, one a line: nearest rank.
percentile() {
  sort -g "$2" | awk -v p="$1" '{v[NR] = $1} END {if (NR == 0) {print "-"; exit} i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; printf "%.2f", v[i]}'
}
