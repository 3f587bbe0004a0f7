# An iCalendar reader from outside .NET (npm ical.js, pinned in tests/ical-reader/package-lock.json)
# that reads the subscribable feed from a running portal. Node and npm come with 20-oidc-provider.sh.
if [ ! -f tests/ical-reader/node_modules/ical.js/package.json ] \
  || [ tests/ical-reader/package-lock.json -nt tests/ical-reader/node_modules/.package-lock.json ]; then
  echo "Installing the test iCalendar reader (npm ci)..."
  (cd tests/ical-reader && npm ci --no-audit --no-fund --loglevel=error)
fi
