#!/usr/bin/env bash
# The load benchmark (issues 9 and 18). See tests/load/README.md for what it does and the targets.
# Usage: tests/load/run.sh            (about 7 minutes; loopback only; stops the servers it starts)
#   LOAD_SECONDS=10  seconds of wrk per URL and server at 64 connections
#   SOAK_SECONDS=60  seconds of wrk at 256 connections over all public pages
#   MEMORY_LIMIT=256M  run the portal inside a memory cgroup with this limit, as a container does
#                    (v2 or v1, whichever the machine has; needs root), and report its peak and OOM kills
#                    Beside it runs the same build without a limit, on its own copy of the data, measured for
#                    half the time just before and half just after each measurement of the limited one, so the
#                    ratio limited/unlimited comes from one run and a drifting machine weighs on both alike
#                    (BESIDE_UNLIMITED=0 leaves that out)
#   RESULTS_FILE=f   keep this run's per-URL results; COMPARE_WITH=f compares this run's ratios with them
#   GCDUMP=f.gcdump  after the soak, a dotnet-gcdump of the (limited) portal's heap, and its top types
#   GC_COUNTERS=1    dotnet-counters on the portal (and its unlimited twin) from the first measurement to
#                    the end of the soak: garbage collections by generation, GC pause time and bytes
#                    allocated, per stage, printed at the end (why a page is slower inside a limit)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
load_seconds="${LOAD_SECONDS:-10}"
soak_seconds="${SOAK_SECONDS:-60}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mg-load.XXXXXX")"
pid=""
free_pid=""
counter_pids=()
kestrel_pid=""
nginx_pid=""
stop() { if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
stop_portal() { stop "$pid"; pid=""; }
cleanup() {
  local status=$?
  # A run that stops early inside a memory limit says why, if the limit was the reason.
  if [ "$status" -ne 0 ] && [ -n "$cgroup" ] && [ -d "$cgroup" ]; then
    echo "Stopped early (exit $status) inside MEMORY_LIMIT=$memory_limit, at stage \"$(cat "$out/stage" 2>/dev/null || echo setup)\": cgroup peak $(( $(cgroup_peak_bytes) / 1048576 )) MiB, OOM kills $(cgroup_oom_kills)" >&2
  fi
  for c in "${counter_pids[@]}"; do stop "$c"; done
  stop_portal; stop "$free_pid"; stop "$kestrel_pid"; stop "$nginx_pid"; free_pid=""; kestrel_pid=""; nginx_pid=""; cgroup_remove; rm -rf "$out"
}
trap cleanup EXIT

# MEMORY_LIMIT: a memory cgroup of its own, a child of the one this script runs in, as a container
# runtime makes one. The portal is started in it (it joins before exec, so .NET's GC sees the limit
# from its first instruction). v2: memory.max, memory.peak, memory.events; v1: memory.limit_in_bytes,
# memory.max_usage_in_bytes, memory.oom_control. Swap is not allowed to stand in for memory.
memory_limit="${MEMORY_LIMIT:-}"
cgroup=""; cgroup_v=""
cgroup_create() {
  local bytes base
  bytes=$(numfmt --from=iec "${memory_limit%iB}")
  if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
    cgroup_v=2
    base="/sys/fs/cgroup$(sed -n 's/^0:://p' /proc/self/cgroup)"
    cgroup="$base/mg-load-$$"
    mkdir "$cgroup"
    echo "$bytes" >"$cgroup/memory.max"
    [ -f "$cgroup/memory.swap.max" ] && echo 0 >"$cgroup/memory.swap.max"
  elif [ -d /sys/fs/cgroup/memory ]; then
    cgroup_v=1
    base="/sys/fs/cgroup/memory$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)"
    cgroup="${base%/}/mg-load-$$"
    mkdir "$cgroup"
    echo "$bytes" >"$cgroup/memory.limit_in_bytes"
    [ -f "$cgroup/memory.memsw.limit_in_bytes" ] && echo "$bytes" >"$cgroup/memory.memsw.limit_in_bytes" 2>/dev/null || true
  else
    echo "MEMORY_LIMIT needs a memory cgroup (v1 or v2); this machine has none" >&2; exit 1
  fi
  echo "Memory limit: $memory_limit ($bytes bytes), cgroup v$cgroup_v at $cgroup"
}
cgroup_peak_bytes() { if [ "$cgroup_v" = 2 ]; then cat "$cgroup/memory.peak"; else cat "$cgroup/memory.max_usage_in_bytes"; fi; }
cgroup_oom_kills() {
  if [ "$cgroup_v" = 2 ]; then awk '$1 == "oom_kill" { print $2 }' "$cgroup/memory.events"
  else awk '$1 == "oom_kill" { print $2 }' "$cgroup/memory.oom_control"; fi
}
# Memory pressure so far: times the cgroup reached its limit (each a reclaim), major page faults (a
# page read back from disk, such as a mapped assembly's code page reclaimed earlier) and, on v2,
# refaulted page-cache pages.
cgroup_pressure() {
  if [ "$cgroup_v" = 2 ]; then
    echo "$(awk '$1 == "max" { print $2 }' "$cgroup/memory.events") $(awk '$1 == "pgmajfault" { print $2 }' "$cgroup/memory.stat") $(awk '$1 == "workingset_refault_file" { print $2 }' "$cgroup/memory.stat")"
  else
    echo "$(cat "$cgroup/memory.failcnt") $(awk '$1 == "total_pgmajfault" { print $2 }' "$cgroup/memory.stat") -"
  fi
}
cgroup_remove() { if [ -n "$cgroup" ] && [ -d "$cgroup" ]; then rmdir "$cgroup" 2>/dev/null || true; fi; }
[ -n "$memory_limit" ] && cgroup_create
# The unlimited twin runs as a run without MEMORY_LIMIT would: without the arena setting below,
# unless the caller set it.
beside=""
[ -n "$memory_limit" ] && [ "${BESIDE_UNLIMITED:-1}" != 0 ] && beside=1
free_env=(env)
[ -z "${MALLOC_ARENA_MAX:-}" ] && free_env=(env -u MALLOC_ARENA_MAX)
# As the Dockerfile's ENV sets it for the container (glibc's malloc arenas; see tests/load/README.md).
[ -n "$memory_limit" ] && export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# "${in_cgroup[@]}" CMD...: CMD joins the cgroup, then execs (nothing without a limit)
in_cgroup=()
[ -n "$cgroup" ] && in_cgroup=(sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$cgroup")
# Never runs much longer than the measurements need, even if something hangs: seven URLs, each
# against the two reference servers, the soak, and ten minutes for building and data (a busy
# machine needs that: the first ReadyToRun publish restores its compiler, starts slow down).
limit=$(( 600 + 23 * load_seconds + soak_seconds ))
[ -n "$beside" ] && limit=$(( limit + 60 + 12 * load_seconds + soak_seconds ))
( trap 'kill $s 2>/dev/null; exit 0' TERM; sleep "$limit" >/dev/null 2>&1 & s=$!; wait $s
  echo "run.sh: over $limit s, stopping" >&2; kill -TERM $$ ) &
watchdog=$!
trap 'cleanup; kill $watchdog 2>/dev/null || true' EXIT

. "$root/tests/load/lib.sh"
started=$(date +%s)

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)..."
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "Building Release..."
publish_app
# The reference: Kestrel alone, serving the same bytes from memory (not part of the solution).
dotnet publish "$root/tests/load/BareKestrel" -c Release -o "$out/kestrel" --nologo -v quiet >/dev/null
port=$(free_port)
base="http://127.0.0.1:$port"
mkdir -p "$out/static"

# Production-like: not Development (no developer exception page; HSTS, the error page and no example
# courses as in Production), with the personas and the baseline's static folder switched on
# explicitly, which Production refuses.
# portal_settings URL DATA: the environment the portal, and its unlimited twin, run with, in $settings
portal_settings() {
  settings=(ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="$1" Database__DataFolder="$2"
    Authentication__Personas__Enabled=true Benchmark__StaticFolder="$out/static" Logging__LogLevel__Default=Warning)
}
start_portal() { # sets $pid, and $started_ms: milliseconds from process start to the first 200 from /health/live
  local t0 settings
  t0=$(date +%s%N)
  portal_settings "$base" "$out/data"
  # From the app's folder, as in the container: the content root (wwwroot) is the working directory.
  (cd "$out/app" && exec env "${settings[@]}" "${in_cgroup[@]}" dotnet "$out/app/Medarbejdergrundlag.Web.dll" >>"$out/log" 2>&1) &
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
# The restore runs outside MEMORY_LIMIT: the generated page is one text of 3.5 MB of Markdown, which
# the restore renders and sanitizes whole (about 200-224 MiB), unlike any real text. The portal that
# then starts on the database, and serves and indexes that page, runs inside the limit.
# Its log goes to a file, printed with the portal's errors at the end (a restore once logged "An error
# occurred using a transaction" and nothing else).
app() { (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Benchmark Database__DataFolder="$out/data" Authentication__Personas__Enabled=true \
  Logging__LogLevel__Default=Warning dotnet "$out/app/Medarbejdergrundlag.Web.dll" "$@" >>"$out/cli.log" 2>&1) || { cat "$out/cli.log" >&2; return 1; }; }
app backup export "$out/backup.json"
python3 "$root/tests/load/search-documents.py" "$out/backup.json" 5000
app backup import "$out/backup.json" --force
# The unlimited twin gets its own copy of this database (nothing is running on it now).
[ -n "$beside" ] && cp -a "$out/data" "$out/data-free"

# Cold start: the existing database, three times; the last one stays up for the benchmark.
cold=()
for i in 1 2 3; do
  [ "$i" -gt 1 ] && stop_portal
  start_portal
  cold+=("$started_ms")
done
echo "Cold start (existing database): ${cold[*]} ms"

# RSS by stage: a sampler reads the portal's VmRSS every 100 ms and files it under the stage named in
# $out/stage, so the note can say which part of the run makes the peak (issue 18).
# $out/pressure gets the cgroup's pressure counters at each stage's start, one line per stage.
stage() {
  echo "$1" >"$out/stage"; echo "$(date +%s) $1" >>"$out/stages"
  if [ -n "$cgroup" ]; then echo "$(cgroup_pressure)" >>"$out/pressure"; fi
}
stage "start"
python3 - "$pid" "$out/stage" >"$out/rss" <<'PY' &
import sys, time
pid, stage_file = sys.argv[1:]
while True:
    try:
        with open(f"/proc/{pid}/status") as f:
            kb = next(line.split()[1] for line in f if line.startswith("VmRSS:"))
        with open(stage_file, encoding="utf-8") as f:
            print(f.read().strip(), kb, flush=True)
    except (OSError, StopIteration):
        break
    time.sleep(0.1)
PY
sampler=$!

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

# The unlimited twin (MEMORY_LIMIT): the same build on its own copy of the data, outside the cgroup,
# signed in with its own sessions. It idles while the limited portal is measured, and the other way round.
if [ -n "$beside" ]; then
  free_base="http://127.0.0.1:$(free_port)"
  portal_settings "$free_base" "$out/data-free"
  (cd "$out/app" && exec "${free_env[@]}" "${settings[@]}" dotnet "$out/app/Medarbejdergrundlag.Web.dll" >>"$out/free.log" 2>&1) &
  free_pid=$!
  wait_for_200 "$free_base/health/live" || { echo "the unlimited twin did not start" >&2; cat "$out/free.log" >&2; exit 1; }
  ( base=$free_base
    sign_in "$out/free-employee.jar" medarbejder; sign_in "$out/free-hr.jar" hr-redaktoer
    curl -s -o /dev/null -b "$out/free-employee.jar" -c "$out/free-employee.jar" "$base/"
    curl -s -o /dev/null -b "$out/free-hr.jar" -c "$out/free-hr.jar" "$base/admin" )
  free_employee_cookie="Cookie: $(cookie_header "$out/free-employee.jar")"
  free_hr_cookie="Cookie: $(cookie_header "$out/free-hr.jar")"
fi

stage "first pages"
search="/soeg?q=f%C3%A6llesskab"
public_pages=("/" "/medarbejdergrundlag" "/pejlemaerker/mod" "/phoenix/forloeb" "$search")
for page in "${public_pages[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$employee_cookie" "$base$page")
  [ "$code" = 200 ] || { echo "$page answered $code when signed in" >&2; exit 1; }
  if [ -n "$beside" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$free_employee_cookie" "$free_base$page")
    [ "$code" = 200 ] || { echo "$page answered $code on the unlimited twin when signed in" >&2; exit 1; }
  fi
done
hits=$(curl -s -H "$employee_cookie" "$base$search" | grep -o 'href="/phoenix#afsnit-phoenix-emne-' | wc -l)
echo "Search: $hits generated sections among the first results for 'fællesskab'"

# A library image (issue 29): a 1200 x 800 PNG made here, uploaded through the admin page as an
# editor does; its 960 px WebP is measured below beside the same bytes from bare Kestrel and nginx.
python3 - "$out/benchmark.png" <<'PY'
import struct, sys, zlib
w, h = 1200, 800
rows = b"".join(b"\0" + b"".join(bytes((x * 255 // w, y * 255 // h, ((x ^ y) * 7) % 256)) for x in range(w)) for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
PY
curl -s -o /dev/null -b "$hr" -c "$hr" -F "__RequestVerificationToken=$(token "$hr" /admin/billeder)" \
  -F "Upload=@$out/benchmark.png;type=image/png" -F "AltDa=Farveforløb til belastningstesten" "$base/admin/billeder?handler=Upload"
image=$(curl -s -b "$hr" "$base/admin/billeder" | grep -oE '<code>/billeder/[0-9a-f]{32}</code>' | head -1 | sed -E 's#</?code>##g')
[ -n "$image" ] || { echo "the benchmark image was not uploaded" >&2; exit 1; }
image="$image/960.webp"
if [ -n "$beside" ]; then # the same bytes, so the same address (the image's hash)
  ( base=$free_base
    curl -s -o /dev/null -b "$out/free-hr.jar" -c "$out/free-hr.jar" -F "__RequestVerificationToken=$(token "$out/free-hr.jar" /admin/billeder)" \
      -F "Upload=@$out/benchmark.png;type=image/png" -F "AltDa=Farveforløb til belastningstesten" "$base/admin/billeder?handler=Upload" )
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$free_employee_cookie" "$free_base$image")
  [ "$code" = 200 ] || { echo "$image answered $code on the unlimited twin" >&2; exit 1; }
fi

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

# The reference servers serve each measured page's bytes as the reader got them, as files
# /0.html, /1.html, ...: Kestrel with nothing in front, from memory, and nginx (one worker).
urls=("$static" "${public_pages[@]}" "$image" /admin)
mkdir -p "$out/pages" "$out/nginx"
for i in "${!urls[@]}"; do
  cookie="$employee_cookie"; [ "${urls[$i]}" = /admin ] && cookie="$hr_cookie"
  curl -s -H "$cookie" "$base${urls[$i]}" >"$out/pages/$i.html"
done
kestrel_base="http://127.0.0.1:$(free_port)"
(cd "$out/kestrel" && exec dotnet BareKestrel.dll "$out/pages" --urls "$kestrel_base" >>"$out/kestrel.log" 2>&1) &
kestrel_pid=$!
nginx_base="http://127.0.0.1:$(free_port)"
# nginx's worker runs as another user where the master is root: it must be able to read the pages.
chmod a+rx "$out" "$out/pages" && chmod a+r "$out/pages"/*
cat >"$out/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nginx/body;
  server_tokens off;
  types { text/html html; }
  server { listen ${nginx_base#http://}; root $out/pages; }
}
CONF
"$nginx_bin" -p "$out/nginx" -c "$out/nginx/nginx.conf" -e "$out/nginx/error.log" &
nginx_pid=$!
wait_for_200 "$kestrel_base/0.html" || { echo "bare Kestrel did not start" >&2; cat "$out/kestrel.log" >&2; exit 1; }
wait_for_200 "$nginx_base/0.html" || { echo "nginx did not start" >&2; cat "$out/nginx/error.log" >&2; exit 1; }

# wrk, with a Lua script that counts every answer other than 200 (a 302 to the sign-in page would
# otherwise pass as success) apart from socket errors and timeouts, and prints one parseable line.
cat >"$out/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; codes = "" end
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if #codes < 40 then codes = codes .. status .. "," end
  end
end
local list = os.getenv("WRK_PATHS")
if list and list ~= "" then
  local paths, i = {}, 0
  for p in string.gmatch(list, "%S+") do table.insert(paths, p) end
  request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
end
function done(summary, latency, requests)
  local bad, codes = 0, ""
  for _, t in ipairs(threads) do bad = bad + t:get("bad"); codes = codes .. t:get("codes") end
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d %d %s\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, e.connect + e.read + e.write, e.timeout, summary.requests,
    codes == "" and "-" or codes))
end
LUA
run_wrk() { # $1 connections, $2 seconds, $3 cookie header, $4 URL (WRK_PATHS may rotate several paths)
  wrk -t2 -c"$1" -d"$2"s --timeout 5s -H "$3" -s "$out/count.lua" "$4" | sed -n 's/^RESULT //p'
}

echo
stage "warm-up"
echo "Warming up (5 s over every page, 2 s on each reference server)..."
WRK_PATHS="$static ${public_pages[*]}" run_wrk 64 5 "$employee_cookie" "$base/" >/dev/null
WRK_PATHS="/admin" run_wrk 16 2 "$hr_cookie" "$base/admin" >/dev/null
run_wrk 64 2 "$employee_cookie" "$kestrel_base/0.html" >/dev/null
run_wrk 64 2 "$employee_cookie" "$nginx_base/0.html" >/dev/null
if [ -n "$beside" ]; then
  WRK_PATHS="$static ${public_pages[*]}" run_wrk 64 5 "$free_employee_cookie" "$free_base/" >/dev/null
  WRK_PATHS="/admin" run_wrk 16 2 "$free_hr_cookie" "$free_base/admin" >/dev/null
fi
# measure_free CONNECTIONS SECONDS URL KIND: the same measurement on the unlimited twin, filed in $out/free
# (called with half the seconds before and after the limited portal's; the report averages the two)
half=$(( load_seconds > 1 ? load_seconds / 2 : 1 ))
: >"$out/free"
measure_free() {
  [ -n "$beside" ] || return 0
  local cookie="$free_employee_cookie"
  [ "$4" = admin ] && cookie="$free_hr_cookie"
  echo "$1:$3|$(run_wrk "$1" "$2" "$cookie" "$free_base$3")" >>"$out/free"
}

# GC_COUNTERS: one dotnet-counters session per portal, outside the cgroup (the session's buffers in
# the portal are small: a few counters a second).
gc_counters() { # $1 = pid, $2 = csv file
  (cd "$root" && exec dotnet tool run dotnet-counters collect -p "$1" --counters System.Runtime --format csv \
    -o "$2" --refresh-interval 1 >>"$out/counters.log" 2>&1) &
  counter_pids+=($!)
}
if [ -n "${GC_COUNTERS:-}" ]; then
  (cd "$root" && dotnet tool restore >/dev/null)
  gc_counters "$pid" "$out/counters-portal.csv"
  [ -n "$beside" ] && gc_counters "$free_pid" "$out/counters-free.csv"
  sleep 3
fi

# Each URL, then bare Kestrel and nginx serving its bytes, straight after one another, so that a
# machine that drifts (other work starting or stopping) weighs on the portal and the references alike.
echo "Measuring ${#urls[@]} URLs, each followed by bare Kestrel and nginx on its bytes..."
results="$out/results"
: >"$results"
for i in "${!urls[@]}"; do
  url="${urls[$i]}"; cookie="$employee_cookie"; kind=public
  stage "$url at 64 connections"
  [ "$url" = "$static" ] && kind=static
  [ "$url" = "$image" ] && kind=image
  [ "$url" = /admin ] && { cookie="$hr_cookie"; kind=admin; }
  measure_free 64 "$half" "$url" "$kind"
  portal=$(run_wrk 64 "$load_seconds" "$cookie" "$base$url")
  measure_free 64 "$half" "$url" "$kind"
  kestrel=$(run_wrk 64 "$load_seconds" "$cookie" "$kestrel_base/$i.html")
  nginx=$(run_wrk 64 "$load_seconds" "$cookie" "$nginx_base/$i.html")
  echo "$kind:$url|$portal|$kestrel|$nginx|$(stat -c %s "$out/pages/$i.html")" >>"$results"
done
# The admin area at an editor's pace (issue 32): the overview and a course's edit page at 4 connections.
edit_page=$( (grep -o 'href="/admin/indhold/[0-9]*">Forløb 000 om læring<' "$out/pages/$(( ${#urls[@]} - 1 )).html" || true) | grep -o '/admin/indhold/[0-9]*' | head -1 || true)
[ -n "$edit_page" ] || { echo "no course on /admin to edit" >&2; exit 1; }
admin4="$out/admin4"
: >"$admin4"
for url in /admin "$edit_page"; do
  stage "$url at 4 connections"
  size=$(curl -s -H "$hr_cookie" "$base$url" | wc -c)
  measure_free 4 "$half" "$url" admin
  echo "$url|$(run_wrk 4 "$load_seconds" "$hr_cookie" "$base$url")|$size" >>"$admin4"
  measure_free 4 "$half" "$url" admin
done
stage "public pages at 256 connections"
soak_free() { [ -n "$beside" ] && echo "256:soak|$(WRK_PATHS="${public_pages[*]}" run_wrk 256 $(( soak_seconds / 2 )) "$free_employee_cookie" "$free_base/")" >>"$out/free" || true; }
soak_free
soak=$(WRK_PATHS="${public_pages[*]}" run_wrk 256 "$soak_seconds" "$employee_cookie" "$base/")
soak_free
stage "end"
if [ ${#counter_pids[@]} -gt 0 ]; then
  sleep 2
  for c in "${counter_pids[@]}"; do kill -INT "$c" 2>/dev/null || true; done
  sleep 1
  for c in "${counter_pids[@]}"; do stop "$c"; done
  counter_pids=()
fi
free_rss_kb=""
if [ -n "$beside" ]; then free_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$free_pid/status"); stop "$free_pid"; free_pid=""; fi
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
# What the cgroup holds at the end (anonymous memory, shared memory such as the JIT's double mapping, page cache).
cgroup_stat=""
[ -n "$cgroup" ] && cgroup_stat=$(awk '$1 ~ /^(total_)?(anon|rss|shmem|file|cache)$/ { printf "%s %d MiB, ", $1, $2 / 1048576 }' "$cgroup/memory.stat")
cgroup_peak=""; oom_kills=""
if [ -n "$cgroup" ]; then cgroup_peak=$(cgroup_peak_bytes); oom_kills=$(cgroup_oom_kills); fi
if [ -n "${GCDUMP:-}" ]; then
  stage "gcdump"
  # Walking the heap needs memory of its own in the portal: the limit is lifted for it, after the
  # measurements and after reading the cgroup's peak and OOM kills.
  if [ -n "$cgroup" ]; then
    # (v1: memory plus swap first, which may not be below the memory limit)
    if [ "$cgroup_v" = 2 ]; then echo max >"$cgroup/memory.max" || true
    else
      [ -f "$cgroup/memory.memsw.limit_in_bytes" ] && { echo -1 >"$cgroup/memory.memsw.limit_in_bytes" || true; }
      echo -1 >"$cgroup/memory.limit_in_bytes" || true
    fi
  fi
  (cd "$root" && dotnet tool restore >/dev/null && dotnet tool run dotnet-gcdump collect -p "$pid" -o "$GCDUMP" >/dev/null) \
    || echo "dotnet-gcdump could not collect" >&2
fi
[ -n "${RESULTS_FILE:-}" ] && cp "$out/results" "$RESULTS_FILE"
[ -n "$cgroup_stat" ] && echo "The cgroup at the end of the soak: ${cgroup_stat%, }"
if [ -n "${GCDUMP:-}" ] && [ -f "$GCDUMP" ]; then
  echo "The heap after the soak ($GCDUMP), the largest types:"
  (cd "$root" && dotnet tool run dotnet-gcdump report "$GCDUMP" | head -25)
fi
stop_portal
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
# What went wrong, if anything: the portal logs warnings and errors only (JSON lines).
pattern='^(warn|fail|crit):|"LogLevel": *"(Warning|Error|Critical)"'
problems=$(grep -cE "$pattern" "$out/log" || true)
if [ "$problems" -gt 0 ]; then
  echo
  echo "The portal logged $problems warnings or errors; the first three:"
  grep -E -A3 "$pattern" "$out/log" | head -12 | cut -c1-300
  if grep -qE '^(fail|crit):' "$out/log"; then
    echo "The errors, each with what followed it (the first three):"
    grep -E -A8 '^(fail|crit):' "$out/log" | head -27 | cut -c1-300
  fi
fi
if grep -qE '^(fail|crit):' "$out/cli.log"; then
  echo "The backup command line logged errors while the data was made, each with what followed it:"
  grep -E -A12 '^(fail|crit):' "$out/cli.log" | head -40 | cut -c1-300
fi
if [ -n "$beside" ] && grep -qE '^(fail|crit):' "$out/free.log"; then
  echo "The unlimited twin logged errors, each with what followed it (the first three):"
  grep -E -A8 '^(fail|crit):' "$out/free.log" | head -27 | cut -c1-300
fi

echo
echo "wrk -t2 -c64 -d${load_seconds}s on loopback, signed in (medarbejder; /admin as hr-redaktoer); 2-core machine, wrk on the same machine."
echo "Each URL is followed at once by bare Kestrel (from memory) and nginx (one worker, a file) serving the same bytes."
python3 - "$results" "$soak" "$soak_seconds" "$rss_kb" "$first_run" "${cold[*]}" "$total" "$requests" "$fingerprinted" "$out/rss" \
  "$admin4" "$memory_limit" "$cgroup_v" "$cgroup_peak" "$oom_kills" "${COMPARE_WITH:-}" "$out/free" "$free_rss_kb" <<'PY'
import sys
(results, soak, soak_seconds, rss_kb, first_run, cold, total, requests, fingerprinted, rss_file,
 admin4, memory_limit, cgroup_v, cgroup_peak, oom_kills, compare_with, free_file, free_rss_kb) = sys.argv[1:]
rows = []
for line in open(results):
    label, portal, kestrel, nginx, size = line.strip().split("|")
    kind, url = label.split(":", 1)
    rows.append((kind, url, portal.split(), float(kestrel.split()[0]), float(nginx.split()[0]), int(size), float(kestrel.split()[2])))
static_rps = float(rows[0][2][0])
print(f"{'URL':<30} {'KB':>5} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'non-200':>7} {'sock/to':>7} "
      f"{'Kestrel':>7} {'K p99':>6} {'vs K':>5} {'nginx':>7} {'vs N':>5} {'vs app static':>13}")
ok = {"ratio": [], "p99": [], "errors": []}
# Issue 18: charter, front page and a bearing at least 0.5 of bare Kestrel; catalogue and search 0.25.
needs = {"/": 0.5, "/medarbejdergrundlag": 0.5, "/pejlemaerker/mod": 0.5}
codes = []
for kind, url, (rps, p50, p99, bad, sock, timeouts, n, seen), k, ng, size, k99 in rows:
    if seen != "-":
        codes.append(f"{url}: {seen.rstrip(',')}")
    rps = float(rps)
    name = "in-app static (baseline)" if kind == "static" else url
    print(f"{name:<30} {size / 1024:5.1f} {rps:7.0f} {float(p50):7.2f} {float(p99):7.2f} {int(bad):7d} {int(sock) + int(timeouts):7d} "
          f"{k:7.0f} {k99:6.1f} {rps / k:5.0%} {ng:7.0f} {rps / ng:5.0%} {rps / static_rps:13.0%}")
    if kind == "image":
        ok["image"] = rps / k >= 0.5 and int(bad) + int(sock) + int(timeouts) == 0
    if kind == "public":
        ok["ratio"].append(rps / k >= needs.get(url, 0.25))
        ok["p99"].append(float(p99) < 10)
        ok["errors"].append(int(bad) + int(sock) + int(timeouts) == 0)
s_rps, s_p50, s_p99, s_bad, s_sock, s_to, s_requests, s_seen = soak.split()
if s_seen != "-":
    codes.append(f"256 connections: {s_seen.rstrip(',')}")
print(f"{'all public pages, 256 conn.':<30} {'':>5} {float(s_rps):7.0f} {float(s_p50):7.2f} {float(s_p99):7.2f} {int(s_bad):7d} "
      f"{int(s_sock) + int(s_to):7d}   ({int(s_requests)} requests in {soak_seconds} s; {s_to} timeouts)")
rss = int(rss_kb) / 1024
colds = [int(c) for c in cold.split()]
print()
print("KB: the page's HTML. non-200: answers other than 200. sock/to: socket errors and timeouts (5 s).")
if codes:
    print("Statuses other than 200 (the first few): " + "; ".join(codes))
print("vs K, vs N: the portal's req/s over bare Kestrel's and nginx's on the same bytes, each measured right after it.")
print("K p99: bare Kestrel's p99 on the same bytes: what the machine itself allows at that moment.")
print()
print("The admin area at 4 connections (hr-redaktoer):")
print(f"{'URL':<30} {'KB':>5} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'non-200':>7} {'sock/to':>7}")
admin_ok = []
for line in open(admin4):
    url, r, size = line.strip().split("|")
    a_rps, a_p50, a_p99, a_bad, a_sock, a_to, _, _ = r.split()
    print(f"{url:<30} {int(size) / 1024:5.1f} {float(a_rps):7.0f} {float(a_p50):7.2f} {float(a_p99):7.2f} {int(a_bad):7d} {int(a_sock) + int(a_to):7d}")
    admin_ok.append((url, int(size), float(a_p99), int(a_bad) + int(a_sock) + int(a_to)))
print()
if memory_limit:
    print(f"Memory limit {memory_limit} (cgroup v{cgroup_v}): peak {int(cgroup_peak) / 1048576:.0f} MiB of the cgroup "
          f"(page cache included, as a container counts it), OOM kills: {oom_kills}")
beside = []
free = {}
for line in open(free_file):
    key, r = line.strip().split("|")
    free.setdefault(key, []).append(r.split())
# The twin's two halves (before and after): mean req/s, the higher p99, all their errors.
free = {key: (sum(float(r[0]) for r in rs) / len(rs), max(float(r[2]) for r in rs),
              sum(int(x) for r in rs for x in r[3:6])) for key, rs in free.items()}
if free:
    # The unlimited twin, measured in turn with each measurement above (same build, same data, same run).
    print("Beside it, the same build without a limit (its own copy of the data, outside the cgroup, "
          "without MALLOC_ARENA_MAX unless you set it), measured for half the time just before and half just after the limited one:")
    print(f"{'URL':<30} {'conn':>4} {'limited':>8} {'p99 ms':>7} {'unlimited':>9} {'p99 ms':>7} {'errors':>6} {'ratio':>6}")
    pairs = [(64, "in-app static (baseline)" if kind == "static" else url, p, f"64:{url}") for kind, url, p, *_ in rows]
    pairs += [(4, line.split("|")[0], line.strip().split("|")[1].split(), f"4:{line.split('|')[0]}") for line in open(admin4)]
    pairs.append((256, "all public pages (the soak)", soak.split(), "256:soak"))
    for conn, name, mine, key in pairs:
        if key not in free:
            continue
        rps, p99, errors = free[key]
        ratio = float(mine[0]) / rps
        beside.append(ratio)
        print(f"{name:<30} {conn:>4} {float(mine[0]):8.0f} {float(mine[2]):7.2f} {rps:9.0f} {p99:7.2f} {errors:6d} {ratio:6.2f}")
    if free_rss_kb:
        print(f"The unlimited twin's peak RSS (VmHWM): {int(free_rss_kb) / 1024:.0f} MB")
    print()
compared = []
if compare_with:
    # The same URLs in another run (e.g. without a limit): each page's share of bare Kestrel's req/s,
    # measured back to back within its own run, so that a busier machine in one run weighs less.
    other = {}
    for line in open(compare_with):
        label, portal, kestrel, nginx, size = line.strip().split("|")
        other[label.split(":", 1)[1]] = float(portal.split()[0]) / float(kestrel.split()[0])
    print(f"Against {compare_with} (vs K here / vs K there):")
    for kind, url, (rps, *_), k, ng, size, k99 in rows:
        if url in other:
            ratio = (float(rps) / k) / other[url]
            compared.append(ratio)
            print(f"  {url:<40} {float(rps) / k:5.0%} / {other[url]:5.0%} = {ratio:.2f}")
    print()
print(f"Peak RSS (VmHWM): {rss:.0f} MB")
stages = {}
for line in open(rss_file, encoding="utf-8"):
    name, _, kb = line.rstrip("\n").rpartition(" ")
    if name and kb.isdigit():
        stages.setdefault(name, []).append(int(kb) / 1024)
if stages:
    print("RSS by stage, sampled every 100 ms (MB, at the end of the stage / highest):")
    for name, mbs in stages.items():
        print(f"  {name:<42} {mbs[-1]:5.0f} / {max(mbs):5.0f}")
print(f"Cold start (existing database, to first 200): {', '.join(map(str, colds))} ms (median {sorted(colds)[1]} ms)")
print(f"First-run start (empty database, to first 200): {first_run} ms")
print(f"Charter page: {int(total) / 1024:.1f} KB over the wire, {requests} requests beyond the HTML, fingerprinted and cached: {fingerprinted}")
print()
def mark(good): return "met    " if good else "NOT met"
soak_errors = int(s_bad) + int(s_sock) + int(s_to)
print("Targets (issue 18):")
print(f"  {mark(all(ok['ratio']))} charter, front page and a bearing >= 50% of bare Kestrel; catalogue and search >= 25%")
print(f"  {mark(ok.get('image', False))} a library image (960 px WebP) >= 50% of bare Kestrel, without errors (issue 29)")
print(f"  {mark(all(ok['p99']))} p99 < 10 ms at 64 connections for every public page")
print(f"  {mark(all(ok['errors']) and soak_errors == 0)} zero errors at 64 connections, and over {soak_seconds} s at 256 connections")
print(f"  {mark(rss < 250)} peak RSS < 250 MB")
print(f"  {mark(sorted(colds)[1] < 1000)} cold start < 1.0 s (median of three)")
print(f"  {mark(int(first_run) < 2000)} first-run start < 2.0 s")
print(f"  {mark(int(total) < 60 * 1024 and int(requests) <= 3 and fingerprinted == 'yes')} charter page < 60 KB, <= 3 asset requests, fingerprinted with long-lived caching (issue 9)")
print("Targets (issue 32):")
overview = [a for a in admin_ok if a[0] == "/admin"]
print(f"  {mark(all(a[1] < 60 * 1024 for a in overview))} admin overview < 60 KB with 100 courses and 1,000 dates")
print(f"  {mark(all(a[2] < 50 and a[3] == 0 for a in admin_ok))} admin overview and a course's edit page: p99 < 50 ms at 4 connections, no errors")
if memory_limit:
    print(f"  {mark(oom_kills == '0')} no OOM kill inside {memory_limit}")
    print(f"  {mark(all(ok['errors']) and soak_errors == 0)} zero errors inside {memory_limit}")
    if compared:
        print(f"  {mark(all(c >= 0.9 for c in compared))} every page's throughput >= 0.9 of the compared run (as shares of bare Kestrel)")
    if beside:
        print(f"  {mark(all(c >= 0.9 for c in beside))} every page's throughput >= 0.9 of the same build without a limit, "
              f"measured in turn in this run (lowest {min(beside):.2f})")
PY
if [ -n "$cgroup" ]; then
  echo
  echo "Memory pressure inside $memory_limit by stage: times the limit was reached (each a reclaim), major page faults, refaulted file pages (v2 only)"
  paste -d ' ' "$out/stages" "$out/pressure" | python3 -c '
import sys
rows = []
for line in sys.stdin:
    parts = line.split()
    rows.append((" ".join(parts[1:-3]), parts[-3:]))
def delta(a, b):
    return "-" if "-" in (a, b) else str(int(b) - int(a))
for (name, before), (_, after) in zip(rows, rows[1:]):
    if name != "end":
        print(f"  {name:<42} {delta(before[0], after[0]):>8} {delta(before[1], after[1]):>8} {delta(before[2], after[2]):>8}")
'
fi
if [ -n "${GC_COUNTERS:-}" ]; then
  echo
  python3 - "$out/stages" "$out/counters-portal.csv" "$out/counters-free.csv" "$memory_limit" <<'PY'
import csv, datetime, os, sys
stages_file, portal_csv, free_csv, memory_limit = sys.argv[1:]
stages = [(int(line.split(" ", 1)[0]), line.split(" ", 1)[1].strip()) for line in open(stages_file, encoding="utf-8")]
def totals(path):
    """Sums each rate (an increment per second) over each stage's seconds."""
    sums = {}
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            at = datetime.datetime.strptime(row["Timestamp"], "%m/%d/%Y %H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp()
            name = row["Counter Name"]
            key = ("gen0" if "gen0" in name else "gen1" if "gen1" in name else "gen2" if "gen2" in name else None) \
                if name.startswith("dotnet.gc.collections") else \
                "pause" if name.startswith("dotnet.gc.pause.time") else "alloc" if name.startswith("dotnet.gc.heap.total_allocated") else None
            if key is None:
                continue
            # The counter's timestamp ends the second it counts.
            stage = next((s for t, s in reversed(stages) if t <= at - 1), None)
            if stage is None or stage == "end":
                continue
            sums.setdefault(stage, {}).setdefault(key, 0.0)
            sums[stage][key] += float(row["Mean/Increment"] or 0)
    return sums
portal, free = totals(portal_csv), totals(free_csv)
label = f"inside {memory_limit}" if memory_limit else "the portal"
print(f"Garbage collection by stage (dotnet-counters, GC_COUNTERS): gen0/gen1/gen2 collections, pause s, MB allocated; {label}" + (" | without a limit" if free else ""))
def cell(d):
    return f"{d.get('gen0', 0):5.0f} {d.get('gen1', 0):4.0f} {d.get('gen2', 0):4.0f} {d.get('pause', 0):6.2f} s {d.get('alloc', 0) / 1e6:7.0f} MB" if d else "-"
for _, stage in stages:
    if stage == "end" or stage not in (portal or {}):
        continue
    line = f"  {stage:<42} {cell(portal.get(stage))}"
    if free:
        line += f" | {cell(free.get(stage))}"
    print(line)
PY
fi
echo "Whole run: $(( $(date +%s) - started )) s"
