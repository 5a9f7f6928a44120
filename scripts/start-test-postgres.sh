#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the storage tests and prints the export
# lines for TEST_DATABASE_URL and TEST_PG_DATA (stop it with scripts/stop-test-postgres.sh).
# Usage: pg_env=$(bash scripts/start-test-postgres.sh) && eval "$pg_env"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# A cluster left running by an earlier run must not make this one fail: take the first free port.
port=${TEST_PG_PORT:-55432}
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  port=$((port + 1))
done

dir=$(mktemp -d /tmp/alp-pg.XXXXXX)
chmod 755 "$dir"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
run "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
if ! run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
  cat "$dir/log" >&2
  exit 1
fi
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE alp_test" >/dev/null
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/alp_test"
echo "export TEST_PG_DATA=$dir/data"
