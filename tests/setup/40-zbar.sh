# zbarimg (Debian's zbar-tools) decodes the onboarding sheet's QR codes in the web tests: a
# decoder independent of QRCoder, reading the very PNG the page serves.
if ! command -v zbarimg >/dev/null 2>&1; then
  echo "Installing zbar-tools (QR decoder for the tests)..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zbar-tools >/dev/null
fi
