#!/usr/bin/env bash
# Measures the course catalogue with 1,000 dates in the store, and the import that puts them there.
#  1. Publishes the app (Release), starts it on loopback in Development with an empty database and
#     no example courses.
#  2. Signs in as the HR-redaktør persona and imports a generated 1,000-row file (100 courses x 10
#     dates) through the real admin page, published; reads the import time the page reports.
#  3. Signs in as Medarbejder and requests /phoenix/forloeb (unfiltered, and filtered) N times each.
#     The page reports its own server time in a Server-Timing header (catalogue;dur=...): from the
#     handler's start to the filtered, sorted list and the feed link, without rendering. curl's
#     time to first byte on loopback gives the whole request including rendering.
# Usage: tests/load/catalogue.sh [requests]   (default 200)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
requests="${1:-200}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mg-catalogue.XXXXXX")"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT

dotnet publish "$root/src/Medarbejdergrundlag.Web" -c Release -o "$out/app" --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" Database__DataFolder="$out/data" Phoenix__ExampleCourses=false \
  Logging__LogLevel__Default=Warning dotnet "$out/app/Medarbejdergrundlag.Web.dll" >"$out/log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
  curl -s -o /dev/null "$base/health/live" && break
  sleep 0.01
done

token() { # $1 = cookie jar, $2 = path
  curl -s -b "$1" -c "$1" "$base$2" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1
}
sign_in() { # $1 = cookie jar, $2 = persona
  curl -s -o /dev/null -b "$1" -c "$1" --data-urlencode "persona=$2" --data-urlencode "__RequestVerificationToken=$(token "$1" /konto/log-ind)" "$base/konto/log-ind"
}

# 1,000 rows: 100 courses, 10 dates each, over the next months (times in Copenhagen time).
python3 - "$out/forloeb.csv" <<'PY'
import sys, datetime
audiences = ["Medarbejdere", "Ledere", "Alle"]
forvaltninger = ["Borgmesterforvaltningen", "Børn- og Ungeforvaltningen", "Beskæftigelses- og Socialforvaltningen",
                 "By- og Kulturforvaltningen", "Ældre- og Handicapforvaltningen", "Tværgående"]
bearings = ["Mod", "Udvikling", "Handlekraft", "Fællesskab"]
start = datetime.date.today() + datetime.timedelta(days=7)
rows = ["Titel;Resumé;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted;Pladser;Tilmeldte;Status"]
for c in range(100):
    for d in range(10):
        day = start + datetime.timedelta(days=c + 9 * d)
        rows.append(f"Forløb {c:03} om læring;Et forløb om læring nummer {c};{audiences[c % 3]};{forvaltninger[c % 6]};{1 + c % 2};"
                    f"{bearings[c % 4]}, {bearings[(c + 1) % 4]};phoenix@odense.dk;{day:%d-%m-%Y} 09:00;15:30;Phønix sal {d};24;{(c + d) % 25};")
open(sys.argv[1], "w", encoding="utf-8-sig", newline="").write("\r\n".join(rows) + "\r\n")
PY

hr="$out/hr.jar"
sign_in "$hr" hr-redaktoer
curl -s -b "$hr" -c "$hr" -F "__RequestVerificationToken=$(token "$hr" /admin/forloeb/import)" -F "Upload=@$out/forloeb.csv;type=text/csv" \
  "$base/admin/forloeb/import?handler=Preview" >"$out/preview.html"
python3 - "$out/preview.html" "$out/confirm.txt" <<'PY'
import sys, html, re
page = open(sys.argv[1], encoding="utf-8").read()
text = re.search(r'<textarea name="Text"[^>]*>(.*?)</textarea>', page, re.S)
if not text:
    sys.exit("The preview offered no import: " + re.sub(r"<[^>]+>", " ", page)[-2000:])
open(sys.argv[2], "w", encoding="utf-8").write(html.unescape(text.group(1)))
PY
curl -s -o /dev/null -b "$hr" -c "$hr" --data-urlencode "__RequestVerificationToken=$(token "$hr" /admin/forloeb/import)" \
  --data-urlencode "Text@$out/confirm.txt" --data-urlencode "Publish=true" "$base/admin/forloeb/import?handler=Import"
notice=$(curl -s -b "$hr" -c "$hr" "$base/admin/forloeb/import" | sed -n 's/.*<p class="notice" role="status">\(.*\)<\/p>.*/\1/p')
echo "Import: $notice"

employee="$out/employee.jar"
sign_in "$employee" medarbejder
cards=$(curl -s -b "$employee" "$base/phoenix/forloeb" | grep -c 'class="course-card"' || true)
echo "Catalogue lists $cards courses"

measure() { # $1 = label, $2 = path
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$employee" "$base$2"; done # warm-up
  : >"$out/server" ; : >"$out/ttfb"
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -D "$out/headers" -w '%{time_starttransfer}\n' -b "$employee" "$base$2" >>"$out/ttfb"
    sed -n 's/^[Ss]erver-[Tt]iming: catalogue;dur=\([0-9.]*\).*/\1/p' "$out/headers" >>"$out/server"
  done
  python3 - "$1" "$out/server" "$out/ttfb" <<'PY'
import sys, statistics
label, server, ttfb = sys.argv[1], [float(x) for x in open(sys.argv[2])], [float(x) * 1000 for x in open(sys.argv[3])]
def q(v, p): v = sorted(v); return v[min(len(v) - 1, int(p * len(v)))]
print(f"{label:<34} handler median {statistics.median(server):6.2f} ms  p95 {q(server, .95):6.2f} ms | "
      f"whole request median {statistics.median(ttfb):6.2f} ms  p95 {q(ttfb, .95):6.2f} ms  (n={len(ttfb)})")
PY
}
measure "/phoenix/forloeb" "/phoenix/forloeb"
measure "filtered (ledere, BUF, ledige, q)" "/phoenix/forloeb?maalgruppe=ledere&forvaltning=boern-og-ungeforvaltningen&ledige=1&q=laering"
