#!/usr/bin/env bash
# The load benchmark (issue 9). See tests/load/README.md for what it does and the targets.
# Usage: tests/load/run.sh            (about 4 minutes; loopback only; stops the portal it starts)
#   LOAD_SECONDS=10  seconds of wrk per URL at 64 connections
#   SOAK_SECONDS=60  seconds of wrk at 256 connections over all public pages
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
load_seconds="${LOAD_SECONDS:-10}"
soak_seconds="${SOAK_SECONDS:-60}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mg-load.XXXXXX")"
pid=""
stop_portal() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
cleanup() { stop_portal; rm -rf "$out"; }
trap cleanup EXIT
# Never runs longer than 5 minutes, even if something hangs.
( trap 'kill $s 2>/dev/null; exit 0' TERM; sleep 300 >/dev/null 2>&1 & s=$!; wait $s
  echo "run.sh: over 5 minutes, stopping" >&2; kill -TERM $$ ) &
watchdog=$!
trap 'cleanup; kill $watchdog 2>/dev/null || true' EXIT

. "$root/tests/load/lib.sh"
started=$(date +%s)

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)..."
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi

echo "Building Release..."
publish_app
port=$(free_port)
base="http://127.0.0.1:$port"
mkdir -p "$out/static"

# Production-like: not Development (no developer exception page; HSTS, the error page and no example
# courses as in Production), with the personas and the baseline's static folder switched on
# explicitly, which Production refuses.
start_portal() { # sets $pid, and $started_ms: milliseconds from process start to the first 200 from /health/live
  local t0
  t0=$(date +%s%N)
  # From the app's folder, as in the container: the content root (wwwroot) is the working directory.
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$base" Database__DataFolder="$out/data" \
    Authentication__Personas__Enabled=true Benchmark__StaticFolder="$out/static" \
    Logging__LogLevel__Default=Warning exec dotnet "$out/app/Medarbejdergrundlag.Web.dll" >>"$out/log" 2>&1) &
  pid=$!
  wait_for_200 "$base/health/live" || { cat "$out/log" >&2; exit 1; }
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

start_portal   # empty database: create, migrate, seed
first_run=$started_ms
echo "First run (empty database): $first_run ms"

hr="$out/hr.jar"
sign_in "$hr" hr-redaktoer
course_csv "$out/forloeb.csv"
echo "Course dates: $(import_courses "$hr" "$out/forloeb.csv")"
stop_portal

# 5,000 searchable documents: the backup command line exports the store, a generated Phønix revision
# with 5,000 sections is added, and the file is restored. The app builds its index from that.
app() { (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Benchmark Database__DataFolder="$out/data" Authentication__Personas__Enabled=true \
  Logging__LogLevel__Default=Warning dotnet "$out/app/Medarbejdergrundlag.Web.dll" "$@" >/dev/null); }
app backup export "$out/backup.json"
python3 "$root/tests/load/search-documents.py" "$out/backup.json" 5000
app backup import "$out/backup.json" --force

# Cold start: the existing database, three times; the last one stays up for the benchmark.
cold=()
for i in 1 2 3; do
  [ "$i" -gt 1 ] && stop_portal
  start_portal
  cold+=("$started_ms")
done
echo "Cold start (existing database): ${cold[*]} ms"

employee="$out/employee.jar"
hr="$out/hr2.jar"
sign_in "$employee" medarbejder
sign_in "$hr" hr-redaktoer
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
# The antiforgery cookie too, as a browser would send it after its first page.
curl -s -o /dev/null -b "$employee" -c "$employee" "$base/"
curl -s -o /dev/null -b "$hr" -c "$hr" "$base/admin"
employee_cookie="Cookie: $(cookie_header "$employee")"
hr_cookie="Cookie: $(cookie_header "$hr")"

search="/soeg?q=f%C3%A6llesskab"
public_pages=("/" "/medarbejdergrundlag" "/pejlemaerker/mod" "/phoenix/forloeb" "$search")
for page in "${public_pages[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$employee_cookie" "$base$page")
  [ "$code" = 200 ] || { echo "$page answered $code when signed in" >&2; exit 1; }
done
hits=$(curl -s -H "$employee_cookie" "$base$search" | grep -c 'href="/phoenix#emne-' || true)
echo "Search: $hits generated sections among the first results for 'fællesskab'"

# The baseline: the charter page as the employee sees it, served as a file by the same app.
curl -s -H "$employee_cookie" "$base/medarbejdergrundlag" >"$out/static/charter.html"
static="/_benchmark-static/charter.html"

# Page weight of the charter page: the HTML and every asset it references, compressed as a browser asks.
echo
echo "Charter page over the wire (Accept-Encoding: br, gzip):"
weigh() { # $1 = path; prints bytes, encoding, cache-control
  curl -s -o /dev/null -D "$out/h" -w '%{size_download}' -H 'Accept-Encoding: br, gzip' -H "$employee_cookie" "$base$1" >"$out/size"
  printf '%s\t%s\t%s\n' "$(cat "$out/size")" "$(sed -n 's/^[Cc]ontent-[Ee]ncoding: *\(.*\)\r$/\1/p' "$out/h")" \
    "$(sed -n 's/^[Cc]ache-[Cc]ontrol: *\(.*\)\r$/\1/p' "$out/h")"
}
total=0; requests=0
read -r bytes enc cache < <(weigh /medarbejdergrundlag | tr '\t' ' ')
printf '  %-42s %7s B  %-5s\n' /medarbejdergrundlag "$bytes" "${enc:--}"
total=$((total + bytes))
assets=$(grep -oE '(href|src)="/[^"]+\.(css|js|woff2?|svg|png|jpg|webp|ico)"' "$out/static/charter.html" | sed -E 's/^(href|src)="([^"]*)"/\2/' | sort -u)
fingerprinted=yes
for asset in $assets; do
  IFS=$'\t' read -r bytes enc cache < <(weigh "$asset")
  printf '  %-42s %7s B  %-5s %s\n' "$asset" "$bytes" "${enc:--}" "$cache"
  total=$((total + bytes)); requests=$((requests + 1))
  [[ "$asset" =~ \.[a-z0-9]{8,}\.(css|js)$ && "$cache" == *immutable* ]] || fingerprinted=no
