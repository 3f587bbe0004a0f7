# Chromium for the browser tests (Playwright drives Debian's build; never `playwright install`).
# Sourced by tests/run.sh.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package chromium)..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
