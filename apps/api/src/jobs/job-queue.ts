import { APPLICATION_ROLE, JOB_QUEUE_SCHEMA, type TenantTx, urlAs } from '@muse/db';
import type { Logger } from '@muse/logger';
import { runWithContext } from '@muse/request-context';
import { fromPrisma, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { ApiConfig } from '../config.ts';
import type { AnyJobDefinition, JobContext, JobDefinition, JobPolicy, TenantJobData } from './job.ts';
import { JOBS } from './registry.ts';

export interface JobQueueOptions {
  /** DATABASE_URL: the queue connects as muse_queue beside it. */
  databaseUrl: string;
  config: ApiConfig;
  /** `worker`: also supervises the queue (expiry, lost heartbeats, retention) and listens for new jobs. */
  role: 'api' | 'worker';
  logger: Logger;
  /** The jobs this process knows; the registry unless a test brings its own. */
  jobs?: readonly AnyJobDefinition[];
}

export type JobQueue = Awaited<ReturnType<typeof startJobQueue>>;

/** Completed runs of a scheduled job carry nothing worth keeping for long. */
const SCHEDULED_RUN_RETENTION_SECONDS = 3_600;

function queueOptions(policy: JobPolicy) {
  const backoff = policy.retryBackoffMaxSeconds !== null;
  return {
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: backoff,
    // pg-boss accepts a cap only with backoff; null clears one set before.
    retryDelayMax: policy.retryBackoffMaxSeconds,
    expireInSeconds: policy.expireInSeconds,
    heartbeatSeconds: policy.heartbeatSeconds,
    notify: true,
  };
}

/**
 * The process's one job queue (pg-boss, in PostgreSQL), with a queue for every registered job.
 * The API enqueues inside its own transactions; each worker also supervises (any live worker
 * moves the job of a worker that died back to the queue) and works what is registered.
 */
export async function startJobQueue(options: JobQueueOptions) {
  const { config, logger } = options;
  const jobs = options.jobs ?? JOBS;
  // Supervision covers every queue; its pace is still named after the jobs it was first for.
  const settings = config.generation;
  const worker = options.role === 'worker';
  const concurrency = jobs.reduce((sum, job) => sum + job.working(config).concurrency, 0);
  const boss = new PgBoss({
    connectionString: urlAs(options.databaseUrl, 'queue'),
    schema: JOB_QUEUE_SCHEMA,
    // A worker's jobs touch the queue for heartbeats and completion; its listener holds one more.
    max: worker ? concurrency + 2 : 2,
    application_name: `muse-${options.role}-queue`,
    instanceName: `muse-${options.role}`,
    // The owner installs and upgrades the schema with the migrations; muse_queue only uses it.
    migrate: false,
    persistQueueStats: false,
    // Scheduled jobs re-enqueue themselves (see work): pg-boss's cron resolves to the minute only.
    schedule: false,
    supervise: worker,
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    // Expired jobs and lost heartbeats are found by the monitor, so it runs as often as supervision.
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
    useListenNotify: worker,
    // The job row keeps the trace of the request that queued it (its trace_context), and the
    // worker's `process` span continues it: a run's spans belong to the request. No SDK, no-op.
    openTelemetry: { propagateContext: true },
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `job queue: ${warning.message}`));
  await boss.start();

  for (const job of jobs) {
    const { retryDelayMax, ...policy } = queueOptions(job.policy(config));
    const scheduled = job.schedule !== undefined;
    await boss.createQueue(job.name, {
      // A scheduled job: one run waiting and one running at most, across all workers.
      policy: scheduled ? 'stately' : 'standard',
      ...policy,
      ...(retryDelayMax === null ? {} : { retryDelayMax }),
      ...(scheduled ? { deleteAfterSeconds: SCHEDULED_RUN_RETENTION_SECONDS } : {}),
    });
    // The workers own the policy: a changed setting reaches the queue when they (re)start.
    if (worker) await boss.updateQueue(job.name, { ...policy, retryDelayMax });
  }
  await assertApplicationRoleCanEnqueue(
    boss,
    jobs.filter((job) => job.schedule === undefined),
  );

  /** A run of a scheduled job, due `startAfter` seconds from now (at once if unset); dropped while one waits. */
  const scheduleNext = (job: AnyJobDefinition, startAfter?: number) =>
    boss.send(job.name, {}, startAfter === undefined ? {} : { startAfter });

  return {
    boss,

    /** Adds a job inside the caller's transaction: the job commits, or rolls back, with the caller's rows. */
    async enqueue<Data extends TenantJobData>(
      tx: TenantTx,
      job: JobDefinition<Data>,
      data: Data,
    ): Promise<void> {
      const payload = job.data.parse(data);
      await boss.send(job.name, payload, {
        ...(job.idOf ? { id: job.idOf(payload) } : {}),
        ...(job.delaySeconds ? { startAfter: job.delaySeconds(config) } : {}),
        db: fromPrisma(tx),
      });
    },

    /**
     * Hands every registered job to its handler in this process, each under the log context of
     * its payload (request and tenant), and starts every schedule with a run due now.
     */
    async work(context: JobContext): Promise<void> {
      for (const definition of jobs) {
        const handle = definition.handler(context);
        const { concurrency, pollIntervalSeconds } = definition.working(config);
        const schedule = definition.schedule?.(config);
        await boss.work(
          definition.name,
          {
            localConcurrency: concurrency,
            pollingIntervalSeconds: pollIntervalSeconds,
            // A new job wakes the worker at once; retries and scheduled runs come due without a
            // notification, so the poll keeps its pace rather than slowing down to pg-boss's 30 s.
            notifyPollingIntervalSeconds: pollIntervalSeconds,
            includeMetadata: true,
          },
          async ([job]: JobWithMetadata<object>[]) => {
            if (!job) return;
            const parsed = definition.data.safeParse(job.data);
            if (!parsed.success) {
              logger.error(
                { job: definition.name, jobId: job.id, err: parsed.error },
                'job payload is not valid',
              );
              throw parsed.error;
            }
            // Before the run, so a run that fails or whose worker dies does not end the schedule.
            if (schedule) await scheduleNext(definition, schedule.everySeconds);
            await runWithContext(contextOf(job.id, parsed.data), () =>
              handle({
                id: job.id,
                data: parsed.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
                signal: job.signal,
              }),
            );
          },
        );
        if (schedule) await scheduleNext(definition);
      }
    },

    /** Finishes running jobs for up to `timeoutMs` (their heartbeats lapse otherwise, and they move). */
    async stop(timeoutMs = 10_000): Promise<void> {
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}

/** Logs of a job carry the request that enqueued it and its tenant, when its payload names them. */
function contextOf(jobId: string, data: object) {
  const { requestId, tenantId } = data as { requestId?: unknown; tenantId?: unknown };
  return {
    requestId: typeof requestId === 'string' ? requestId : jobId,
    ...(typeof tenantId === 'string' ? { tenantId } : {}),
  };
}

/** Fails the start, not the first enqueue, when the queue's grants did not reach its tables. */
async function assertApplicationRoleCanEnqueue(boss: PgBoss, jobs: readonly AnyJobDefinition[]) {
  const tables = new Set<string>();
  for (const job of jobs) {
    const queue = await boss.getQueue(job.name);
    tables.add(`${JOB_QUEUE_SCHEMA}.${queue?.table ?? 'job'}`);
  }
  for (const table of tables) {
    const { rows } = await boss
      .getDb()
      .executeSql('select has_table_privilege($1, $2, $3) as allowed', [APPLICATION_ROLE, table, 'INSERT']);
    if (rows[0]?.allowed !== true) {
      throw new Error(
        `the role ${APPLICATION_ROLE} cannot insert into ${table}: set up the database with \`pnpm db:migrate\` (it installs the job queue's schema and its grants)`,
      );
    }
  }
}
