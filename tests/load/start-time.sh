#!/usr/bin/env bash
# Measures start-up: process start to the first 200 from /health/live, on an empty database
# (first run: create, migrate, seed) and then on the existing one (cold start). Loopback only.
# Usage: tests/load/start-time.sh [runs]   (default 5)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mg-start.XXXXXX")"
trap 'rm -rf "$out"' EXIT

# As the Dockerfile and run.sh publish it: ReadyToRun, framework-dependent.
dotnet publish "$root/src/Medarbejdergrundlag.Web" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$out/app" --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

measure() { # $1 = data folder; prints milliseconds to first 200
  local start pid ms
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" Database__DataFolder="$1" \
    dotnet "$out/app/Medarbejdergrundlag.Web.dll" >"$out/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/live" 2>/dev/null | grep -q 200; then
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      kill "$pid"; wait "$pid" 2>/dev/null || true
      echo "$ms"
      return
    fi
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  echo "no 200 within 30 s" >&2; cat "$out/log" >&2; exit 1
}

printf '%-4s %18s %14s\n' run "first run (ms)" "cold (ms)"
for i in $(seq 1 "$runs"); do
  data="$out/data$i"
  first=$(measure "$data")
  cold=$(measure "$data")
  printf '%-4s %18s %14s\n' "$i" "$first" "$cold"
done
