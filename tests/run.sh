#!/usr/bin/env bash
# Runs every test project. This is the README's test command and what CI runs (.ci/run).
# It installs what the tests need that a fresh machine lacks, then prints one summary line:
#   Total: N passed, N failed
# --fast: only the tests that need no browser, no PostgreSQL and no separate process (the Content
# and Web projects without the tests marked [Trait("Needs", ...)], see tests/Shared/Needs.cs);
# nothing is installed or started. A developer's quick answer; CI runs everything.
set -euo pipefail

fast=0
if [ "${1:-}" = "--fast" ]; then
  fast=1
elif [ $# -gt 0 ]; then
  echo "usage: tests/run.sh [--fast]" >&2
  exit 2
fi
fast_projects="Medarbejdergrundlag.Content.Tests Medarbejdergrundlag.Web.Tests"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# The fast tier's filter, written once beside the traits it names.
fast_filter="$(sed -n 's/.*FastFilter = "\(.*\)";/\1/p' tests/Shared/Needs.cs 2>/dev/null || true)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

results="$(mktemp -d "${TMPDIR:-/tmp}/mg-test-results.XXXXXX")"
cleanup_steps=("rm -rf '$results'")
cleanup() { for step in "${cleanup_steps[@]}"; do eval "$step" || true; done; }
trap cleanup EXIT

# Each tests/setup/*.sh installs or starts one thing the tests need (Chromium, a PostgreSQL
# cluster, npm packages), skipping what is already there. They are sourced, so they can export
# settings for the tests and add clean-up steps to cleanup_steps.
for setup in tests/setup/*.sh; do
  [ -e "$setup" ] || continue
  [ "$fast" = 1 ] && break
  # shellcheck source=/dev/null
  source "$setup"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Medarbejdergrundlag.sln --nologo -v quiet
status=0
projects=0
started=$(date +%s)
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  filter=()
  if [ "$fast" = 1 ]; then
    case " $fast_projects " in *" $name "*) ;; *) continue ;; esac
    filter=(--filter "$fast_filter")
  fi
  projects=$((projects + 1))
  dotnet test "$project" --no-build --nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
done

# Sum the counters of every project's TRX file, so a project that ran nothing still shows, and
# name every failed test once more with the first line of its message, so the last lines of a long
# CI log say what failed without scrolling back through the console output.
reports=$(find "$results" -name '*.trx' | wc -l)
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  command -v python3 >/dev/null || continue
  python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Failed", "Error"):
        continue
    message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
    lines = (message.text or "").strip().splitlines() if message is not None else []
    print(f"FAILED {r.get('testName')}: {lines[0][:300] if lines else ''}")
PY
done

if [ "$reports" -lt "$projects" ]; then
  echo "Only $reports of $projects test projects reported results." >&2
  status=1
fi

# No SQL Server runs on the project's machines: say plainly whether the provider suite ran on one.
if [ "$fast" = 1 ]; then
  echo "Fast tier: $projects projects, no browser, PostgreSQL or separate process, $(( $(date +%s) - started )) s of tests."
elif [ -n "${MG_TEST_SQLSERVER:-}" ]; then
  echo "SQL Server suite: ran, against the server in MG_TEST_SQLSERVER."
else
  echo "SQL Server suite: NOT run (MG_TEST_SQLSERVER is not set). Only SQL Server query translation and migrations were checked, without a server."
fi
echo "Total: $passed passed, $failed failed"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ]; then
  status=1
fi
exit "$status"
