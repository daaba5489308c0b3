#!/usr/bin/env bash
# Adds a migration with the same name for every provider: ./scripts/add-migration.sh NAME
# `dotnet ef` does not rebuild between providers, so each project is built first.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer Postgres; do
  project="src/CapacityAdmin.Migrations.$provider"
  dotnet build "$project" -v q -nologo >/dev/null
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations --no-build
done
