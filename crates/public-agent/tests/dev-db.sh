#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the public-agent integration tests and applies migrations/.
# Prints the DATABASE_URL to export. Usage: crates/public-agent/tests/dev-db.sh [dir] [port]
set -euo pipefail
DIR=${1:-/tmp/careagents-pg}
PORT=${2:-5499}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd -r postgres; fi
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
fi
if ! as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=''" -l "$DIR/log" -w start >/dev/null
fi
PSQL=(psql -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
if [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'careagents'")" != 1 ]; then
  "${PSQL[@]}" -c "CREATE DATABASE careagents"
  first=1
  for f in "$ROOT"/migrations/*.sql; do
    if [ $first = 1 ]; then "${PSQL[@]}" -d careagents -f "$f" >/dev/null; first=0
    else { echo "SET ROLE careagents_owner;"; cat "$f"; } | "${PSQL[@]}" -d careagents >/dev/null; fi
  done
fi
echo "export DATABASE_URL='host=$DIR port=$PORT user=postgres dbname=careagents'"
