#!/usr/bin/env bash
# Adds a migration with the same name to both stores' migration sets, then checks neither has model changes left.
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/../src/NewsApi"
dotnet tool restore >/dev/null
for store in Postgres Sqlite; do
  dotnet ef migrations add "$name" --context "${store}NewsDbContext" \
    --output-dir "Data/Migrations/$store" --namespace "NewsApi.Data.Migrations.$store"
  # dotnet-ef files the snapshot by namespace; keep it beside its migrations.
  if [ -d "NewsApi/Data/Migrations/$store" ]; then
    mv "NewsApi/Data/Migrations/$store/"*.cs "Data/Migrations/$store/"
  fi
  dotnet ef migrations has-pending-model-changes --context "${store}NewsDbContext"
done
rm -rf NewsApi
