#!/usr/bin/env bash
# Writes the schema scripts for production deployments (Database:MigrateOnStartup=false) into artifacts/sql/.
# SQL Server and PostgreSQL scripts are idempotent; SQLite has no idempotent form (EF limitation),
# so its script applies every migration from an empty database.
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/sql"; mkdir -p "$out"
dotnet tool restore >/dev/null
for provider in SqlServer Postgres; do
  project="src/CapacityAdmin.Migrations.$provider"
  dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" -o "$out/$provider.sql"
done
dotnet ef migrations script --project src/CapacityAdmin.Migrations.Sqlite --startup-project src/CapacityAdmin.Migrations.Sqlite -o "$out/Sqlite.sql"
echo "Scripts written to $out/"
