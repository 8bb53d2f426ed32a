import { randomUUID } from 'node:crypto';
import type { Generation } from '@muse/contracts';
import { createLogger } from '@muse/logger';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAiServiceClient } from '../../ai/ai-service.client.ts';
import { parseApiConfig } from '../../config.ts';
import { type JobQueue, startJobQueue } from '../../jobs/job-queue.ts';
import { bearer, makeAgency, type TestUser } from '../../test/factories.ts';
import {
  AI_SERVICE_TOKEN,
  type AiStack,
  createPrivateDatabase,
  makeBriefedCampaign,
  startAiStack,
  startInProcessWorker,
  workerEnv,
} from '../../test/generation-harness.ts';
import { openSse, type SseClient } from '../../test/sse-client.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { createGenerationWorkerMetrics } from './generations.metrics.ts';
import { createGenerationProcessor } from './generations.processor.ts';
import { generationsRepository } from './generations.repository.ts';

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let api: TestApp;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let jobs: JobQueue;
const streams: SseClient[] = [];

beforeAll(async () => {
  database = await createPrivateDatabase();
  // One LLM call at a time, so a run's batches finish one after another.
  ai = await startAiStack({ LLM_CONCURRENCY: '1' });
  api = await startTestApp({ env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '1000' } });
  worker = await startInProcessWorker(
    workerEnv(database.url, ai.url, { GENERATION_SWEEP_INTERVAL_SECONDS: '3600' }),
  );
  jobs = await startJobQueue({
    databaseUrl: database.url,
    config: parseApiConfig({ DATABASE_URL: database.url }),
    role: 'api',
    logger: createLogger('jobs-test', { level: 'silent' }),
  });
});
afterEach(() => {
  ai.offline.faults.reset();
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await jobs?.stop();
  await worker?.stop(2_000);
  await api?.close();
  await ai?.close();
  await database?.drop();
});

async function streamOf(user: TestUser): Promise<SseClient> {
  const issued = await api.http.post('/api/events/token').set('Authorization', await bearer(user));
  const client = await openSse(`${api.url}/api/events?token=${encodeURIComponent(issued.body.token)}`);
  streams.push(client);
  return client;
}

async function readGeneration(user: TestUser, id: string): Promise<Generation> {
  const res = await api.http.get(`/api/generations/${id}`).set('Authorization', await bearer(user));
  expect(res.status).toBe(200);
  return res.body as Generation;
}

/** The generation.progress frames a stream heard of one run, as status and ideas so far. */
const progressFrames = (stream: SseClient, generationId: string) =>
  stream.frames.flatMap(({ frame }) =>
    frame.type === 'generation.progress' && frame.data.generationId === generationId
      ? [{ status: frame.data.status, produced: frame.data.produced }]
      : [],
  );

