#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json) over the code that guards
# security, privacy and publishing: it changes one thing at a time in that code (a condition, a
# comparison, a return value) and runs the tests that cover it; a change no test notices "survives".
# Not part of tests/run.sh: a run takes from minutes (one folder) to an hour or more (all of them).
#
#   tests/mutation.sh                       every folder below, one after another
#   tests/mutation.sh src/Medarbejdergrundlag.Content/Markdown [PATH…]   only these folders
#   tests/mutation.sh src/Medarbejdergrundlag.Content/Editing/ContentEditor.Publish.cs   one file
#
# The paths of one project are mutated in one run, against its tests of the fast tier (no browser, no
# PostgreSQL, no separate process; MUTATION_TEST_FILTER overrides the filter; MUTATION_FILES, file
# names such as "LocalUrl.cs PersonaGate.cs", mutates only those in the folder;
# MUTATION_STRYKER_ARGS adds Stryker options, e.g. --disable-bail). The HTML and JSON
# reports go to TestResults/mutation/<timestamp>/<project>/ (one Stryker run per project); the
# script ends with the score per folder. docs/testing.md explains how to read them and lists the
# mutants we judged equivalent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

default_folders=(
  src/Medarbejdergrundlag.Web/Security            # sign-in and sessions
  src/Medarbejdergrundlag.Web/Endpoints           # the minimal API endpoints
  src/Medarbejdergrundlag.Content/Publishing      # the publish pipeline, its gates and hooks
  src/Medarbejdergrundlag.Content/Editing/ContentEditor.Publish.cs  # the publish path itself
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
    [ -e "$folder" ] && folders+=("$folder")
  done
fi

# The fast tier, as tests/run.sh --fast runs it.
filter="${MUTATION_TEST_FILTER:-$(sed -n 's/.*FastFilter = "\(.*\)";/\1/p' tests/Shared/Needs.cs)}"
out="$root/TestResults/mutation/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
dotnet tool restore >/dev/null

# One Stryker run per project, over all the paths asked for in it (building and mutating a project
# takes minutes of its own); the score is then counted per path from that run's report.
projects=()
declare -A patterns_of paths_of
for folder in "${folders[@]}"; do
  folder="${folder%/}"
  project_name="$(cut -d/ -f2 <<<"$folder")"
  if [ ! -f "src/$project_name/$project_name.csproj" ] || [ ! -d "tests/$project_name.Tests" ]; then
    echo "mutation: $folder is not inside a source project with a test project (tests/$project_name.Tests)" >&2
    exit 2
  fi
  inside="${folder#src/$project_name/}"
  # A folder is mutated with everything under it (or only MUTATION_FILES in it), a .cs file on its own.
  if [ -f "$folder" ]; then
    patterns="**/$inside"
  elif [ -n "${MUTATION_FILES:-}" ]; then
    patterns="$(for file in $MUTATION_FILES; do printf '%s ' "**/$inside/**/$file"; done)"
  else
    patterns="**/$inside/**/*.cs"
  fi
  [ -n "${paths_of[$project_name]:-}" ] || projects+=("$project_name")
  patterns_of[$project_name]+="$patterns "
  paths_of[$project_name]+="$folder "
done

summary=()
for project_name in "${projects[@]}"; do
  read -r -a patterns <<<"${patterns_of[$project_name]}"
  read -r -a paths <<<"${paths_of[$project_name]}"
  mutate=()
  for pattern in "${patterns[@]}"; do mutate+=(--mutate "$pattern"); done
  read -r -a extra <<<"${MUTATION_STRYKER_ARGS:-}"
  report="$out/$project_name"
  echo "== ${paths[*]} ($project_name, tests: $project_name.Tests, filter: $filter${MUTATION_FILES:+, files: $MUTATION_FILES})"
  (cd "tests/$project_name.Tests" && dotnet tool run dotnet-stryker -- \
      --project "$project_name.csproj" \
      "${mutate[@]}" \
      --mutate "!**/Migrations/**" \
      --test-case-filter "$filter" \
      --concurrency "${MUTATION_CONCURRENCY:-$(nproc)}" \
      --reporter json --reporter html --reporter progress --skip-version-check \
      --output "$report" "${extra[@]}") || { echo "mutation: Stryker failed on ${paths[*]}" >&2; exit 1; }
  json="$(find "$report" -name 'mutation-report.json' 2>/dev/null | head -n 1)"
  # Stryker ends with status 0 even when it could not compile the mutated project: no report then.
  if [ -z "$json" ]; then
    echo "mutation: Stryker wrote no report for ${paths[*]} (see its log above)" >&2
    exit 1
  fi
  while IFS= read -r line; do summary+=("$line"); done < <(python3 - "$json" "$root" "${paths[@]}" <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1]))
root = sys.argv[2]
for path in sys.argv[3:]:
    where = os.path.join(root, path)
    counts = {}
    for name, f in report["files"].items():
        if name == where or name.startswith(where + "/"):
            for m in f["mutants"]:
                counts[m["status"]] = counts.get(m["status"], 0) + 1
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    valid = detected + undetected
    score = f"{100.0 * detected / valid:6.1f}%" if valid else "   n/a "
    print(f"{path:<52} {score}  killed {counts.get('Killed', 0)}, timeout {counts.get('Timeout', 0)}, "
          f"survived {counts.get('Survived', 0)}, no coverage {counts.get('NoCoverage', 0)}, ignored {counts.get('Ignored', 0)}")
PY
)
done

echo
echo "Mutation score per folder (reports under $out):"
printf '%s\n' "${summary[@]}"
