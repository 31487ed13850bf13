#!/usr/bin/env bash
# A throwaway PostgreSQL server for the data-layer tests, on 127.0.0.1 in a temporary folder.
#
#   eval "$(scripts/test-postgres.sh start)"   starts one; prints `export` lines for
#                                              LIFELINE_TEST_POSTGRES_URL and LIFELINE_TEST_POSTGRES_DIR
#   scripts/test-postgres.sh stop [DIR]        stops it and deletes its folder (default: $LIFELINE_TEST_POSTGRES_DIR)
#
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql); .ci/run installs them,
# and the tests call this script themselves when no LIFELINE_TEST_POSTGRES_URL is given.
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

DATABASE=lifeline_test
USER_NAME=lifeline
PASSWORD=lifeline

die() {
  echo "test-postgres: $*" >&2
  exit 1
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
  elif command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  else
    die "no PostgreSQL server binaries (pg_ctl, initdb) found: install PostgreSQL (Debian: apt-get install postgresql)"
  fi
}

# Runs a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin dir port attempt
  bin=$(bin_dir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/lifeline-pg.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user (created by Debian's postgresql package)"
    chown postgres: "$dir"
  fi
  cd "$dir" # the server's owner may not be allowed into the caller's folder
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || die "initdb failed, see $dir/initdb.log"
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 20000))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
        start >/dev/null; then
      break
    fi
    port=""
  done
  [[ -n "$port" ]] || die "the server did not start, see $dir/server.log"
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "create user $USER_NAME password '$PASSWORD'" \
    -c "create database $DATABASE owner $USER_NAME" >/dev/null
  echo "export LIFELINE_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/$DATABASE?user=$USER_NAME&password=$PASSWORD'"
  echo "export LIFELINE_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir=${1:-${LIFELINE_TEST_POSTGRES_DIR:-}}
  [[ -n "$dir" ]] || die "which server? give its folder or set LIFELINE_TEST_POSTGRES_DIR"
  [[ -d "$dir/data" ]] || die "$dir is not a folder made by this script"
  cd "$dir"
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 start | stop [DIR]" ;;
esac
