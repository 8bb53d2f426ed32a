import { setTimeout as sleep } from 'node:timers/promises';
import { APPLICATION_ROLE, JOB_QUEUE_SCHEMA, listen, type TenantTx, urlAs } from '@muse/db';
import type { Logger } from '@muse/logger';
import { fromPrisma, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { ApiConfig } from '../../config.ts';
import { GENERATION_FINISHED_CHANNEL } from './generations.repository.ts';

export const GENERATION_QUEUE = 'generate-ideas';

/** What a job carries: ids only, the worker reads everything else from the database. */
export interface GenerationJobData {
  generationId: string;
  tenantId: string;
  /** The request that asked for the run, forwarded to the AI service. */
  requestId: string;
}

export interface GenerationQueueOptions {
  /** DATABASE_URL: the queue connects as muse_queue beside it, the listener as the application. */
  databaseUrl: string;
  settings: ApiConfig['generation'];
  /** `worker`: also supervises the queue (expiry, lost heartbeats, retention) and listens for new jobs. */
  role: 'api' | 'worker';
  logger: Logger;
}

export type GenerationQueue = Awaited<ReturnType<typeof startGenerationQueue>>;

/** Retries back off exponentially from the configured delay up to this. */
const RETRY_DELAY_MAX_SECONDS = 300;

/** The retry and liveness policy of every generation job, from the configuration. */
function queuePolicy(settings: ApiConfig['generation']) {
  const backoff = settings.retryDelaySeconds > 0;
  return {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: backoff,
    // pg-boss accepts a cap only with backoff; null clears one set before.
    retryDelayMax: backoff ? RETRY_DELAY_MAX_SECONDS : null,
    expireInSeconds: settings.expireInSeconds,
    heartbeatSeconds: settings.heartbeatSeconds,
    notify: true,
  };
}

/**
 * The generation job queue (pg-boss, in PostgreSQL). Started by the API, which enqueues inside its
 * own transactions, and by each worker, which also supervises: any live worker moves the job of a
 * worker that died (no heartbeat) back to the queue.
 */
export async function startGenerationQueue(options: GenerationQueueOptions) {
  const { settings, logger } = options;
  const worker = options.role === 'worker';
  const boss = new PgBoss({
    connectionString: urlAs(options.databaseUrl, 'queue'),
    schema: JOB_QUEUE_SCHEMA,
    // A worker's jobs touch the queue for heartbeats and completion; its listener holds one more.
    max: worker ? settings.workerConcurrency + 2 : 2,
    application_name: `muse-${options.role}-queue`,
    instanceName: `muse-${options.role}`,
    // The owner installs and upgrades the schema with the migrations; muse_queue only uses it.
    migrate: false,
    persistQueueStats: false,
    schedule: false,
    supervise: worker,
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    // Expired jobs and lost heartbeats are found by the monitor, so it runs as often as supervision.
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
    useListenNotify: worker,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `job queue: ${warning.message}`));
  await boss.start();

  const { retryDelayMax, ...policy } = queuePolicy(settings);
  await boss.createQueue(GENERATION_QUEUE, {
    policy: 'standard',
    ...policy,
    ...(retryDelayMax === null ? {} : { retryDelayMax }),
  });
  // The workers own the policy: a changed setting reaches the queue when they (re)start.
  if (worker) await boss.updateQueue(GENERATION_QUEUE, { ...policy, retryDelayMax });
  await assertApplicationRoleCanEnqueue(boss);
  const finishes = options.role === 'api' ? listenForFinishes(options.databaseUrl, logger) : undefined;
  await finishes?.ready;

  return {
    boss,

    /** Adds the run's job inside the caller's transaction: the generation and its job commit together. */
    async enqueue(tx: TenantTx, data: GenerationJobData): Promise<void> {
      await boss.send(GENERATION_QUEUE, data, { id: data.generationId, db: fromPrisma(tx) });
    },

    /** Hands each job to `handler`, `concurrency` at a time in this process; woken at once on a new job. */
    work(concurrency: number, handler: (job: JobWithMetadata<GenerationJobData>) => Promise<void>) {
      return boss.work(
        GENERATION_QUEUE,
        {
          localConcurrency: concurrency,
          pollingIntervalSeconds: settings.pollIntervalSeconds,
          // A new job wakes the worker at once; retries come due without a notification, so the
          // poll keeps its pace rather than slowing down to pg-boss's backstop of 30 s.
          notifyPollingIntervalSeconds: settings.pollIntervalSeconds,
          includeMetadata: true,
        },
        async ([job]: JobWithMetadata<GenerationJobData>[]) => {
          if (job) await handler(job);
        },
      );
    },

    /**
     * Resolves when the run is announced finished, after `ms`, or when `signal` aborts, whichever
     * comes first. Only the API listens; elsewhere this just waits `ms`.
     */
    untilFinished(generationId: string, ms: number, signal: AbortSignal): Promise<void> {
      return finishes
        ? finishes.until(generationId, ms, signal)
        : sleep(ms, undefined, { signal }).catch(() => {});
    },

    /** Finishes running jobs for up to `timeoutMs` (their heartbeats lapse otherwise, and they move). */
    async stop(timeoutMs = 10_000): Promise<void> {
      await finishes?.close();
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}

/** The API's ear for finished runs: requests waiting on a run are woken by its announcement. */
function listenForFinishes(databaseUrl: string, logger: Logger) {
  const waiting = new Map<string, Set<() => void>>();
  const listener = listen({
    url: databaseUrl,
    channel: GENERATION_FINISHED_CHANNEL,
    onNotify: (generationId) => {
      for (const wake of waiting.get(generationId) ?? []) wake();
    },
    onError: (error) => logger.warn({ err: error }, 'lost the generation-finished listener; reconnecting'),
  });
  return {
    until(generationId: string, ms: number, signal: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const wakers = waiting.get(generationId) ?? new Set();
        waiting.set(generationId, wakers);
        const wake = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          wakers.delete(wake);
          if (wakers.size === 0) waiting.delete(generationId);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    },
    ready: listener.ready,
    close: () => listener.close(),
  };
}

/** Fails the start, not the first generation, when the queue's grants did not reach its tables. */
async function assertApplicationRoleCanEnqueue(boss: PgBoss): Promise<void> {
  const queue = await boss.getQueue(GENERATION_QUEUE);
  const table = `${JOB_QUEUE_SCHEMA}.${queue?.table ?? 'job'}`;
  const { rows } = await boss
    .getDb()
    .executeSql('select has_table_privilege($1, $2, $3) as allowed', [APPLICATION_ROLE, table, 'INSERT']);
  if (rows[0]?.allowed !== true) {
    throw new Error(
      `the role ${APPLICATION_ROLE} cannot insert into ${table}: set up the database with \`pnpm db:migrate\` (it installs the job queue's schema and its grants)`,
    );
  }
}
