#!/bin/sh
# A hot standby of the `postgres` service. On first start (an empty volume) it copies the
# primary with pg_basebackup; -R writes standby.signal and primary_conninfo, so from then on
# PostgreSQL streams WAL from the primary and answers read-only queries. The copy brings the
# primary's roles (muse_app and its password) and pg_hba.conf along.
set -eu

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  # The primary may still be starting, or not yet have run its replication set-up script; a
  # failed copy removes what it wrote.
  until pg_basebackup --host=postgres --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast; do
    echo "waiting for the primary to accept the replication login"
    sleep 2
  done
  chmod 0700 "$PGDATA"
fi

exec postgres
