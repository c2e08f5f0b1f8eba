#!/bin/bash
# The standby: cloned from the primary on first start (pg_basebackup -R writes standby.signal), then PostgreSQL as usual.
# Promote it with: docker compose --profile ha exec db-standby su postgres -c "pg_ctl promote"
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db-primary -U "$POSTGRES_USER"; do sleep 1; done
  mkdir -p "$PGDATA" && chown postgres "$PGDATA" && chmod 700 "$PGDATA"
  gosu postgres env PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h db-primary -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream
  echo "primary_conninfo = 'host=db-primary user=$POSTGRES_USER password=$POSTGRES_PASSWORD application_name=standby1'" >> "$PGDATA/postgresql.auto.conf"
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
