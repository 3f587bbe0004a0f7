# The Nu HTML checker (npm vnu-jar) that the validity test runs over every page, and the Java it
# runs on (Debian's default-jre-headless). Sourced by tests/run.sh; each part installs only when
# it is missing. The package's install script, which would download a Java of its own when none
# is found, is skipped: Debian's is installed first.
if ! command -v java >/dev/null 2>&1; then
  echo "Installing Java (Debian package default-jre-headless) for the HTML checker..."
  if [ -z "${MG_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    export MG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if [ ! -f tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ tests/vnu/package-lock.json -nt tests/vnu/node_modules/.package-lock.json ]; then
  echo "Installing the Nu HTML checker (npm ci)..."
  (cd tests/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
export MG_VNU_JAR="$root/tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
