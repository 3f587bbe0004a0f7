# HTML_CodeSniffer (npm html_codesniffer, pinned in tests/htmlcs/package-lock.json): the second
# accessibility engine, run in Chromium beside axe-core over every page. Node and npm come with
# 20-oidc-provider.sh. Installed only when missing or when the lock file is newer.
if [ ! -f tests/htmlcs/node_modules/html_codesniffer/build/HTMLCS.js ] \
  || [ tests/htmlcs/package-lock.json -nt tests/htmlcs/node_modules/.package-lock.json ]; then
  echo "Installing HTML_CodeSniffer (npm ci)..."
  (cd tests/htmlcs && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
export MG_HTMLCS_JS="$root/tests/htmlcs/node_modules/html_codesniffer/build/HTMLCS.js"
