import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { generationsRepository } from './generations.repository.ts';
import { UNFINISHED_STATUSES } from './generations.rules.ts';

const QUEUE_DEPTH_MAX_AGE_MS = 10_000;

export type GenerationKind = 'campaign' | 'idea';

/** The API's side: requests for runs, and the queue's depth (generations queued or running, all tenants). */
export function createGenerationApiMetrics(registry: Registry, db: Database, logger: Logger) {
  let readAt = 0;
  const requests = new Counter({
    name: 'generation_requests_total',
    help: 'Generation requests by kind and outcome (accepted, replayed, quota_exceeded, rate_limited)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'generation_queue_depth',
    help: 'Generations waiting for a worker (QUEUED) or being worked on (RUNNING), across tenants',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      // One cross-tenant count per interval, however often (or by how many) it is scraped.
      if (Date.now() - readAt < QUEUE_DEPTH_MAX_AGE_MS) return;
      readAt = Date.now();
      try {
        const rows = await db.withPlatformTx((tx) => generationsRepository.countUnfinished(tx));
        for (const status of UNFINISHED_STATUSES) {
          this.set({ status }, rows.find((row) => row.status === status)?._count._all ?? 0);
        }
      } catch (error) {
        // A scrape must not fail with the database: the gauge keeps its last reading.
        logger.warn({ err: error }, 'cannot read the generation queue depth');
      }
    },
  });
  return {
    request(kind: GenerationKind, outcome: 'accepted' | 'replayed' | 'quota_exceeded' | 'rate_limited') {
      requests.inc({ kind, outcome });
    },
  };
}

export type GenerationApiMetrics = ReturnType<typeof createGenerationApiMetrics>;

/** The worker's side: how runs end, how long they and their AI calls take, and the tokens they spend. */
export function createGenerationWorkerMetrics(registry: Registry) {
  const outcomes = new Counter({
    name: 'generation_outcomes_total',
    help: 'Finished generations by kind, status and error code',
    labelNames: ['kind', 'status', 'error_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'generation_duration_seconds',
    help: 'From queued to finished, by kind and status',
    labelNames: ['kind', 'status'] as const,
    buckets: [1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120, 300, 600],
    registers: [registry],
  });
  const aiCalls = new Histogram({
    name: 'generation_ai_call_duration_seconds',
    help: 'Calls to the AI service by result (ok or the error code)',
    labelNames: ['result'] as const,
    buckets: [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 90],
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'generation_attempts_total',
    help: 'Worker attempts by how they ended: finished, retrying, superseded (a newer attempt owns the run)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'generation_tokens_total',
    help: 'LLM tokens spent by generations, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  return {
    finished(
      kind: GenerationKind,
      status: 'SUCCEEDED' | 'FAILED',
      errorCode: string | null,
      seconds: number,
    ) {
      outcomes.inc({ kind, status, error_code: errorCode ?? '' });
      duration.observe({ kind, status }, seconds);
    },
    aiCall(result: string, seconds: number) {
      aiCalls.observe({ result }, seconds);
    },
    attempt(result: 'finished' | 'retrying' | 'superseded') {
      attempts.inc({ result });
    },
    tokens(spent: { prompt: number; completion: number }) {
      tokens.inc({ type: 'prompt' }, spent.prompt);
      tokens.inc({ type: 'completion' }, spent.completion);
    },
  };
}

export type GenerationWorkerMetrics = ReturnType<typeof createGenerationWorkerMetrics>;
