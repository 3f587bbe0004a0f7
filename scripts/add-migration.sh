#!/usr/bin/env bash
# Adds a migration named $1 for every provider (SQLite, PostgreSQL, SQL Server) with the pinned
# `dotnet ef` (.config/dotnet-tools.json). Change the model first, then run, e.g.:
#   scripts/add-migration.sh AddCourseLevel
# Each provider's set lives in src/Medarbejdergrundlag.Content/Data/Migrations/<Provider>.
# `scripts/add-migration.sh --remove` removes the last migration of every provider instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ $# -ne 1 ]; then
  echo "usage: scripts/add-migration.sh <MigrationName> | --remove" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
project=src/Medarbejdergrundlag.Content
dotnet build "$project" --nologo -v quiet >/dev/null

for provider in Sqlite Postgres SqlServer; do
  if [ "$1" = "--remove" ]; then
    echo "Removing the last $provider migration"
    dotnet ef migrations remove --no-build --project "$project" --context "${provider}ContentDbContext" --force
  else
    echo "Adding $1 for $provider"
    dotnet ef migrations add "$1" --no-build --project "$project" --context "${provider}ContentDbContext" \
      --output-dir "Data/Migrations/$provider"
  fi
done
