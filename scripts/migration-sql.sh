#!/usr/bin/env bash
# Writes the SQL of every migration for one provider, for a DBA who applies schema changes
# (Database:MigrateOnStart=false). Postgres and SqlServer get an idempotent script: it can run on a
# database at any earlier version and applies only what is missing. SQLite gets the whole script.
#   scripts/migration-sql.sh SqlServer > medarbejdergrundlag-sqlserver.sql
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

provider="${1:-}"
case "$provider" in
  Sqlite | Postgres | SqlServer) ;;
  *)
    echo "usage: scripts/migration-sql.sh Sqlite|Postgres|SqlServer > script.sql" >&2
    exit 2
    ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
project=src/Medarbejdergrundlag.Content
dotnet build "$project" --nologo -v quiet >/dev/null

output="$(mktemp)"
trap 'rm -f "$output"' EXIT
idempotent=(--idempotent)
[ "$provider" = Sqlite ] && idempotent=()

if [ "$provider" = Postgres ]; then
  # A database made by the first version (hand-written migrations, before 2026-11-27) already has
  # the baseline's schema: record the baseline as applied so the script does not create it again.
  baseline="$(basename "$(ls "$project"/Data/Migrations/Postgres/*_Baseline.cs)" .cs)"
  cat <<SQL
DO \$\$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory')
       AND EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122140000_Courses')
       AND NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '$baseline') THEN
        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('$baseline', '10.0.15');
    END IF;
END \$\$;

SQL
fi

dotnet ef migrations script "${idempotent[@]}" --no-build --project "$project" --context "${provider}ContentDbContext" --output "$output" >&2
# dotnet ef writes a byte-order mark; mid-file (after the block above) psql would choke on it.
sed '1s/^\xEF\xBB\xBF//' "$output"
