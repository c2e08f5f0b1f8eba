# Throwaway PostgreSQL clusters for tests and benchmarks. Source this file, then:
#   pg_ensure_installed; pg_start [extra -c settings...]; ...; pg_stop
# It sets PGTMP, PGPORT, PGBIN and PG_ADMIN (an Npgsql connection string to database "postgres").

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# Installs Debian packages that are missing (needs root or sudo).
apt_ensure() {
  local missing=()
  for spec in "$@"; do
    local pkg=${spec%%:*} probe=${spec#*:}
    eval "$probe" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  PGBIN=$(pg_bindir)
  PGTMP=$(mktemp -d /tmp/programtracker-pg.XXXXXX)
  PGPORT=$(( 20000 + RANDOM % 20000 ))
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses root: the cluster runs as "postgres", created here if the server binaries came without it.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$PGTMP"
  fi
  run_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  local opts="-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  for setting in "$@"; do opts="$opts -c $setting"; done
  run_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -o "$opts" start >/dev/null
  PG_ADMIN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

pg_stop() {
  [ -n "${PGTMP:-}" ] || return 0
  run_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
  PGTMP=
}

pg_createdb() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -c "CREATE DATABASE \"$1\"" postgres; }

pg_conn() { echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1"; }
