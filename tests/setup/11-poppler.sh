# pdftotext (Debian package poppler-utils), which the print test uses to read back the charter's PDF.
# Sourced by tests/run.sh.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "Installing pdftotext (Debian package poppler-utils)..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
