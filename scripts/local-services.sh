#!/usr/bin/env bash
# Starts Redis and PostgreSQL on loopback for distributed scans and their tests (Debian or Ubuntu, as root):
# installs redis-server and postgresql-15 when missing, starts them, creates the `redline` role and database, and
# prints the URLs. Safe to run again: what is already there is left as it is.
#   eval "$(sudo scripts/local-services.sh)"   # exports REDLINE_TEST_POSTGRES_URL and REDLINE_TEST_REDIS_URL
set -euo pipefail

PG_VERSION=15
PG_PORT=${REDLINE_PG_PORT:-5432}
REDIS_PORT=${REDLINE_REDIS_PORT:-6379}
PASSWORD=${REDLINE_PG_PASSWORD:-redline}

log() { echo "$*" >&2; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || missing+=("postgresql-$PG_VERSION")
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

# Redis: loopback only (v4 and v6), protected mode on, nothing written to disk unless asked (tests restart it).
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes --daemonize yes --save '' --appendonly no \
    --logfile /tmp/redline-redis.log >&2
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# PostgreSQL: Debian's cluster listens on localhost only by default; create it if the package left none.
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION main"; then
  log "creating the PostgreSQL $PG_VERSION cluster"
  pg_createcluster "$PG_VERSION" main --port "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >&2
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT"
  pg_ctlcluster "$PG_VERSION" main start >&2
fi
for _ in $(seq 100); do su postgres -c "psql -p $PG_PORT -tAc 'SELECT 1'" >/dev/null 2>&1 && break; sleep 0.1; done
su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'redline') THEN CREATE ROLE redline LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE redline PASSWORD '$PASSWORD';
SQL
if ! su postgres -c "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname = 'redline'\"" | grep -qx 1; then
  su postgres -c "createdb -p $PG_PORT -O redline redline" >&2
fi

echo "export REDLINE_TEST_POSTGRES_URL=postgres://redline:$PASSWORD@127.0.0.1:$PG_PORT/redline"
echo "export REDLINE_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
