# The real SMTP server (npm smtp-server) that the notification tests start on a free loopback
# port. Installs the pinned versions from package-lock.json, once (node comes with 20-oidc-provider.sh).
if [ ! -f tests/smtp-server/node_modules/smtp-server/package.json ] \
  || [ tests/smtp-server/package-lock.json -nt tests/smtp-server/node_modules/.package-lock.json ]; then
  echo "Installing the test SMTP server (npm ci)..."
  (cd tests/smtp-server && npm ci --no-audit --no-fund --loglevel=error)
fi
