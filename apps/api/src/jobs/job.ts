import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { ApiConfig, WorkerConfig } from '../config.ts';
import type { JobQueue } from './job-queue.ts';

/** How pg-boss treats a job that fails or whose worker goes quiet. */
export interface JobPolicy {
  /** Retries after the first attempt. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Retries back off exponentially from `retryDelaySeconds` up to this; null, they keep the fixed delay. */
  retryBackoffMaxSeconds: number | null;
  /** An attempt running longer than this is failed (and retried while retries remain). */
  expireInSeconds: number;
  /** A worker beats this often while it holds a job; a job whose beats stop moves on (>= 10). */
  heartbeatSeconds: number;
}

/** How one worker process takes a job's queue. */
export interface JobWorking {
  /** Jobs of this kind at once in one process. */
  concurrency: number;
  /** How often an idle worker looks for due jobs (retries and scheduled runs come due without a wake-up). */
  pollIntervalSeconds: number;
}

/** What a handler gets of one job: its checked payload and where it is in its retries. */
export interface RunningJob<Data> {
  id: string;
  data: Data;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  /** Aborted when the job's claim is gone (it moved to another worker) or the worker stops. */
  signal: AbortSignal;
}

/** What a worker process holds for the handlers it builds. */
export interface JobContext {
  config: WorkerConfig;
  db: Database;
  logger: Logger;
  /** The worker's Prometheus registry, served on its /metrics. */
  metrics: Registry;
  queue: JobQueue;
}

export type JobHandler<Data> = (job: RunningJob<Data>) => Promise<void>;

export interface JobDefinition<Data extends object> {
  /** The pg-boss queue's name. */
  name: string;
  /** The payload, checked when the job is enqueued and again when a worker takes it. */
  data: z.ZodType<Data>;
  /** The job's id from its payload: a payload enqueued twice is one job. Unset, every enqueue is new. */
  idOf?: (data: Data) => string;
  /** Seconds between enqueuing and running, to gather what follows (a batch window). Unset, at once. */
  delaySeconds?: (config: ApiConfig) => number;
  policy: (config: ApiConfig) => JobPolicy;
  working: (config: ApiConfig) => JobWorking;
  /**
   * Runs the job again `everySeconds` after each run starts, on one worker at a time, with an
   * empty payload. Every worker starts the schedule; pg-boss keeps at most one run waiting.
   */
  schedule?: (config: ApiConfig) => { everySeconds: number };
  /** Builds the handler once per worker process. */
  handler: (context: JobContext) => JobHandler<Data>;
}

/** A job the application enqueues inside a tenant's transaction: its row is visible to that tenant only. */
export type TenantJobData = { tenantId: string };

// biome-ignore lint/suspicious/noExplicitAny: the registry holds jobs of every payload type.
export type AnyJobDefinition = JobDefinition<any>;

/**
 * How a job that writes messages to the email outbox is run: quick, and retried with backoff for
 * about an hour, since what it mails is not lost while the database is away. Its sends are jobs
 * of their own.
 */
export const OUTBOX_WRITING: Pick<JobDefinition<object>, 'policy' | 'working'> = {
  policy: () => ({
    retryLimit: 5,
    retryDelaySeconds: 30,
    retryBackoffMaxSeconds: 3_600,
    expireInSeconds: 120,
    heartbeatSeconds: 30,
  }),
  working: ({ generation }) => ({ concurrency: 2, pollIntervalSeconds: generation.pollIntervalSeconds }),
};

/** Declares a job; the registry (registry.ts) is what makes processes create and work it. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

export interface SweepDefinition {
  name: string;
  everySeconds: (config: ApiConfig) => number;
  /** A sweep still running after this long has lost its worker: it takes bounded batches. */
  expireInSeconds: number;
  /** Builds the sweep once per worker process; the job runs it with nothing in its payload. */
  sweep: (context: JobContext) => () => Promise<unknown>;
}

/**
 * A job that looks for due work across tenants every `everySeconds`, on one worker at a time. A
 * failed sweep is logged and tried once more; the next one comes on schedule anyway.
 */
export function defineSweepJob(definition: SweepDefinition): JobDefinition<Record<string, never>> {
  return defineJob({
    name: definition.name,
    data: z.strictObject({}),
    policy: ({ generation }) => ({
      retryLimit: 1,
      retryDelaySeconds: 0,
      retryBackoffMaxSeconds: null,
      expireInSeconds: definition.expireInSeconds,
      heartbeatSeconds: generation.heartbeatSeconds,
    }),
    working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
    schedule: (config) => ({ everySeconds: definition.everySeconds(config) }),
    handler: (context) => {
      const sweep = definition.sweep(context);
      return async () => {
        await sweep().catch((error: unknown) => {
          context.logger.error({ err: error, job: definition.name }, 'sweep failed');
          throw error;
        });
      };
    },
  });
}
