#!/usr/bin/env bash
# Signed-in throughput of one page, this working tree against an earlier commit, in one run: both
# Release builds run side by side (each its own SQLite folder, personas on, as in run.sh) and wrk
# takes turns between them, so the machine's load falls on both alike. Compare the ratio, not the
# absolute figures. Usage:
#   tests/load/compare.sh BASE_REF [PATH]        (default PATH /medarbejdergrundlag)
#   ROUNDS=3 LOAD_SECONDS=10; CONFIRM=1 also measures this tree with the reader having confirmed
#   DATASET=full: both portals first get run.sh's data (1,000 course dates in 100 courses, 5,000
#     search documents); then PATH may be "edit" for the first generated course's edit page
#   PERSONA=medarbejder (hr-redaktoer for the admin area), CONNECTIONS=64 (run.sh's admin rows use 4)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base_ref="${1:?usage: tests/load/compare.sh BASE_REF [PATH]}"
path="${2:-/medarbejdergrundlag}"
rounds="${ROUNDS:-3}"
seconds="${LOAD_SECONDS:-10}"
persona="${PERSONA:-medarbejder}"
connections="${CONNECTIONS:-64}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mg-compare.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT
. "$root/tests/load/lib.sh"
# As run.sh: wrk from Debian when the machine lacks it.
command -v wrk >/dev/null || { echo "Installing wrk (Debian package)..."; apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }

echo "Building Release: this tree and $base_ref..."
mkdir -p "$out/base-src"
git -C "$root" archive "$base_ref" | tar -x -C "$out/base-src"
dotnet publish "$root/src/Medarbejdergrundlag.Web" -c Release -o "$out/new" --nologo -v quiet >/dev/null
dotnet publish "$out/base-src/src/Medarbejdergrundlag.Web" -c Release -o "$out/old" --nologo -v quiet >/dev/null

start() { # $1 = build folder name; sets $url
  url="http://127.0.0.1:$(free_port)"
  (cd "$out/$1" && ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$url" Database__DataFolder="$out/$1-data" \
    Authentication__Personas__Enabled=true Logging__LogLevel__Default=Warning \
    exec dotnet "$out/$1/Medarbejdergrundlag.Web.dll" >>"$out/$1.log" 2>&1) &
  pids+=($!)
  wait_for_200 "$url/health/live" || { cat "$out/$1.log" >&2; exit 1; }
}
stop_build() { # $1 = the pid to stop
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
}
# DATASET=full: as run.sh, the course sheet through the admin import, then 5,000 search documents
# through the backup command line (the portal stopped), then the portal started again.
fill() { # $1 = build folder name; $url is its portal
  local base="$url" jar="$out/$1-hr.jar"
  sign_in "$jar" hr-redaktoer
  [ -f "$out/forloeb.csv" ] || course_csv "$out/forloeb.csv"
  echo "$1: $(import_courses "$jar" "$out/forloeb.csv")"
  stop_build "${pids[-1]}"; unset 'pids[-1]'
  local cli=(env ASPNETCORE_ENVIRONMENT=Benchmark Database__DataFolder="$out/$1-data" Authentication__Personas__Enabled=true
    Logging__LogLevel__Default=Warning dotnet "$out/$1/Medarbejdergrundlag.Web.dll")
  (cd "$out/$1" && "${cli[@]}" backup export "$out/$1-backup.json" >/dev/null)
  python3 "$root/tests/load/search-documents.py" "$out/$1-backup.json" 5000 >/dev/null
  (cd "$out/$1" && "${cli[@]}" backup import "$out/$1-backup.json" --force >/dev/null)
  start "$1"
}
start old; old_url=$url
[ "${DATASET:-}" = full ] && { fill old; old_url=$url; }
start new; new_url=$url
[ "${DATASET:-}" = full ] && { fill new; new_url=$url; }
if [ "$path" = edit ]; then
  for base in "$old_url" "$new_url"; do
    sign_in "$out/find.jar" hr-redaktoer
    found=$(curl -s -b "$out/find.jar" "$base/admin" | grep -o 'href="/admin/indhold/[0-9]*">Forløb 000 om læring<' | grep -o '/admin/indhold/[0-9]*' | head -1)
    [ -n "$found" ] && [ "${edit:-$found}" = "$found" ] || { echo "no course to edit on $base/admin (or another one than on the other build)" >&2; exit 1; }
    edit=$found
  done
  path=$edit
fi
# The jar's cookies as a browser sends them; mg.confirmed lives a minute after confirming (it makes
# every view ask the database), so the long runs leave it out, as a browser would after that minute.
cookie() { awk '(!/^#/ || /^#HttpOnly_/) && $6 != "mg.confirmed" { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
for which in old new; do
  base=$([ $which = old ] && echo "$old_url" || echo "$new_url")
  sign_in "$out/$which.jar" "$persona"
  curl -s -o /dev/null -b "$out/$which.jar" -c "$out/$which.jar" "$base$path"
done
if [ "${CONFIRM:-0}" = 1 ]; then
  base=$new_url
  sign_in "$out/confirmed.jar" leder
  curl -s -o /dev/null -b "$out/confirmed.jar" -c "$out/confirmed.jar" --data-urlencode "version=$(curl -s -b "$out/confirmed.jar" "$base/medarbejdergrundlag" | sed -n 's/.*name="version" value="\([^"]*\)".*/\1/p' | head -1)" \
    --data-urlencode "__RequestVerificationToken=$(token "$out/confirmed.jar" /medarbejdergrundlag)" "$base/medarbejdergrundlag/bekraeft"
  curl -s -b "$out/confirmed.jar" "$base/medarbejdergrundlag" | grep -q 'data-reader-status="confirmed"' || { echo "confirming failed" >&2; exit 1; }
fi

cat >"$out/count.lua" <<'LUA'
local bad = 0
response = function(status) if status ~= 200 then bad = bad + 1 end end
done = function(summary, latency, requests)
  io.write(string.format("%.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
run() { wrk -t2 -c"$connections" -d"$2"s --timeout 5s -H "Cookie: $(cookie "$out/$3.jar")" -s "$out/count.lua" "$1$path" | tail -1; }
run "$old_url" 3 old >/dev/null; run "$new_url" 3 new >/dev/null   # warm-up
echo "wrk -t2 -c$connections -d${seconds}s $path, signed in as $persona; rounds alternate between the builds"
printf '%-6s %-28s %8s %8s %8s %7s\n' round build req/s "p50 ms" "p99 ms" errors
for r in $(seq 1 "$rounds"); do
  printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "$base_ref" $(run "$old_url" "$seconds" old)
  printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "this tree" $(run "$new_url" "$seconds" new)
  if [ "${CONFIRM:-0}" = 1 ]; then
    printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "this tree, reader confirmed" $(run "$new_url" "$seconds" confirmed)
  fi
done
