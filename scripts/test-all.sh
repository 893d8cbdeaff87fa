#!/usr/bin/env bash
# The full test command (README, CI): installs what the suites need, starts throw-away services on
# loopback (PostgreSQL, Redis), type-checks, lints and runs every suite on SQLite and PostgreSQL, the
# scale-out suite (two server instances sharing PostgreSQL and Redis) and the browser suites.
#   KEFU_SKIP_INSTALL=1  reuse node_modules instead of a clean `npm ci` (for quick local runs)
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to install: $*" >&2; exit 1; fi
}

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_system_packages() {
  local missing=()
  [ -n "$(find_pg_bin)" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v redis-server >/dev/null || missing+=(redis-server)
  fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk fonts-noto-color-emoji)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

work_dir=$(mktemp -d /tmp/kefu-test-all.XXXXXX)
pg_data="$work_dir/pg"
pg_started=0
redis_data="$work_dir/redis"
redis_pid=""
cleanup() {
  if [ "$pg_started" -eq 1 ]; then
    run_as_postgres "$(find_pg_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_postgres() {
  local bin port
  bin=$(find_pg_bin)
  port=$(free_port)
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work_dir"
  run_as_postgres "$bin/initdb" -D "$pg_data" -U kefu --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $pg_data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  pg_started=1
  export KEFU_TEST_DATABASE_URL="postgres://kefu@127.0.0.1:$port/postgres"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_data)"
}

# Redis fans events out between server instances (the scale-out suite runs two of them).
start_redis() {
  local port attempt
  port=$(free_port)
  mkdir -p "$redis_data"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$redis_data" \
    --logfile "$redis_data/server.log" --daemonize no &
  redis_pid=$!
  for attempt in $(seq 1 50); do
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ] && break
    if [ "$attempt" -eq 50 ]; then
      echo "redis-server did not start; see $redis_data/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  export KEFU_TEST_REDIS_URL="redis://127.0.0.1:$port"
  log "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port (data in $redis_data)"
}

install_system_packages
if [ "${KEFU_SKIP_INSTALL:-0}" != "1" ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
fi
start_postgres
start_redis
export KEFU_TEST_CHROMIUM=/usr/bin/chromium

log "build web assets"
npm run build:web --silent
log "typecheck"
npm run typecheck --silent
log "lint"
npm run lint --silent
log "tests (SQLite + PostgreSQL + Redis + Chromium)"
cd "$repo_root"
bash scripts/test.sh
