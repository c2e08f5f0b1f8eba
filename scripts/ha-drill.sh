#!/usr/bin/env bash
# The standby drill (issue 28): survive the loss of a portal machine and of the database primary, with existing engines only.
#   PostgreSQL primary + streaming standby (pg_basebackup, synchronous commit to the standby), two portal processes with a
#   multi-host connection string (Target Session Attributes=primary), HAProxy in front (Debian's packages).
# It drives saves and reads through the proxy (ProgramTracker.Tools ha-drive), kills one portal (kill -9), then stops the
# primary (immediate) and promotes the standby, and reports: seconds until saves succeed again, failed requests,
# acknowledged saves lost (goal 0), reads served stale (goal 0). Then it takes a backup from the standby's successor
# (the new primary) with the portal's own backup command and restores it into a new database, comparing row counts.
# Usage: scripts/ha-drill.sh [seconds of load, default 75]. Needs root or sudo to install postgresql and haproxy.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
SECONDS_OF_LOAD=${1:-75}

apt_ensure 'postgresql:test -x "$(pg_bindir)/initdb"' 'haproxy:command -v haproxy'
PGBIN=$(pg_bindir)
DRILL=$(mktemp -d /tmp/programtracker-ha.XXXXXX)
[ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; chown postgres "$DRILL"; }
P1=$(( 21000 + RANDOM % 9000 )); P2=$(( P1 + 1 )); PROXY=$(( P1 + 2 )); WA=$(( P1 + 3 )); WB=$(( P1 + 4 ))
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  run_pg "$PGBIN/pg_ctl" -D "$DRILL/primary" -m immediate stop >/dev/null 2>&1 || true
  run_pg "$PGBIN/pg_ctl" -D "$DRILL/standby" -m immediate stop >/dev/null 2>&1 || true
  mkdir -p /tmp/programtracker-ha-last && cp "$DRILL"/*.log "$DRILL"/drive.out /tmp/programtracker-ha-last/ 2>/dev/null || true  # kept for reading after the drill
  rm -rf "$DRILL"
}
trap cleanup EXIT
t0=$(date +%s.%N)
at() { printf '%6.1f s  %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$*"; }

# 1. The primary, synchronous to "standby1": a commit returns once the standby has flushed it.
run_pg "$PGBIN/initdb" -D "$DRILL/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$DRILL/primary" -l "$DRILL/primary.log" -w start -o "-p $P1 -k $DRILL -c listen_addresses=127.0.0.1 \
  -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c synchronous_standby_names=standby1 -c synchronous_commit=on -c max_connections=200" >/dev/null
# 2. The standby, cloned from it, streaming.
run_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$DRILL/standby" -R -X stream >/dev/null
echo "primary_conninfo = 'host=127.0.0.1 port=$P1 user=postgres application_name=standby1'" | run_pg tee -a "$DRILL/standby/postgresql.auto.conf" >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$DRILL/standby" -l "$DRILL/standby.log" -w start -o "-p $P2 -k $DRILL -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$P1" -U postgres -qAt -c "CREATE DATABASE programtracker" postgres
state=$("$PGBIN/psql" -h 127.0.0.1 -p "$P1" -U postgres -qAt -c "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication" postgres)
at "PostgreSQL primary :$P1, standby :$P2 ($state)"

# 3. Production needs a certificate for the data-protection keys (shared by both portals through the database): a
#    throwaway self-signed one here; a real deployment uses its own (docs/operations.md).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DRILL/dp.key" -out "$DRILL/dp.crt" -days 2 -subj /CN=programtracker-drill 2>/dev/null
openssl pkcs12 -export -out "$DRILL/dp.pfx" -inkey "$DRILL/dp.key" -in "$DRILL/dp.crt" -passout pass:drill
export DataProtection__Certificate__Path="$DRILL/dp.pfx" DataProtection__Certificate__Password=drill
# Two portals on the multi-host connection string, HAProxy in front (health check on /health, failed connections redispatched).
dotnet build src/ProgramTracker.Web -c Release -v q -nologo >/dev/null
dotnet build src/ProgramTracker.Tools -c Release -v q -nologo >/dev/null
CONN="Host=127.0.0.1:$P1,127.0.0.1:$P2;Username=postgres;Database=programtracker;Target Session Attributes=primary;Timeout=3;Command Timeout=15"
portal() { # $1 = port, $2 = whether this one migrates and seeds (Database:Initialize; in Production only when asked)
  (cd src/ProgramTracker.Web && Database__Initialize=$2 ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__ProgramTracker="$CONN" \
    Seed__DemoUsers=true Security__SecureCookies=false Security__RequireTwoFactor=false DOTNET_hostBuilder__reloadConfigOnChange=false \
    exec dotnet bin/Release/net10.0/ProgramTracker.Web.dll --urls "http://127.0.0.1:$1" >"$DRILL/portal-$1.log" 2>&1) &
  PIDS+=($!)
}
wait_healthy() { for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.5; done; echo "portal :$1 not healthy"; tail -20 "$DRILL/portal-$1.log"; exit 1; }
portal "$WA" true; wait_healthy "$WA"    # the first one migrates and seeds
portal "$WB" false; wait_healthy "$WB"
PORTAL_A=${PIDS[0]}
cat > "$DRILL/haproxy.cfg" <<CFG
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
frontend portal
  bind 127.0.0.1:$PROXY
  default_backend portals
backend portals
  balance roundrobin
  option httpchk GET /health
  default-server inter 500ms fall 2 rise 2
  server a 127.0.0.1:$WA check
  server b 127.0.0.1:$WB check
CFG
haproxy -f "$DRILL/haproxy.cfg" -db >"$DRILL/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 1
at "portals :$WA and :$WB behind HAProxy :$PROXY"

# 4. The load, and the two failures at set times.
dotnet src/ProgramTracker.Tools/bin/Release/net10.0/ProgramTracker.Tools.dll ha-drive --base "http://127.0.0.1:$PROXY" --user huyen --password BaChe@2023 \
  --period 2023-Q4 --units nam-son,don-dac,thanh-son,thanh-lam --seconds "$SECONDS_OF_LOAD" --events "$DRILL/events.log" >"$DRILL/drive.out" 2>&1 &
DRIVE=$!
load_start=$(date +%s.%N)
sleep $(( SECONDS_OF_LOAD / 10 ))
# The backup is taken from the standby, under load, with the portal's own command (pg_dump underneath): the primary is spared.
web() { (cd src/ProgramTracker.Web && ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres Seed__DemoUsers=false DOTNET_hostBuilder__reloadConfigOnChange=false \
  ConnectionStrings__ProgramTracker="$1" dotnet bin/Release/net10.0/ProgramTracker.Web.dll "${@:2}" >>"$DRILL/backup.log" 2>&1); }
web "Host=127.0.0.1;Port=$P2;Username=postgres;Database=programtracker" backup --to "$DRILL/standby.dump"
at "backup taken from the standby ($(stat -c %s "$DRILL/standby.dump") bytes, mode $(stat -c %a "$DRILL/standby.dump"))"
sleep $(( SECONDS_OF_LOAD / 10 ))
kill -9 "$PORTAL_A"; kill_portal_at=$(date +%s.%N); at "killed portal :$WA (kill -9)"
sleep $(( SECONDS_OF_LOAD / 5 ))
kill_at=$(date +%s.%N)
run_pg "$PGBIN/pg_ctl" -D "$DRILL/primary" -m immediate stop >/dev/null; at "stopped the primary (immediate)"
run_pg "$PGBIN/pg_ctl" -D "$DRILL/standby" -w promote >/dev/null; at "promoted the standby"
# The new primary has no synchronous standby: commits no longer wait for one.
"$PGBIN/psql" -h 127.0.0.1 -p "$P2" -U postgres -qAt -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" postgres >/dev/null
set +e; wait "$DRIVE"; drive_status=$?; set -e
cat "$DRILL/drive.out"
first_after=$(awk -v k="$kill_at" '$4 == "acknowledged" && $1 > k { print $1; exit }' "$DRILL/events.log")
if [ -n "$first_after" ]; then at "saves succeed again $(echo "$first_after - $kill_at" | bc) s after the primary stopped"; else at "NO save succeeded after the primary stopped"; fi
echo "failed requests: $(grep -c FAILED "$DRILL/events.log" || true) (after the portal was killed: $(awk -v k="$kill_portal_at" '$1 > k && /FAILED/' "$DRILL/events.log" | wc -l))"

# 5. The standby's backup restored into a new cluster with the portal's own command, and compared.
P3=$(( P1 + 5 ))
run_pg "$PGBIN/initdb" -D "$DRILL/restored" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$DRILL/restored" -l "$DRILL/restored.log" -w start -o "-p $P3 -k $DRILL -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$P3" -U postgres -qAt -c "CREATE DATABASE programtracker" postgres
web "Host=127.0.0.1;Port=$P3;Username=postgres;Database=programtracker" restore --from "$DRILL/standby.dump"
count() { "$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -qAt -c "SELECT (SELECT count(*) FROM units) || ' units, ' || (SELECT count(*) FROM indicators) || ' indicators, ' || (SELECT count(*) FROM indicator_values) || ' values, ' || (SELECT count(*) FROM audit_entries) || ' audit entries'" programtracker 2>/dev/null || echo "?"; }
echo "restored from the standby's backup: $(count "$P3")"
echo "surviving (promoted) database:      $(count "$P2")"
run_pg "$PGBIN/pg_ctl" -D "$DRILL/restored" -m immediate stop >/dev/null
at "drill done"
exit "$drive_status"
