#!/usr/bin/env bash
# Signed-in throughput of one page, this working tree against an earlier commit, in one run: both
# Release builds run side by side (each its own SQLite folder, personas on, as in run.sh) and wrk
# takes turns between them, so the machine's load falls on both alike. Compare the ratio, not the
# absolute figures. Usage:
#   tests/load/compare.sh BASE_REF [PATH]        (default PATH /medarbejdergrundlag)
#   ROUNDS=3 LOAD_SECONDS=10; CONFIRM=1 also measures this tree with the reader having confirmed
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base_ref="${1:?usage: tests/load/compare.sh BASE_REF [PATH]}"
path="${2:-/medarbejdergrundlag}"
rounds="${ROUNDS:-3}"
seconds="${LOAD_SECONDS:-10}"
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
start old; old_url=$url
start new; new_url=$url
# The jar's cookies as a browser sends them; mg.confirmed lives a minute after confirming (it makes
# every view ask the database), so the long runs leave it out, as a browser would after that minute.
cookie() { awk '(!/^#/ || /^#HttpOnly_/) && $6 != "mg.confirmed" { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
for which in old new; do
  base=$([ $which = old ] && echo "$old_url" || echo "$new_url")
  sign_in "$out/$which.jar" medarbejder
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
run() { wrk -t2 -c64 -d"$2"s --timeout 5s -H "Cookie: $(cookie "$out/$3.jar")" -s "$out/count.lua" "$1$path" | tail -1; }
run "$old_url" 3 old >/dev/null; run "$new_url" 3 new >/dev/null   # warm-up
echo "wrk -t2 -c64 -d${seconds}s $path, signed in; rounds alternate between the builds"
printf '%-6s %-28s %8s %8s %8s %7s\n' round build req/s "p50 ms" "p99 ms" errors
for r in $(seq 1 "$rounds"); do
  printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "$base_ref" $(run "$old_url" "$seconds" old)
  printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "this tree" $(run "$new_url" "$seconds" new)
  if [ "${CONFIRM:-0}" = 1 ]; then
    printf '%-6s %-28s %8s %8s %8s %7s\n' "$r" "this tree, reader confirmed" $(run "$new_url" "$seconds" confirmed)
  fi
done
