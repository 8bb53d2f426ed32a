import pg from 'pg';
import { PgBoss } from 'pg-boss';

/** The schema the job queue (pg-boss) keeps its tables in. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Who reaches the queue's tables, applied after every install or upgrade (pg-boss may add
 * tables). muse_queue runs pg-boss; muse_app only adds jobs inside its tenant transactions, so
 * a generation and its job commit together, and sees only its own tenant's jobs.
 */
const QUEUE_PRIVILEGES = `
GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO muse_queue, muse_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO muse_queue;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO muse_queue;
GRANT SELECT ON ${JOB_QUEUE_SCHEMA}.queue TO muse_app;
GRANT SELECT, INSERT ON ${JOB_QUEUE_SCHEMA}.job_common TO muse_app;
ALTER TABLE ${JOB_QUEUE_SCHEMA}.job_common ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_jobs ON ${JOB_QUEUE_SCHEMA}.job_common;
CREATE POLICY tenant_jobs ON ${JOB_QUEUE_SCHEMA}.job_common TO muse_app
  USING (data->>'tenantId' = app_current_tenant()::text)
  WITH CHECK (data->>'tenantId' = app_current_tenant()::text);
DROP POLICY IF EXISTS queue ON ${JOB_QUEUE_SCHEMA}.job_common;
CREATE POLICY queue ON ${JOB_QUEUE_SCHEMA}.job_common TO muse_queue USING (true) WITH CHECK (true);
`;

/**
 * Installs or upgrades the job queue's schema as the owner, after the migrations: the services'
 * queue connections (muse_queue) may change jobs but not the schema.
 */
export async function installJobQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_QUEUE_SCHEMA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  let failure: unknown;
  boss.on('error', (error) => {
    failure ??= error;
  });
  // Several installers at once (tests, replicas): the losers try again.
  await boss.start({ attempts: 5 });
  await boss.stop({ graceful: false });
  if (failure) throw failure;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Two installers applying the same grants at once would trip over each other's catalog rows.
    await client.query('select pg_advisory_xact_lock(hashtext($1))', ['muse:job-queue-privileges']);
    await client.query(QUEUE_PRIVILEGES);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
