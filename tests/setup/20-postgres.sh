#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests (sourced by tests/run.sh).
#
# - installs Debian's `postgresql` when no initdb is found;
# - runs initdb as the `postgres` user (initdb and pg_ctl refuse root) in a temporary folder;
# - starts it on a free loopback port, with a random password;
# - exports MG_TEST_POSTGRES (an Npgsql connection string without a database: every test makes
#   its own) and MG_TEST_POSTGRES_CONTROL (a script taking `stop` or `start`, for the outage test);
# - adds stopping it and removing the folder to cleanup_steps.
#
# A run that already has MG_TEST_POSTGRES (a developer's own server) is left alone.

mg_pg_bin() {
  local dir found=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && found="$dir"
  done
  echo "$found"
}

mg_pg_start() {
  local bin dir port password run_as=()
  bin="$(mg_pg_bin)"
  if [ -z "$bin" ]; then
    echo "setup: installing PostgreSQL (Debian package postgresql)"
    if [ -z "${MG_APT_UPDATED:-}" ]; then
      apt-get update -qq
      export MG_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(mg_pg_bin)"
    if [ -z "$bin" ]; then
      echo "setup: PostgreSQL was installed but no initdb was found under /usr/lib/postgresql" >&2
      return 1
    fi
  fi

  if [ "$(id -u)" -eq 0 ]; then
    run_as=(runuser -u postgres --)
  fi

  dir="$(mktemp -d "${TMPDIR:-/tmp}/mg-postgres.XXXXXX")"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  password="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  password="${password:0:24}"
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pwfile"
  chmod 600 "$dir/pwfile"

  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    echo "setup: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    return 1
  }
  rm -f "$dir/pwfile"

  # A free loopback port: one nothing answers on.
  port=""
  for _ in $(seq 1 50); do
    local candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      port="$candidate"
      break
    fi
  done
  if [ -z "$port" ]; then
    echo "setup: found no free port for PostgreSQL" >&2
    return 1
  fi

  # Throwaway data: durability settings off for speed; room for many small test databases.
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  cat >"$dir/control.sh" <<EOF
#!/usr/bin/env bash
# stop | start the test cluster (the outage test uses it).
set -euo pipefail
case "\${1:-}" in
  stop) exec ${run_as[*]} "$bin/pg_ctl" -D "$dir/data" -w -t 30 -m fast stop ;;
  start) exec ${run_as[*]} "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" start ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
EOF
  chmod 755 "$dir/control.sh"

  "$dir/control.sh" start >/dev/null || {
    echo "setup: PostgreSQL did not start:" >&2
    cat "$dir/server.log" >&2
    return 1
  }

  cleanup_steps+=("'$dir/control.sh' stop >/dev/null 2>&1; rm -rf '$dir'")
  export MG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
  export MG_TEST_POSTGRES_CONTROL="$dir/control.sh"
  echo "setup: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$port"
}

if [ -z "${MG_TEST_POSTGRES:-}" ]; then
  mg_pg_start
fi
