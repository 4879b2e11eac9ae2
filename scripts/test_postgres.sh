#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on 127.0.0.1 only.
#
#   scripts/test_postgres.sh start   # prints the SQLAlchemy URL of a fresh test database
#   scripts/test_postgres.sh stop    # stops the server and deletes its files
#
# `make test` runs the suite with DATELINE_TEST_POSTGRES_URL set to what `start`
# prints, so the store, ingest and server tests run on PostgreSQL as well as SQLite.
# Debian's PostgreSQL server is installed when missing (as Chromium is for the
# browser tests). The cluster lives in $DATELINE_PG_DIR (default: a folder under
# $TMPDIR), trusts local connections only, listens on 127.0.0.1 and a socket in
# that folder, and is deleted by `stop`. As root, the server runs as the
# `postgres` user, since PostgreSQL refuses to run as root.
set -euo pipefail

DIR=${DATELINE_PG_DIR:-${TMPDIR:-/tmp}/dateline-test-pg}
USER_NAME=dateline
DATABASE=dateline_test

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

install_server() {
  [ -n "$(bin_dir)" ] && return 0
  echo "installing Debian's PostgreSQL server for the tests ..." >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # The package starts a system cluster of its own; the tests use their own.
  $sudo service postgresql stop >/dev/null 2>&1 || true
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install_server
  local bin port
  bin=$(bin_dir)
  stop_quietly
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  port=$(free_port)
  as_server_user "$bin/initdb" -D "$DIR/data" -U "$USER_NAME" -A trust -E UTF8 --no-locale >/dev/null
  as_server_user "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null
  as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$USER_NAME" "$DATABASE"
  echo "$port" >"$DIR/port"
  echo "postgresql+psycopg://$USER_NAME@127.0.0.1:$port/$DATABASE"
}

stop_quietly() {
  local bin
  bin=$(bin_dir) || return 0
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_server_user "$bin/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop_quietly ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
