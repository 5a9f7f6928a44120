#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the storage tests and prints
# the export line for TEST_DATABASE_URL. Usage: eval "$(bash scripts/start-test-postgres.sh)"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
port=${TEST_PG_PORT:-55432}
dir=$(mktemp -d /tmp/alp-pg.XXXXXX)
chmod 755 "$dir"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
run "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE alp_test" >/dev/null
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/alp_test"
