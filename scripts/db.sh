#!/usr/bin/env bash
# Start (creating it the first time) a project-local PostgreSQL + PostGIS cluster under .pgdata/.
# Does nothing when DATABASE_URL is set: that database is used as it is.
# Usage: scripts/db.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
resolve_paths() {
  # .pgdata may be a link to a folder outside the project (see below): use the real path.
  local home
  home=$(readlink -f "$ROOT/.pgdata" 2>/dev/null || echo "$ROOT/.pgdata")
  PGDATA_DIR="$home/cluster" SOCKET_DIR="$home/run" LOG="$home/postgres.log"
}
resolve_paths
PORT="${MARSAD_PG_PORT:-54329}"
DB_NAME=marsad DB_USER=marsad DB_PASSWORD=marsad

if [[ -n "${DATABASE_URL:-}" ]]; then
  echo "DATABASE_URL is set: using that database, not starting a local cluster."
  exit 0
fi

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  major=$(basename "$(dirname "$d")")
  if [[ -x "$d/initdb" && -f /usr/share/postgresql/$major/extension/postgis.control ]]; then
    bindir="$d"; break
  fi
done
if [[ -z "$bindir" ]]; then
  echo "No PostgreSQL server with PostGIS 3 found under /usr/lib/postgresql." >&2
  echo "Run scripts/setup-system.sh (make does it for you), or set DATABASE_URL to an existing PostGIS database." >&2
  exit 1
fi

# PostgreSQL refuses to run as root: run the server as the 'postgres' system user then.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_running() { as_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

cmd="${1:-start}"
case "$cmd" in
  stop) pg_running && as_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" -m fast stop; exit 0;;
  status) pg_running && echo "running on 127.0.0.1:$PORT" || echo "not running"; exit 0;;
  start) ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2;;
esac

if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "Running as root needs the 'postgres' system user (created by the postgresql package)." >&2; exit 1
  fi
  if [[ ! -e "$ROOT/.pgdata" ]]; then
    mkdir -p "$ROOT/.pgdata" && chown postgres: "$ROOT/.pgdata"
    if ! runuser -u postgres -- test -w "$ROOT/.pgdata/"; then
      # A parent folder is private to root (e.g. /root): keep the cluster where the postgres user can
      # reach it, and link it into the project so it still lives at .pgdata/.
      outside="/var/lib/marsad/$(echo -n "$ROOT" | sha1sum | cut -c1-12)"
      echo "The postgres user cannot enter $ROOT; the cluster goes to $outside (linked as .pgdata)."
      rmdir "$ROOT/.pgdata"
      mkdir -p "$outside" && chown postgres: "$outside" && chmod 755 /var/lib/marsad
      ln -s "$outside" "$ROOT/.pgdata"
    fi
  fi
else
  mkdir -p "$ROOT/.pgdata"
fi
resolve_paths

if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
  echo "Creating a local PostgreSQL cluster in .pgdata/ ($("$bindir/postgres" --version))"
  as_owner mkdir -p "$PGDATA_DIR" "$SOCKET_DIR"
  as_owner "$bindir/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat <<CONF | as_owner tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

if ! pg_running; then
  if (echo > /dev/tcp/127.0.0.1/"$PORT") >/dev/null 2>&1; then
    echo "Port $PORT on 127.0.0.1 is taken by another program, so Marsad's database cannot start." >&2
    echo "Choose another port: MARSAD_PG_PORT=$((PORT + 1)) make run (or make test)." >&2
    exit 1
  fi
  as_owner mkdir -p "$SOCKET_DIR"
  as_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$LOG" -w -t 60 start >/dev/null || {
    echo "PostgreSQL did not start; its log says:" >&2; tail -n 20 "$LOG" >&2; exit 1; }
fi

psql_admin() { PGOPTIONS='-c client_min_messages=warning' as_owner psql -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -U postgres "$@"; }
# PostGIS in template1 so that test databases created from it have it too.
psql_admin -d template1 -c "CREATE EXTENSION IF NOT EXISTS postgis" 
if [[ -z $(psql_admin -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'") ]]; then
  psql_admin -d postgres -c "CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD'"
fi
if [[ -z $(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'") ]]; then
  psql_admin -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi
psql_admin -d "$DB_NAME" -c "CREATE EXTENSION IF NOT EXISTS postgis"
echo "PostgreSQL + PostGIS ready at 127.0.0.1:$PORT (database $DB_NAME)"
