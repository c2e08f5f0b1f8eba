#!/bin/bash
# Runs once when the primary's data folder is created (docker-entrypoint-initdb.d): lets the standby stream WAL.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
