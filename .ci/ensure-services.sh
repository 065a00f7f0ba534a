#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer; starts them with the machine's own commands when
# they are installed but stopped. Tests fail (under CI=true) if they still do not answer.
set -uo pipefail
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
  fi
fi
for i in $(seq 1 20); do
  pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p 5432 2>/dev/null || echo "warning: PostgreSQL is not answering on 127.0.0.1:5432"
redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null || echo "warning: Redis is not answering on 127.0.0.1:6379"
