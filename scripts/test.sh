#!/usr/bin/env bash
# Runs every test. The tests start their own throwaway PostgreSQL from the installed binaries, run the ecosystem's
# clients (the graphql-http audit, the graphql-ws client) with Node.js and the headlines widget in Chromium, so on a
# fresh Debian machine this first installs what is missing from Debian's packages — as root, or through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ -z "${NEWSAPI_TEST_POSTGRES:-}" ] && [ -z "${NEWSAPI_PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL (the tests start a throwaway cluster from its binaries)..."
  apt_install postgresql postgresql-contrib
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Node.js (the graphql-http audit runs on it)..."
  apt_install nodejs npm
fi

if ! command -v chromium >/dev/null; then
  echo "Installing Chromium (the headlines widget is tested in a real browser)..."
  apt_install chromium
fi

exec dotnet test NewsApi.sln -c Release "$@"
