import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@muse/db';
import { createLogger } from '@muse/logger';
import { getContext, type RequestContext } from '@muse/request-context';
import { activeTraceIds, inSpan } from '@muse/telemetry';
import { startInMemoryTracing } from '@muse/telemetry/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWorkerConfig, type WorkerConfig } from '../config.ts';
import { makeTenant } from '../test/factories.ts';
import { createPrivateDatabase, eventually, workerEnv } from '../test/generation-harness.ts';
import { createTestDatabase } from '../test/owner-database.ts';
import { defineJob, type JobPolicy } from './job.ts';
import { type JobQueue, startJobQueue } from './job-queue.ts';

const POLICY: JobPolicy = {
  retryLimit: 0,
  retryDelaySeconds: 0,
  retryBackoffMaxSeconds: null,
  expireInSeconds: 60,
  heartbeatSeconds: 10,
};
const WORKING = { concurrency: 1, pollIntervalSeconds: 0.5 };
const logger = createLogger('jobs-test', { level: 'silent' });

const seen: {
  word: string;
  context: RequestContext | undefined;
  trace: ReturnType<typeof activeTraceIds>;
}[] = [];
const echoJob = defineJob({
  name: 'test-echo',
  data: z.object({ tenantId: z.uuid(), word: z.string().min(1) }),
  policy: () => POLICY,
  working: () => WORKING,
  handler: () => async (job) => {
    seen.push({ word: job.data.word, context: getContext(), trace: activeTraceIds() });
  },
});

/** Each run of the scheduled job: when it started and ended. */
const runs: { start: number; end: number }[] = [];
const tickJob = defineJob({
  name: 'test-tick',
  data: z.object({}),
  policy: () => POLICY,
  working: () => WORKING,
  schedule: () => ({ everySeconds: 1 }),
  handler: () => async () => {
    const start = Date.now();
    await sleep(300);
    runs.push({ start, end: Date.now() });
    // A failing run must not end the schedule.
    if (runs.length === 1) throw new Error('the first tick fails');
  },
});
const JOBS = [echoJob, tickJob];

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let db: Database;
let config: WorkerConfig;
let api: JobQueue;
const workers: JobQueue[] = [];
let tracing: ReturnType<typeof startInMemoryTracing>;

beforeAll(async () => {
  tracing = startInMemoryTracing();
  database = await createPrivateDatabase();
  db = createTestDatabase(database.url, 2);
  config = parseWorkerConfig(workerEnv(database.url, 'http://127.0.0.1:9'));
  api = await startJobQueue({ databaseUrl: database.url, config, role: 'api', logger, jobs: JOBS });
  // Two workers, as two processes would run.
  for (const _ of [1, 2]) {
    const queue = await startJobQueue({
      databaseUrl: database.url,
      config,
      role: 'worker',
      logger,
      jobs: JOBS,
    });
    await queue.work({ config, db, logger, metrics: new Registry(), queue });
    workers.push(queue);
  }
});
afterAll(async () => {
  for (const queue of workers) await queue.stop(2_000);
  await api?.stop();
  await db?.disconnect();
  await database?.drop();
  await tracing?.stop();
});

describe('the job queue', () => {
  it('when a job is enqueued in a tenant transaction, then a worker runs it with the tenant in its log context; a payload its schema refuses rolls the transaction back', async () => {
    const tenant = await makeTenant(db);
    await db.withTenantTx(tenant.id, (tx) =>
      api.enqueue(tx, echoJob, { tenantId: tenant.id, word: 'hello' }),
    );
    const [run] = await eventually(async () => (seen.length > 0 ? seen : undefined));
    expect(run).toMatchObject({
      word: 'hello',
      context: { tenantId: tenant.id, requestId: expect.any(String) },
    });

    const client = await makeClientIn(tenant.id);
    await expect(
      db.withTenantTx(tenant.id, async (tx) => {
        await tx.client.update({ where: { id: client }, data: { name: 'Renamed' } });
        await api.enqueue(tx, echoJob, { tenantId: tenant.id, word: '' });
      }),
    ).rejects.toThrow(z.ZodError);
    const after = await db.withTenantTx(tenant.id, (tx) =>
      tx.client.findUniqueOrThrow({ where: { id: client } }),
    );
    expect(after.name).toBe('Original');
    expect(await api.boss.findJobs(echoJob.name, { data: { word: '' } })).toEqual([]);
  });

  it("when a job is enqueued inside a request's span, then the worker runs it in that request's trace, with its payload as it was", async () => {
    const tenant = await makeTenant(db);
    const request = await inSpan('POST /api/campaigns/:id/generate', {}, async (span) => {
      await db.withTenantTx(tenant.id, (tx) =>
        api.enqueue(tx, echoJob, { tenantId: tenant.id, word: 'traced' }),
      );
      return span.spanContext();
    });
    const run = await eventually(async () => seen.find((entry) => entry.word === 'traced'));
    expect(run.trace?.trace_id).toBe(request.traceId);

    const spans = await tracing.finished();
    const processing = spans.find((span) => span.spanContext().spanId === run.trace?.span_id);
    const sending = spans.find((span) => span.spanContext().spanId === processing?.parentSpanContext?.spanId);
    expect(processing?.name).toBe(`process ${echoJob.name}`);
    expect(sending?.name).toBe(`send ${echoJob.name}`);
    expect(sending?.parentSpanContext?.spanId).toBe(request.spanId);
    const [job] = await api.boss.findJobs(echoJob.name, { data: { word: 'traced' } });
    expect(job?.data).toEqual({ tenantId: tenant.id, word: 'traced' });
  });

  it('when two workers run a job scheduled every second, then it keeps running, one run at a time, even after a run fails', async () => {
    await eventually(async () => (runs.length >= 4 ? true : undefined), 15_000);
    const ordered = [...runs].sort((a, b) => a.start - b.start);
    for (const [index, run] of ordered.slice(1).entries()) {
      expect(run.start).toBeGreaterThanOrEqual(ordered[index]?.end ?? 0);
    }
    const waiting = (await api.boss.findJobs(tickJob.name)).filter((job) => job.state === 'created');
    expect(waiting.length).toBeLessThanOrEqual(1);
  });
});

async function makeClientIn(tenantId: string): Promise<string> {
  const client = await db.withTenantTx(tenantId, (tx) =>
    tx.client.create({ data: { tenantId, name: 'Original' }, select: { id: true } }),
  );
  return client.id;
}
