# Shared by the load scripts (source it): publishing, starting, signing in, and generated data.
# Expects $root (the repository) and $out (a scratch folder) to be set by the caller.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# As the Dockerfile publishes: ReadyToRun for this machine's runtime (compiled ahead, so starting
# jits far less; issue 18), framework-dependent.
publish_flags=(-c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true --nologo -v quiet)

publish_app() { # Release build into $out/app
  dotnet publish "$root/src/Medarbejdergrundlag.Web" "${publish_flags[@]}" -o "$out/app" >/dev/null
}

# wait_for_200 URL: polls every 10 ms for up to 30 s; returns 1 if no 200 came.
wait_for_200() {
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ] && return 0
    sleep 0.01
  done
  return 1
}

token() { # $1 = cookie jar, $2 = path: the page's antiforgery token
  curl -s -b "$1" -c "$1" "$base$2" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1
}

sign_in() { # $1 = cookie jar, $2 = persona
  curl -s -o /dev/null -b "$1" -c "$1" --data-urlencode "persona=$2" --data-urlencode "__RequestVerificationToken=$(token "$1" /konto/log-ind)" "$base/konto/log-ind"
}

# course_csv FILE: 1,000 rows, 100 courses with 10 dates each over the coming months (Copenhagen time).
course_csv() {
  python3 - "$1" <<'PY'
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
}

# course_xlsx FILE: the same 1,000 rows as course_csv, as an Excel workbook (.xlsx), written with
# Python's zipfile: start and end as Excel date-times, days and seats as numbers.
course_xlsx() {
  python3 - "$1" <<'PY'
import sys, datetime, zipfile
from xml.sax.saxutils import escape
audiences = ["Medarbejdere", "Ledere", "Alle"]
forvaltninger = ["Borgmesterforvaltningen", "Børn- og Ungeforvaltningen", "Beskæftigelses- og Socialforvaltningen",
                 "By- og Kulturforvaltningen", "Ældre- og Handicapforvaltningen", "Tværgående"]
bearings = ["Mod", "Udvikling", "Handlekraft", "Fællesskab"]
start = datetime.date.today() + datetime.timedelta(days=7)
epoch = datetime.datetime(1899, 12, 30)
header = ["Titel", "Resumé", "Målgruppe", "Forvaltning", "Dage", "Pejlemærker", "Tilmelding", "Start", "Slut", "Sted", "Pladser", "Tilmeldte", "Status"]
def col(i): return chr(ord("A") + i)
def cell(r, i, v):
    ref = f"{col(i)}{r}"
    if isinstance(v, datetime.datetime):
        return f'<c r="{ref}" s="1"><v>{(v - epoch).total_seconds() / 86400}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
rows = [header]
for c in range(100):
    for d in range(10):
        day = datetime.datetime.combine(start + datetime.timedelta(days=c + 9 * d), datetime.time())
        rows.append([f"Forløb {c:03} om læring", f"Et forløb om læring nummer {c}", audiences[c % 3], forvaltninger[c % 6], 1 + c % 2,
                     f"{bearings[c % 4]}, {bearings[(c + 1) % 4]}", "phoenix@odense.dk", day.replace(hour=9),
                     day.replace(hour=15, minute=30), f"Phønix sal {d}", 24, (c + d) % 25, ""])
sheet = "".join(f'<row r="{r}">' + "".join(cell(r, i, v) for i, v in enumerate(row)) + "</row>" for r, row in enumerate(rows, 1))
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Hold" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy hh:mm"/></numFmts>'
               '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
               '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{sheet}</sheetData></worksheet>')
PY
}

# import_courses JAR FILE: through the real admin page (preview, then import, published), as an
# editor signed in with JAR. FILE is CSV or .xlsx. Prints the page's notice.
import_courses() {
  local jar="$1" file="$2" type="text/csv"
  [[ "$file" == *.xlsx ]] && type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  curl -s -b "$jar" -c "$jar" -F "__RequestVerificationToken=$(token "$jar" /admin/forloeb/import)" -F "Upload=@$file;type=$type" \
    "$base/admin/forloeb/import?handler=Preview" >"$out/preview.html"
  # The preview keeps the file on the server; the confirming form carries only its token (the
  # preview has two forms with it, import and recheck: the first is enough).
  local upload
  upload=$(sed -n 's/.*<input type="hidden" name="Token" value="\([0-9a-f]*\)".*/\1/p' "$out/preview.html" | head -1)
  if [ -z "$upload" ]; then
    echo "The preview offered no import: $(sed 's/<[^>]*>/ /g' "$out/preview.html" | tr -s ' \n' ' ' | tail -c 2000)" >&2
    return 1
  fi
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$(token "$jar" /admin/forloeb/import)" \
    --data-urlencode "Token=$upload" --data-urlencode "Publish=true" "$base/admin/forloeb/import?handler=Import"
  curl -s -b "$jar" -c "$jar" "$base/admin/forloeb/import" | sed -n 's/.*<p class="notice" role="status">\(.*\)<\/p>.*/\1/p'
}
