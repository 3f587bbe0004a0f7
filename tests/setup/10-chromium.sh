# Chromium for the browser tests (Playwright for .NET drives it through ExecutablePath; it never
# downloads a browser of its own). Debian's package, installed only when it is missing.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export MG_CHROMIUM="${MG_CHROMIUM:-/usr/bin/chromium}"
