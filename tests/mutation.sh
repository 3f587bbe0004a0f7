#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json) over the code that guards
# security, privacy and publishing: it changes one thing at a time in that code (a condition, a
# comparison, a return value) and runs the tests that cover it; a change no test notices "survives".
# Not part of tests/run.sh: a run takes from minutes (one folder) to an hour or more (all of them).
#
#   tests/mutation.sh                       every folder below, one after another
#   tests/mutation.sh src/Medarbejdergrundlag.Content/Markdown [PATH…]   only these folders
#
# Each folder is mutated on its own, against its project's tests of the fast tier (no browser, no
# PostgreSQL, no separate process; MUTATION_TEST_FILTER overrides the filter). The HTML and JSON
# reports go to TestResults/mutation/<timestamp>/<folder>/; the script ends with the score per
# folder. docs/testing.md explains how to read them and lists the mutants we judged equivalent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

default_folders=(
  src/Medarbejdergrundlag.Web/Security            # sign-in and sessions
  src/Medarbejdergrundlag.Web/Endpoints           # the minimal API endpoints
  src/Medarbejdergrundlag.Content/Publishing      # the publish path and its gates
  src/Medarbejdergrundlag.Content/Markdown        # Markdown safety
  src/Medarbejdergrundlag.Content/Confirmations   # confirmations
  src/Medarbejdergrundlag.Content/Scheduling      # scheduling
  src/Medarbejdergrundlag.Content/Backup          # backup
  src/Medarbejdergrundlag.Content/Checks          # content checks
  src/Medarbejdergrundlag.Content/Approvals       # approval and consultation links
  src/Medarbejdergrundlag.Content/Insight         # insight without personal data
  src/Medarbejdergrundlag.Web/Insight             # the insight counter's request hook
)
folders=("$@")
if [ ${#folders[@]} -eq 0 ]; then
  for folder in "${default_folders[@]}"; do
    [ -d "$folder" ] && folders+=("$folder")
  done
fi

# The fast tier, as tests/run.sh --fast runs it.
filter="${MUTATION_TEST_FILTER:-$(sed -n 's/.*FastFilter = "\(.*\)";/\1/p' tests/Shared/Needs.cs)}"
out="$root/TestResults/mutation/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
dotnet tool restore >/dev/null

summary=()
for folder in "${folders[@]}"; do
  folder="${folder%/}"
  project_name="$(cut -d/ -f2 <<<"$folder")"
  project="$root/src/$project_name/$project_name.csproj"
  test_dir="$root/tests/$project_name.Tests"
  if [ ! -f "$project" ] || [ ! -d "$test_dir" ]; then
    echo "mutation: $folder is not inside a source project with a test project (tests/$project_name.Tests)" >&2
    exit 2
  fi
  inside="${folder#src/$project_name/}"
  report="$out/$(tr '/' '_' <<<"$folder")"
  echo "== $folder ($project_name, tests: $(basename "$test_dir"), filter: $filter)"
  (cd "$test_dir" && dotnet tool run dotnet-stryker -- \
      --project "$project_name.csproj" \
      --mutate "**/$inside/**/*.cs" \
      --mutate "!**/Migrations/**" \
      --test-case-filter "$filter" \
      --concurrency "${MUTATION_CONCURRENCY:-$(nproc)}" \
      --reporter json --reporter html --reporter progress --skip-version-check \
      --output "$report") || { echo "mutation: Stryker failed on $folder" >&2; exit 1; }
  json="$(find "$report" -name 'mutation-report.json' | head -n 1)"
  summary+=("$(python3 - "$json" "$folder" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
counts = {}
for f in report["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
valid = detected + undetected
score = 100.0 * detected / valid if valid else 100.0
print(f"{sys.argv[2]:<52} {score:6.1f}%  killed {counts.get('Killed', 0)}, timeout {counts.get('Timeout', 0)}, "
      f"survived {counts.get('Survived', 0)}, no coverage {counts.get('NoCoverage', 0)}, ignored {counts.get('Ignored', 0)}")
PY
)")
done

echo
echo "Mutation score per folder (reports under $out):"
printf '%s\n' "${summary[@]}"