done
printf '  %-42s %7s B  (%d requests beyond the HTML; fingerprinted with long-lived caching: %s)\n' total "$total" "$requests" "$fingerprinted"

# wrk, with a Lua script that counts every answer other than 200 as an error (a 302 to the sign-in
# page would otherwise pass as success) and prints one parseable line.
cat >"$out/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
local list = os.getenv("WRK_PATHS")
if list and list ~= "" then
  local paths, i = {}, 0
  for p in string.gmatch(list, "%S+") do table.insert(paths, p) end
  request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("bad") end
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad + e.connect + e.read + e.write + e.timeout, summary.requests))
end
LUA
run_wrk() { # $1 connections, $2 seconds, $3 cookie header, $4 path (WRK_PATHS may rotate several)
  wrk -t2 -c"$1" -d"$2"s --timeout 5s -H "$3" -s "$out/count.lua" "$base$4" | sed -n 's/^RESULT //p'
}

echo
echo "Warming up (5 s over every page)..."
WRK_PATHS="$static ${public_pages[*]}" run_wrk 64 5 "$employee_cookie" / >/dev/null
WRK_PATHS="/admin" run_wrk 16 2 "$hr_cookie" /admin >/dev/null

results="$out/results"
: >"$results"
measure() { # $1 label, $2 path, $3 cookie header
  echo "$1 $(run_wrk 64 "$load_seconds" "$3" "$2")" >>"$results"
}
measure "static:$static" "$static" "$employee_cookie"
for page in "${public_pages[@]}"; do measure "public:$page" "$page" "$employee_cookie"; done
measure "admin:/admin" "/admin" "$hr_cookie"
soak=$(WRK_PATHS="${public_pages[*]}" run_wrk 256 "$soak_seconds" "$employee_cookie" /)
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
stop_portal

echo
echo "wrk -t2 -c64 -d${load_seconds}s on loopback, signed in (medarbejder; /admin as hr-redaktoer); 2-core machine, wrk on the same machine"
python3 - "$results" "$soak" "$soak_seconds" "$rss_kb" "$first_run" "${cold[*]}" "$total" "$requests" "$fingerprinted" <<'PY'
import sys
results, soak, soak_seconds, rss_kb, first_run, cold, total, requests, fingerprinted = sys.argv[1:]
rows = [line.split() for line in open(results)]
static_rps = float(rows[0][1])
print(f"{'URL':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'vs static':>9}")
ok = {}
for label, rps, p50, p99, errors, _ in rows:
    kind, url = label.split(":", 1)
    ratio = float(rps) / static_rps
    print(f"{url if kind != 'static' else url + ' (baseline)':<34} {float(rps):8.0f} {float(p50):8.2f} {float(p99):8.2f} {int(errors):7d} {ratio:8.0%}")
    if kind == "public":
        ok.setdefault("ratio", []).append(ratio >= 0.6)
        ok.setdefault("p99", []).append(float(p99) < 10)
s_rps, s_p50, s_p99, s_errors, s_requests = soak.split()
print(f"{'all public pages, 256 connections':<34} {float(s_rps):8.0f} {float(s_p50):8.2f} {float(s_p99):8.2f} {int(s_errors):7d}   ({int(s_requests)} requests in {soak_seconds} s)")
rss = int(rss_kb) / 1024
colds = [int(c) for c in cold.split()]
print()
print(f"Peak RSS (VmHWM): {rss:.0f} MB")
print(f"Cold start (existing database, to first 200): {', '.join(map(str, colds))} ms (median {sorted(colds)[1]} ms)")
print(f"First-run start (empty database, to first 200): {first_run} ms")
print(f"Charter page: {int(total) / 1024:.1f} KB over the wire, {requests} requests beyond the HTML, fingerprinted and cached: {fingerprinted}")
print()
def mark(good): return "met    " if good else "NOT met"
print("Targets:")
print(f"  {mark(all(ok['ratio']))} public pages >= 60% of the static baseline's req/s at 64 connections")
print(f"  {mark(all(ok['p99']))} p99 < 10 ms at 64 connections for every public page")
print(f"  {mark(int(s_errors) == 0)} zero errors over {soak_seconds} s at 256 connections")
print(f"  {mark(rss < 250)} peak RSS < 250 MB")
print(f"  {mark(sorted(colds)[1] < 1500)} cold start < 1.5 s (median of three)")
print(f"  {mark(int(first_run) < 3000)} first-run start < 3 s")
print(f"  {mark(int(total) < 60 * 1024 and int(requests) <= 3 and fingerprinted == 'yes')} charter page < 60 KB, <= 3 asset requests, fingerprinted with long-lived caching")
PY
echo "Whole run: $(( $(date +%s) - started )) s"
