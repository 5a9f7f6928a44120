#!/usr/bin/env bash
# Stops the throwaway cluster that start-test-postgres.sh started (TEST_PG_DATA) and removes it.
set -u
[ -n "${TEST_PG_DATA:-}" ] && [ -d "$TEST_PG_DATA" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$TEST_PG_DATA" -m fast stop >/dev/null 2>&1
else
  "$bin/pg_ctl" -D "$TEST_PG_DATA" -m fast stop >/dev/null 2>&1
fi
rm -rf "$(dirname "$TEST_PG_DATA")"
