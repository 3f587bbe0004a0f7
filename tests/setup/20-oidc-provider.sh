# The real OpenID Connect provider (npm oidc-provider) that the sign-in tests start on a free
# loopback port. Installs the pinned versions from package-lock.json, once.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Debian's nodejs and npm for the sign-in tests..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -f tests/oidc-provider/node_modules/oidc-provider/package.json ] \
  || [ tests/oidc-provider/package-lock.json -nt tests/oidc-provider/node_modules/.package-lock.json ]; then
  echo "Installing the test OpenID provider (npm ci)..."
  (cd tests/oidc-provider && npm ci --no-audit --no-fund --loglevel=error)
fi
