#!/bin/sh
# Runs once, when the postgres container sets up an empty data folder: the login the read replica
# streams WAL with, and the pg_hba.conf line that lets it in. A volume set up before this script
# existed needs both made by hand (see README.md, "Scaling out").
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$POSTGRES_REPLICATION_PASSWORD" <<'SQL'
create role replicator with replication login password :'password';
SQL

echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
