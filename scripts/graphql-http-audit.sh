#!/usr/bin/env bash
# Builds NewsApi, starts it on a free loopback port with a throw-away SQLite file, runs the graphql-http
# server audit (tests/audit) against /graphql, stops the server and exits with the audit's exit code:
# 0 when every MUST and SHOULD audit passes, 1 otherwise, 2 when the server could not be started.
# The audit's probes ask for __type, so anonymous introspection (closed in Production) is opened for it: the
# audit is about the transport, not about what the schema reveals.
# Env: CONFIGURATION (default Debug), AUDIT_SKIP_BUILD=1 to reuse an existing build, AUDIT_STARTUP_SECONDS (default 90).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
startup_seconds="${AUDIT_STARTUP_SECONDS:-90}"

for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "graphql-http-audit: $tool is not installed" >&2; exit 2; }
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
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

if [[ "${AUDIT_SKIP_BUILD:-0}" != "1" ]]; then
  dotnet build "$repo/src/NewsApi" -c "$configuration" --nologo -v quiet
fi

(cd "$repo/tests/audit" && npm ci --no-audit --no-fund --loglevel=error)

port="$(free_port)" || { echo "graphql-http-audit: no free port found" >&2; exit 2; }
url="http://127.0.0.1:$port/graphql"
dll="$repo/src/NewsApi/bin/$configuration/net10.0/NewsApi.dll"

(
  cd "$repo/src/NewsApi"
  exec env ConnectionStrings__News="Data Source=$work/news.db" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
    GraphQL__Exposure__AnonymousIntrospection="${GraphQL__Exposure__AnonymousIntrospection:-true}" \
    dotnet "$dll"
) >"$work/server.log" 2>&1 &
server_pid=$!

deadline=$((SECONDS + startup_seconds))
until curl -fsS -o /dev/null "$url?query=%7B__typename%7D"; do
  if ! kill -0 "$server_pid" 2>/dev/null || (( SECONDS >= deadline )); then
    echo "graphql-http-audit: the server did not come up on $url; its log:" >&2
    cat "$work/server.log" >&2
    exit 2
  fi
  sleep 1
done

status=0
node "$repo/tests/audit/audit.mjs" "$url" || status=$?
exit "$status"