describe('generation progress', () => {
  it('when a run has three batches, then each one finished is recorded on the run and heard on the stream as it happens, and the run ends SUCCEEDED with every idea', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeBriefedCampaign(api.db, agency, { platforms: ['INSTAGRAM'] });
    const member = await streamOf(agency.member);
    ai.offline.faults.update({ latencyMs: 300 });

    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/generate`)
      .set('Authorization', await bearer(agency.member))
      .send({ numPosts: 10, numReels: 5 });
    expect(res.status).toBe(202);
    const generationId = res.body.generationId as string;

    // What the page reads when an event arrives: at least the progress the event announced.
    const read: Generation['progress'][] = [];
    for (const produced of [5, 10, 15]) {
      await member.waitFor(
        (frame) =>
          frame.type === 'generation.progress' &&
          frame.data.generationId === generationId &&
          frame.data.status === 'RUNNING' &&
          frame.data.produced === produced,
        30_000,
      );
      const running = await readGeneration(agency.member, generationId);
      read.push(running.progress);
      expect(running.progress?.ideasReady).toBeGreaterThanOrEqual(produced);
    }
    await member.waitFor(
      (frame) =>
        frame.type === 'generation.progress' &&
        frame.data.generationId === generationId &&
        frame.data.status === 'SUCCEEDED',
      30_000,
    );

    expect(progressFrames(member, generationId)).toEqual([
      { status: 'RUNNING', produced: 0 },
      { status: 'RUNNING', produced: 5 },
      { status: 'RUNNING', produced: 10 },
      { status: 'RUNNING', produced: 15 },
      { status: 'SUCCEEDED', produced: 15 },
    ]);
    for (const [index, progress] of read.entries()) {
      expect(progress?.batchesTotal).toBe(3);
      expect(progress?.batchesDone).toBeGreaterThanOrEqual(index + 1);
      expect(progress?.ideasReady).toBe((progress?.batchesDone ?? 0) * 5);
    }
    const done = await readGeneration(agency.member, generationId);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      produced: 15,
      attempts: 1,
      progress: { batchesDone: 3, batchesTotal: 3, ideasReady: 15 },
    });
    expect(done.ideaIds).toHaveLength(15);
  });

  it('when another attempt takes the run over while the first is still at work, then the first one’s progress is neither recorded nor heard, and its result is dropped', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeBriefedCampaign(api.db, agency, { platforms: ['INSTAGRAM'] });
    const member = await streamOf(agency.member);
    // A run with no job: only the attempt started here works on it.
    const run = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.generation.create({
        data: {
          tenantId: agency.tenant.id,
          campaignId: campaign.id,
          requestedById: agency.member.id,
          requestedPosts: 15,
          platforms: ['INSTAGRAM'],
          tokenBudget: 200_000,
        },
      }),
    );
    // Long enough calls that the takeover surely lands while the second batch is being written.
    ai.offline.faults.update({ latencyMs: 1_000 });
    const process = createGenerationProcessor({
      db: api.db,
      jobs,
      ai: createAiServiceClient({ url: ai.url, token: AI_SERVICE_TOKEN, timeoutMs: 30_000 }),
      metrics: createGenerationWorkerMetrics(new Registry()),
      logger: createLogger('processor-test', { level: 'silent' }),
    });
    const first = process({
      id: randomUUID(),
      data: { generationId: run.id, tenantId: agency.tenant.id, requestId: 'progress-stale-1' },
      retryCount: 0,
      retryLimit: 0,
      signal: new AbortController().signal,
    });

    await member.waitFor(
      (frame) =>
        frame.type === 'generation.progress' &&
        frame.data.generationId === run.id &&
        frame.data.produced === 5,
      30_000,
    );
    // Another worker claims the run, as when the job moved: attempt 2 holds it from now on.
    const takenOver = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      generationsRepository.claim(tx, run.id),
    );
    expect(takenOver?.attempts).toBe(2);
    await first;

    const row = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.generation.findUniqueOrThrow({ where: { id: run.id } }),
    );
    expect(row).toMatchObject({
      status: 'RUNNING',
      attempts: 2,
      batchesDone: null,
      batchesTotal: null,
      ideasReady: null,
      producedCount: 0,
    });
    // The dropped attempt's tokens still count against the quota.
    expect(row.promptTokens).toBeGreaterThan(0);
    expect((await readGeneration(agency.member, run.id)).progress).toBeNull();
    const published = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.liveEvent.findMany({ where: { type: 'generation.progress' }, orderBy: { id: 'asc' } }),
    );
    expect(
      published
        .map((event) => event.data as { generationId: string; status: string; produced: number })
        .filter((data) => data.generationId === run.id)
        .map(({ status, produced }) => ({ status, produced })),
    ).toEqual([
      { status: 'RUNNING', produced: 0 },
      { status: 'RUNNING', produced: 5 },
    ]);
    const ideas = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.count({ where: { generationId: run.id } }),
    );
    expect(ideas).toBe(0);
  });
});
