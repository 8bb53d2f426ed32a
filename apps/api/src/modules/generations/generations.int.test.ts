import { randomUUID } from 'node:crypto';
import type { GenerateResponse, Generation, QuotaExceededDetail, Usage } from '@muse/contracts';
import type { Database } from '@muse/db';
import { createLogger } from '@muse/logger';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseApiConfig } from '../../config.ts';
import { type JobQueue, startJobQueue } from '../../jobs/job-queue.ts';
import {
  bearer,
  makeAgency,
  makeClient,
  makeGeneration,
  makePlatformAdmin,
  makeTenant,
  makeUser,
  setTenantQuota,
  type TestUser,
} from '../../test/factories.ts';
import {
  type AiStack,
  createPrivateDatabase,
  eventually,
  makeBriefedCampaign,
  startAiStack,
  startInProcessWorker,
  workerEnv,
} from '../../test/generation-harness.ts';
import { startTestApp, TEST_METRICS_TOKEN, type TestApp } from '../../test/test-app.ts';
import type { RunningWorker } from '../../worker/worker.runtime.ts';
import { GENERATION_QUEUE } from './generations.job.ts';
import { createGenerationWorkerMetrics } from './generations.metrics.ts';
import { createGenerationSweeper } from './generations.sweeper.ts';

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let api: TestApp;
let worker: RunningWorker;
/** The tests' own view of the job queue, to look at and plant jobs. */
let jobs: JobQueue;

beforeAll(async () => {
  database = await createPrivateDatabase();
  ai = await startAiStack();
  api = await startTestApp({ env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '1000' } });
  // The sweep is tested on its own; the worker's periodic one stays out of the way.
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
afterAll(async () => {
  await jobs?.stop();
  await worker?.stop(2_000);
  await api?.close();
  await ai?.close();
  await database?.drop();
});
afterEach(() => {
  ai.offline.faults.reset();
});

type Agency = Awaited<ReturnType<typeof makeAgency>>;

/** An agency whose brand and campaign are filled in as an agency would. */
async function makeBrandAgency(options: { quota?: number } = {}) {
  const agency = await makeAgency(api.db);
  const db = api.db;
  if (options.quota !== undefined) await setTenantQuota(db, agency.tenant.id, options.quota);
  await db.withTenantTx(agency.tenant.id, (tx) =>
    tx.client.update({
      where: { id: agency.client.id },
      data: {
        name: 'Northwind Coffee',
        industry: 'Specialty coffee',
        brandVoice: 'Warm, plain-spoken and a little wry',
        toneKeywords: ['warm', 'wry'],
        targetAudience: 'Commuters aged 25–40',
        dontList: ['cheap'],
        defaultHashtags: ['#NorthwindCoffee'],
        platforms: ['INSTAGRAM', 'LINKEDIN'],
      },
    }),
  );
  const campaign = await makeBriefedCampaign(api.db, agency);
  return { ...agency, campaign };
}

/** A run some worker is still on, queued now, for the quota's reservation to count. */
function runInFlight(
  agency: Awaited<ReturnType<typeof makeBrandAgency>>,
  figures: { requestedPosts: number; tokenBudget?: number; promptTokens?: number; completionTokens?: number },
) {
  return api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.generation.create({
      data: {
        tenantId: agency.tenant.id,
        campaignId: agency.campaign.id,
        status: 'RUNNING',
        queuedAt: new Date(),
        ...figures,
      },
    }),
  );
}

async function generate(
  user: TestUser,
  campaignId: string,
  body: object = {},
  options: { wait?: boolean; key?: string } = {},
) {
  let request = api.http
    .post(`/api/campaigns/${campaignId}/generate${options.wait ? '?wait=true' : ''}`)
    .set('Authorization', await bearer(user));
  if (options.key) request = request.set('Idempotency-Key', options.key);
  return request.send(body);
}

async function getGeneration(user: TestUser, id: string): Promise<Generation> {
  const res = await api.http.get(`/api/generations/${id}`).set('Authorization', await bearer(user));
  expect(res.status).toBe(200);
  return res.body as Generation;
}

/** Waits until the worker has finished the generation. */
function finished(user: TestUser, id: string, timeoutMs = 30_000) {
  return eventually(async () => {
    const generation = await getGeneration(user, id);
    return generation.status === 'SUCCEEDED' || generation.status === 'FAILED' ? generation : undefined;
  }, timeoutMs);
}

/** The first instant of next month (UTC): when the quota counts afresh. */
function nextMonthStart(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

function rowsOf(db: Database, tenantId: string) {
  return db.withTenantTx(tenantId, async (tx) => ({
    generations: await tx.generation.findMany({ orderBy: { queuedAt: 'asc' } }),
    ideas: await tx.idea.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    revisions: await tx.ideaRevision.findMany(),
    events: await tx.activityEvent.findMany({ orderBy: { createdAt: 'asc' } }),
  }));
}

async function jobsOfTenant(tenantId: string) {
  return jobs.boss.findJobs(GENERATION_QUEUE, { data: { tenantId } });
}

describe('POST /api/campaigns/:id/generate', () => {
  it('when an agency member generates with ?wait=true, then the ideas appear with first revisions and activity, and the run records model, tokens and latency', async () => {
    const agency = await makeBrandAgency();
    const res = await generate(
      agency.member,
      agency.campaign.id,
      {
        numPosts: 3,
        numReels: 2,
        platforms: ['INSTAGRAM', 'LINKEDIN'],
        instructions: 'Lean into the commute',
      },
      { wait: true },
    );

    expect(res.status).toBe(200);
    const generation = res.body as GenerateResponse;
    expect(generation.generationId).toBe(generation.id);
    expect(generation).toMatchObject({
      status: 'SUCCEEDED',
      requested: { posts: 3, reels: 2 },
      produced: 5,
      platforms: ['INSTAGRAM', 'LINKEDIN'],
      instructions: 'Lean into the commute',
      model: 'offline-muse-1',
      offline: true,
      templateVersions: { system: 'v1', post: 'v2', reel: 'v2' },
      attempts: 1,
      errorCode: null,
      requestedById: agency.member.id,
    });
    expect(generation.promptTokens).toBeGreaterThan(0);
    expect(generation.completionTokens).toBeGreaterThan(0);
    expect(generation.totalTokens).toBe(generation.promptTokens + generation.completionTokens);
    expect(generation.latencyMs).toEqual(expect.any(Number));
    expect(generation.durationMs).toBeGreaterThanOrEqual(0);
    expect(generation.ideaIds).toHaveLength(5);

    const rows = await rowsOf(api.db, agency.tenant.id);
    expect(rows.ideas.map((idea) => idea.id)).toEqual(generation.ideaIds);
    for (const idea of rows.ideas) {
      // The run was answered by the offline model, so each of its ideas is labelled.
      expect(idea).toMatchObject({
        status: 'GENERATED',
        version: 1,
        generationId: generation.id,
        offlineModel: true,
      });
      expect(idea.templateVersion).toMatch(/^(post|reel)\/v2$/);
      expect(['INSTAGRAM', 'LINKEDIN']).toContain(idea.platform);
    }
    expect(
      rows.ideas.filter((idea) => idea.type === 'REEL').every((idea) => idea.durationSec && idea.beats),
    ).toBe(true);
    expect(rows.revisions.map((revision) => [revision.ideaId, revision.version]).sort()).toEqual(
      generation.ideaIds.map((id) => [id, 1]).sort(),
    );
    expect(rows.revisions.find((revision) => revision.ideaId === rows.ideas[0]?.id)?.snapshot).toMatchObject({
      title: rows.ideas[0]?.title,
    });
    const actions = rows.events.map((event) => `${event.entityType}:${event.action}`);
    expect(actions.filter((action) => action === 'idea:idea.generated')).toHaveLength(5);
    expect(actions).toEqual(
      expect.arrayContaining(['generation:generation.requested', 'generation:generation.succeeded']),
    );
    const requestId = res.headers['x-request-id'];
    expect(
      rows.events.every((event) => event.requestId === requestId && event.actorId === agency.member.id),
    ).toBe(true);
    // One request id from the caller through the API and the AI service to the LLM.
    expect(ai.offline.requests.filter((request) => request.requestId === requestId).length).toBeGreaterThan(
      0,
    );
  });

  it('when a run ends, then the one who started it finds it in its notifications, succeeded or failed', async () => {
    const agency = await makeBrandAgency();
    await generate(agency.member, agency.campaign.id, { numPosts: 2, numReels: 0 }, { wait: true });
    ai.offline.faults.update({ malformed_json: { rate: 1 } });
    await generate(agency.member, agency.campaign.id, { numPosts: 1, numReels: 0 }, { wait: true });

    const res = await api.http.get('/api/notifications').set('Authorization', await bearer(agency.member));
    expect(res.body.items.map((item: { kind: string; data: unknown }) => [item.kind, item.data])).toEqual([
      ['GENERATION_FINISHED', { campaignName: agency.campaign.name, succeeded: false, produced: 0 }],
      ['GENERATION_FINISHED', { campaignName: agency.campaign.name, succeeded: true, produced: 2 }],
    ]);
    const admin = await api.http.get('/api/notifications').set('Authorization', await bearer(agency.admin));
    expect(admin.body.items).toEqual([]);
  });

  it('when the body leaves counts and platforms out, then they come from the campaign (or else the brand)', async () => {
    const agency = await makeBrandAgency();
    const res = await generate(agency.admin, agency.campaign.id, {}, { wait: true });
    expect(res.body).toMatchObject({
      status: 'SUCCEEDED',
      requested: { posts: 2, reels: 1 },
      platforms: ['INSTAGRAM', 'TIKTOK'],
    });

    const noPlatforms = await makeBriefedCampaign(api.db, agency, { platforms: [] });
    const fromBrand = await generate(agency.admin, noPlatforms.id, { numPosts: 1, numReels: 0 });
    expect(fromBrand.status).toBe(202);
    expect(fromBrand.body.platforms).toEqual(['INSTAGRAM', 'LINKEDIN']);
    await finished(agency.admin, fromBrand.body.generationId);
  });

  it('when the brand changes between runs, then each run records the brand profile version it wrote in', async () => {
    const agency = await makeBrandAgency();
    const before = await generate(
      agency.admin,
      agency.campaign.id,
      { numPosts: 1, numReels: 0 },
      { wait: true },
    );
    expect(before.body).toMatchObject({ status: 'SUCCEEDED', brandVersion: 1 });
    const changed = await api.http
      .patch(`/api/clients/${agency.client.id}`)
      .set('Authorization', await bearer(agency.admin))
      .send({ dontList: ['cheap', 'instant'], reason: 'The client asked' });
    expect(changed.body.brandVersion).toBe(2);
    const after = await generate(
      agency.admin,
      agency.campaign.id,
      { numPosts: 1, numReels: 0 },
      { wait: true },
    );
    expect(after.body).toMatchObject({ status: 'SUCCEEDED', brandVersion: 2 });
    expect((await getGeneration(agency.admin, before.body.id)).brandVersion).toBe(1);
  });

  it('when the request asks for nothing, too much or something unknown, then 400 and nothing is queued', async () => {
    const agency = await makeBrandAgency();
    const empty = await makeBriefedCampaign(api.db, agency, { numPosts: 0, numReels: 0 });
    const cases = [
      { campaignId: empty.id, body: {}, field: 'numPosts' },
      { campaignId: agency.campaign.id, body: { numPosts: 31 }, field: 'numPosts' },
      { campaignId: agency.campaign.id, body: { platforms: ['INSTAGRAM', 'INSTAGRAM'] }, field: 'platforms' },
      { campaignId: agency.campaign.id, body: { tone: 'loud' }, field: 'tone' },
    ];
    for (const { campaignId, body, field } of cases) {
      const res = await generate(agency.member, campaignId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.details.map((detail: { path: string[] }) => detail.path[0])).toContain(field);
    }
    const badKey = await generate(agency.member, agency.campaign.id, {}, { key: 'has spaces' });
    expect(badKey.status).toBe(400);
    expect((await rowsOf(api.db, agency.tenant.id)).generations).toEqual([]);
    expect(await jobsOfTenant(agency.tenant.id)).toEqual([]);
  });

  it('when the campaign is archived, then 409 conflict', async () => {
    const agency = await makeBrandAgency();
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.campaign.update({ where: { id: agency.campaign.id }, data: { status: 'ARCHIVED' } }),
    );
    const res = await generate(agency.member, agency.campaign.id, { numPosts: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('when the same Idempotency-Key is sent twice with the same body, then there is one generation and one set of ideas', async () => {
    const agency = await makeBrandAgency();
    const body = { numPosts: 2, numReels: 0, platforms: ['INSTAGRAM'] };
    const first = await generate(agency.member, agency.campaign.id, body, { key: 'double-click-1' });
    const second = await generate(agency.member, agency.campaign.id, body, { key: 'double-click-1' });
    expect(first.status).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(202);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.generationId).toBe(first.body.generationId);

    await finished(agency.member, first.body.generationId);
    const afterFinish = await generate(agency.member, agency.campaign.id, body, {
      key: 'double-click-1',
      wait: true,
    });
    expect(afterFinish.status).toBe(200);
    expect(afterFinish.body).toMatchObject({ id: first.body.generationId, status: 'SUCCEEDED' });

    const rows = await rowsOf(api.db, agency.tenant.id);
    expect(rows.generations).toHaveLength(1);
    expect(rows.ideas).toHaveLength(2);
    expect(await jobsOfTenant(agency.tenant.id)).toHaveLength(1);
  });

  it('when requests with one Idempotency-Key race, then they all get the same generation', async () => {
    const agency = await makeBrandAgency();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        generate(agency.admin, agency.campaign.id, { numPosts: 1, numReels: 0 }, { key: 'race-key' }),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(6).fill(202));
    expect(new Set(responses.map((res) => res.body.generationId)).size).toBe(1);
    await finished(agency.admin, responses[0]?.body.generationId);
    const rows = await rowsOf(api.db, agency.tenant.id);
    expect(rows.generations).toHaveLength(1);
    expect(rows.ideas).toHaveLength(1);
  });

  it('when an Idempotency-Key is reused with another body or campaign, then 409 and nothing new is queued', async () => {
    const agency = await makeBrandAgency();
    const other = await makeBriefedCampaign(api.db, agency);
    const first = await generate(agency.member, agency.campaign.id, { numPosts: 1 }, { key: 'reused' });
    expect(first.status).toBe(202);
    const otherBody = await generate(agency.member, agency.campaign.id, { numPosts: 2 }, { key: 'reused' });
    const otherCampaign = await generate(agency.member, other.id, { numPosts: 1 }, { key: 'reused' });
    for (const res of [otherBody, otherCampaign]) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/Idempotency-Key/),
      });
    }
    await finished(agency.member, first.body.generationId);
    expect((await rowsOf(api.db, agency.tenant.id)).generations).toHaveLength(1);
    expect(await jobsOfTenant(agency.tenant.id)).toHaveLength(1);
  });

  it('when an Idempotency-Key is more than a day old, then it names a new request and the old run keeps its ideas', async () => {
    const agency = await makeBrandAgency();
    const first = await generate(agency.member, agency.campaign.id, { numPosts: 1 }, { key: 'daily' });
    expect(first.status).toBe(202);
    await finished(agency.member, first.body.generationId);
    const ideasOfFirst = async () =>
      (await rowsOf(api.db, agency.tenant.id)).ideas.filter(
        (idea) => idea.generationId === first.body.generationId,
      );
    const firstIdeas = (await ideasOfFirst()).map((idea) => idea.id);
    expect(firstIdeas.length).toBeGreaterThan(0);
    // Within the day the key still answers for its first request.
    expect(
      (await generate(agency.member, agency.campaign.id, { numPosts: 2 }, { key: 'daily' })).status,
    ).toBe(409);
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.generation.update({
        where: { id: first.body.generationId },
        data: { queuedAt: new Date(Date.now() - 25 * 60 * 60_000) },
      }),
    );
    const later = await generate(agency.member, agency.campaign.id, { numPosts: 2 }, { key: 'daily' });
    expect(later.status).toBe(202);
    expect(later.body.generationId).not.toBe(first.body.generationId);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    await finished(agency.member, later.body.generationId);
    const { generations } = await rowsOf(api.db, agency.tenant.id);
    expect(generations.map((g) => g.idempotencyKey)).toEqual([null, 'daily']);
    expect((await ideasOfFirst()).map((idea) => idea.id)).toEqual(firstIdeas);
  });

  it('when the run would exceed the monthly token quota, then 429 quota_exceeded with the figures, and nothing is queued', async () => {
    const agency = await makeBrandAgency({ quota: 10_000 });
    await makeGeneration(api.db, agency.campaign, { prompt: 5_000, completion: 3_000 });
    // Last month's tokens do not count.
    await makeGeneration(api.db, agency.campaign, {
      prompt: 90_000,
      completion: 0,
      queuedAt: new Date(Date.UTC(2020, 0, 15)),
    });

    const res = await generate(agency.member, agency.campaign.id, { numPosts: 2, numReels: 1 });

    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('quota_exceeded');
    const detail = res.body.error.details[0] as QuotaExceededDetail;
    expect(detail).toMatchObject({ monthlyTokenQuota: 10_000, tokensUsed: 8_000, tokensReserved: 0 });
    expect(detail.tokensRequested).toBeGreaterThan(2_000);
    expect(new Date(detail.resetsAt).getTime()).toBeGreaterThan(Date.now());
    const rows = await rowsOf(api.db, agency.tenant.id);
    expect(rows.generations).toHaveLength(2);
    expect(rows.events.filter((event) => event.action === 'generation.requested')).toEqual([]);
    expect(await jobsOfTenant(agency.tenant.id)).toEqual([]);
  });

  it("when the quota is just above one run's budget, then that run is admitted and spends within its budget, and the next is refused with the figures", async () => {
    const agency = await makeBrandAgency({ quota: 1 });
    const body = { numPosts: 5, numReels: 0, platforms: ['INSTAGRAM'] };
    // A refusal names the run's budget: the estimate from its prompt text and output caps.
    const probe = await generate(agency.member, agency.campaign.id, body);
    expect(probe.status).toBe(429);
    const estimate = (probe.body.error.details[0] as QuotaExceededDetail).tokensRequested;
    await setTenantQuota(api.db, agency.tenant.id, estimate + 100);

    const admitted = await generate(agency.member, agency.campaign.id, body, { wait: true });

    expect(admitted.body).toMatchObject({ status: 'SUCCEEDED', produced: 5 });
    const [run] = (await rowsOf(api.db, agency.tenant.id)).generations;
    const spent = (run?.promptTokens ?? 0) + (run?.completionTokens ?? 0);
    expect(run?.tokenBudget).toBe(estimate);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(estimate);

    const refused = await generate(agency.member, agency.campaign.id, body);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('quota_exceeded');
    const figures = refused.body.error.details[0] as QuotaExceededDetail;
    expect(figures).toMatchObject({
      monthlyTokenQuota: estimate + 100,
      tokensUsed: spent,
      tokensReserved: 0,
    });
    // The five new titles are now sent as titles to avoid, so the next run's prompt is a little longer.
    expect(figures.tokensRequested).toBeGreaterThan(estimate);
  });

  it('when a budgeted run is still in flight, then its budget less what it spent is reserved, in the quota check and in /api/usage alike', async () => {
    const agency = await makeBrandAgency({ quota: 1 });
    await runInFlight(agency, {
      requestedPosts: 5,
      tokenBudget: 20_000,
      promptTokens: 1_500,
      completionTokens: 500,
    });
    const res = await generate(agency.member, agency.campaign.id, { numPosts: 1 });
    expect(res.status).toBe(429);
    expect(res.body.error.details[0]).toMatchObject({ tokensUsed: 2_000, tokensReserved: 18_000 });
    const usage = await api.http.get('/api/usage').set('Authorization', await bearer(agency.admin));
    expect(usage.body).toMatchObject({ tokensUsed: 2_000, tokensReserved: 18_000, tokensRemaining: 0 });
  });

  it('when runs still in flight reserve the headroom, then the next run is refused until they finish', async () => {
    const agency = await makeBrandAgency({ quota: 5_000 });
    await runInFlight(agency, { requestedPosts: 3 });
    const res = await generate(agency.member, agency.campaign.id, { numPosts: 2 });
    expect(res.status).toBe(429);
    expect(res.body.error.details[0].tokensReserved).toBeGreaterThan(0);
  });

  it('when an agency sends more generation requests than its per-minute limit, then 429 rate_limited with Retry-After', async () => {
    const limited = await startTestApp({
      env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '2' },
      queues: { jobs: api.jobs, generationQueue: api.generationQueue },
    });
    try {
      const agency = await makeBrandAgency();
      const statuses: number[] = [];
      for (const user of [agency.member, agency.admin, agency.member]) {
        const res = await limited.http
          .post(`/api/campaigns/${agency.campaign.id}/generate`)
          .set('Authorization', await bearer(user))
          .send({ numPosts: 1 });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body.error.code).toBe('rate_limited');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([202, 202, 429]);
      const { generations } = await rowsOf(api.db, agency.tenant.id);
      expect(generations).toHaveLength(2);
      for (const generation of generations) await finished(agency.member, generation.id);
    } finally {
      await limited.close();
    }
  });
});

describe('the worker', () => {
  it('when the LLM keeps answering unusable JSON, then the generation FAILED with llm_bad_output, no ideas, and its tokens counted', async () => {
    const agency = await makeBrandAgency();
    ai.offline.faults.update({ malformed_json: { rate: 1 } });
    const res = await generate(
      agency.member,
      agency.campaign.id,
      { numPosts: 1, numReels: 0 },
      { wait: true },
    );

    expect(res.status).toBe(200);
    const generation = res.body as GenerateResponse;
    expect(generation).toMatchObject({
      status: 'FAILED',
      errorCode: 'llm_bad_output',
      errorMessage: expect.stringMatching(/could not write usable ideas/),
      produced: 0,
      ideaIds: [],
      attempts: 1,
    });
    expect(generation.totalTokens).toBeGreaterThan(0);
    const rows = await rowsOf(api.db, agency.tenant.id);
    expect(rows.ideas).toEqual([]);
    expect(rows.events.map((event) => event.action)).toContain('generation.failed');
  });

  it('when the LLM is unavailable on every try, then the job is retried and the generation FAILED with llm_unavailable after its last attempt', async () => {
    const agency = await makeBrandAgency();
    ai.offline.faults.update({ server_error: { rate: 1 } });
    const res = await generate(agency.member, agency.campaign.id, { numPosts: 1 }, { wait: true });

    expect(res.body).toMatchObject({
      status: 'FAILED',
      errorCode: 'llm_unavailable',
      attempts: 2,
      ideaIds: [],
    });
    expect((await rowsOf(api.db, agency.tenant.id)).ideas).toEqual([]);
  });

  it('when a retried run has already spent its whole budget, then it ends FAILED token_budget_exhausted without asking the model again', async () => {
    const agency = await makeBrandAgency();
    const requestId = `budget-${randomUUID()}`;
    // As a run looks after an attempt that spent everything and then lost its worker.
    const id = await api.db.withTenantTx(agency.tenant.id, async (tx) => {
      const run = await tx.generation.create({
        data: {
          tenantId: agency.tenant.id,
          campaignId: agency.campaign.id,
          requestedById: agency.member.id,
          requestedPosts: 1,
          platforms: ['INSTAGRAM'],
          tokenBudget: 1_000,
          promptTokens: 700,
          completionTokens: 300,
          attempts: 1,
        },
        select: { id: true },
      });
      await api.generationQueue.enqueue(tx, { generationId: run.id, tenantId: agency.tenant.id, requestId });
      return run.id;
    });
    const generation = await finished(agency.member, id);
    expect(generation).toMatchObject({ status: 'FAILED', errorCode: 'token_budget_exhausted', ideaIds: [] });
    expect(generation.totalTokens).toBe(1_000);
    expect(ai.offline.requests.filter((request) => request.requestId === requestId)).toEqual([]);
  });

  it('when the LLM fails a whole attempt and then answers, then the retried job writes the ideas once', async () => {
    const agency = await makeBrandAgency();
    // The AI service tries each LLM call three times: the first attempt of the job fails outright.
    ai.offline.faults.update({ server_error: { next: 3 } });
    const res = await generate(
      agency.member,
      agency.campaign.id,
      { numPosts: 1, numReels: 0, platforms: ['INSTAGRAM'] },
      { wait: true },
    );

    expect(res.body).toMatchObject({ status: 'SUCCEEDED', attempts: 2, produced: 1 });
    expect((await rowsOf(api.db, agency.tenant.id)).ideas).toHaveLength(1);
  });
});

describe('POST /api/ideas/:id/regenerate', () => {
  async function ideaOf(agency: Agency & { campaign: { id: string } }) {
    const res = await generate(
      agency.member,
      agency.campaign.id,
      { numPosts: 1, numReels: 0 },
      { wait: true },
    );
    const [ideaId] = res.body.ideaIds as string[];
    if (!ideaId) throw new Error('no idea was generated');
    return ideaId;
  }

  async function regenerate(user: TestUser, ideaId: string, body: object = {}, wait = true) {
    return api.http
      .post(`/api/ideas/${ideaId}/regenerate${wait ? '?wait=true' : ''}`)
      .set('Authorization', await bearer(user))
      .send(body);
  }

  it('when a GENERATED idea is regenerated, then its content becomes version 2 with a revision and activity, keeping status and comments', async () => {
    const agency = await makeBrandAgency();
    const ideaId = await ideaOf(agency);
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.comment.create({
        data: { tenantId: agency.tenant.id, ideaId, authorId: agency.admin.id, body: 'Love the hook' },
      }),
    );
    // As if a hosted model had written it: the regeneration's answer decides the label.
    const before = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.update({ where: { id: ideaId }, data: { offlineModel: false } }),
    );

    const res = await regenerate(agency.admin, ideaId, { instructions: 'Make it about the first sip' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'SUCCEEDED',
      ideaId,
      requested: { posts: 1, reels: 0 },
      produced: 1,
      ideaIds: [ideaId],
      platforms: [before.platform],
    });
    const after = await api.db.withTenantTx(agency.tenant.id, async (tx) => ({
      idea: await tx.idea.findUniqueOrThrow({ where: { id: ideaId } }),
      revisions: await tx.ideaRevision.findMany({ where: { ideaId }, orderBy: { version: 'asc' } }),
      comments: await tx.comment.count({ where: { ideaId } }),
      events: await tx.activityEvent.findMany({ where: { entityId: ideaId } }),
    }));
    expect(after.idea).toMatchObject({
      version: 2,
      status: 'GENERATED',
      generationId: before.generationId,
      offlineModel: true,
    });
    expect(after.idea.title).not.toBe(before.title);
    expect(after.revisions.map((revision) => revision.version)).toEqual([1, 2]);
    expect(after.revisions[1]).toMatchObject({
      editedById: agency.admin.id,
      snapshot: { title: after.idea.title, caption: after.idea.caption },
    });
    expect(after.events.find((event) => event.action === 'idea.regenerated')?.data).toMatchObject({
      generationId: res.body.id,
      version: 2,
    });
    expect(after.comments).toBe(1);
    expect(after.events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['idea.generated', 'idea.regenerated']),
    );
    // Regenerating again makes version 3: the first regeneration has finished.
    expect((await regenerate(agency.member, ideaId)).body.status).toBe('SUCCEEDED');
    expect(
      (
        await api.db.withTenantTx(agency.tenant.id, (tx) =>
          tx.idea.findUniqueOrThrow({ where: { id: ideaId } }),
        )
      ).version,
    ).toBe(3);
  });

  it('when an idea the client asked to change is regenerated, then the client reads the version it was sent until the agency sends it again', async () => {
    const agency = await makeBrandAgency();
    const ideaId = await ideaOf(agency);
    const agencyAuth = await bearer(agency.member);
    const clientAuth = await bearer(agency.contact);
    const read = async (auth: string) =>
      (await api.http.get(`/api/ideas/${ideaId}`).set('Authorization', auth)).body;
    const move = (auth: string, version: number, status: string) =>
      api.http
        .patch(`/api/ideas/${ideaId}`)
        .set('Authorization', auth)
        .send({ version, status, comment: 'Make it about the first sip' });
    const sent = (await move(agencyAuth, 1, 'PENDING_CLIENT')).body;
    const answered = (await move(clientAuth, sent.version, 'CHANGES_REQUESTED')).body;
    expect(answered.status).toBe('CHANGES_REQUESTED');

    expect((await regenerate(agency.member, ideaId)).body.status).toBe('SUCCEEDED');

    const regenerated = await read(agencyAuth);
    expect(regenerated.title).not.toBe(sent.title);
    expect(await read(clientAuth)).toMatchObject({ title: sent.title, caption: sent.caption });
    const list = await api.http
      .get(`/api/campaigns/${agency.campaign.id}/ideas`)
      .set('Authorization', clientAuth);
    expect(list.body.items).toEqual([expect.objectContaining({ id: ideaId, title: sent.title })]);

    expect((await move(agencyAuth, regenerated.version, 'PENDING_CLIENT')).status).toBe(200);
    expect(await read(clientAuth)).toMatchObject({
      title: regenerated.title,
      caption: regenerated.caption,
    });
  });

  it('when the idea is waiting for the client, then 409 invalid_transition', async () => {
    const agency = await makeBrandAgency();
    const ideaId = await ideaOf(agency);
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.update({ where: { id: ideaId }, data: { status: 'PENDING_CLIENT' } }),
    );
    const res = await regenerate(agency.member, ideaId);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_transition');
  });

  it('when a regeneration of the idea is already under way, then 409 conflict', async () => {
    const agency = await makeBrandAgency();
    const ideaId = await ideaOf(agency);
    ai.offline.faults.update({ latencyMs: 1_500 });
    const first = await regenerate(agency.member, ideaId, {}, false);
    expect(first.status).toBe(202);
    const second = await regenerate(agency.member, ideaId, {}, false);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    await finished(agency.member, first.body.generationId);
  });

  it('when the idea is sent to the client while its new version is being written, then the run FAILED idea_not_editable and the idea is untouched', async () => {
    const agency = await makeBrandAgency();
    const ideaId = await ideaOf(agency);
    ai.offline.faults.update({ latencyMs: 1_500 });
    const askedFrom = new Date().toISOString();
    const res = await regenerate(agency.member, ideaId, {}, false);
    // Until the model has the request and is still writing: RUNNING alone may be before the worker read the idea.
    await eventually(async () =>
      ai.offline.requests.some((request) => request.at >= askedFrom && request.status === null)
        ? true
        : undefined,
    );
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.update({ where: { id: ideaId }, data: { status: 'PENDING_CLIENT' } }),
    );

    const generation = await finished(agency.member, res.body.generationId);

    expect(generation).toMatchObject({ status: 'FAILED', errorCode: 'idea_not_editable', ideaIds: [] });
    expect(generation.totalTokens).toBeGreaterThan(0);
    const idea = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.findUniqueOrThrow({ where: { id: ideaId } }),
    );
    expect(idea.version).toBe(1);
    expect(
      await api.db.withTenantTx(agency.tenant.id, (tx) => tx.ideaRevision.count({ where: { ideaId } })),
    ).toBe(1);
  });
});

describe('reading generations and usage', () => {
  it("when a campaign's generations are listed, then newest first, page by page, with their idea ids", async () => {
    const agency = await makeBrandAgency();
    const ids: string[] = [];
    for (const numPosts of [1, 2, 1]) {
      const res = await generate(
        agency.member,
        agency.campaign.id,
        { numPosts, numReels: 0 },
        { wait: true },
      );
      ids.push(res.body.generationId);
    }
    const auth = await bearer(agency.member);
    const page1 = await api.http
      .get(`/api/campaigns/${agency.campaign.id}/generations`)
      .query({ limit: 2 })
      .set('Authorization', auth);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((item: Generation) => item.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.items[1].ideaIds).toHaveLength(2);
    const page2 = await api.http
      .get(`/api/campaigns/${agency.campaign.id}/generations`)
      .query({ limit: 2, cursor: page1.body.nextCursor })
      .set('Authorization', auth);
    expect(page2.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const failedOnly = await api.http
      .get(`/api/campaigns/${agency.campaign.id}/generations`)
      .query({ status: 'FAILED' })
      .set('Authorization', auth);
    expect(failedOnly.body.items).toEqual([]);
  });

  it('when another agency asks for a generation or a campaign, then 404', async () => {
    const agency = await makeBrandAgency();
    const res = await generate(agency.member, agency.campaign.id, { numPosts: 1 }, { wait: true });
    const stranger = await makeAgency(api.db);
    const auth = await bearer(stranger.admin);
    expect(
      (await api.http.get(`/api/generations/${res.body.generationId}`).set('Authorization', auth)).status,
    ).toBe(404);
    expect(
      (await api.http.get(`/api/campaigns/${agency.campaign.id}/generations`).set('Authorization', auth))
        .status,
    ).toBe(404);
    expect(
      (
        await api.http
          .post(`/api/campaigns/${agency.campaign.id}/generate`)
          .set('Authorization', auth)
          .send({ numPosts: 1 })
      ).status,
    ).toBe(404);
  });

  it("when an agency admin reads usage, then this month's tokens by client and campaign match the quota check and the platform admin's view", async () => {
    const agency = await makeBrandAgency({ quota: 500_000 });
    const second = await makeBriefedCampaign(api.db, agency);
    const otherClient = await makeClient(api.db, agency.tenant, { name: 'Harbour Lights' });
    const third = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.campaign.create({
        data: {
          tenantId: agency.tenant.id,
          clientId: otherClient.id,
          name: 'Harbour Launch',
          platforms: ['X'],
        },
      }),
    );
    await generate(agency.member, agency.campaign.id, { numPosts: 2 }, { wait: true });
    await generate(agency.member, second.id, { numPosts: 1 }, { wait: true });
    await makeGeneration(api.db, third, { prompt: 700, completion: 300 });

    const res = await api.http.get('/api/usage').set('Authorization', await bearer(agency.admin));

    expect(res.status).toBe(200);
    const usage = res.body as Usage;
    const { generations } = await rowsOf(api.db, agency.tenant.id);
    const total = generations.reduce((sum, row) => sum + row.promptTokens + row.completionTokens, 0);
    expect(usage).toMatchObject({
      monthlyTokenQuota: 500_000,
      tokensUsed: total,
      tokensReserved: 0,
      tokensRemaining: 500_000 - total,
      generations: 3,
    });
    expect(usage.byCampaign).toHaveLength(3);
    expect(usage.byCampaign.reduce((sum, line) => sum + line.tokens, 0)).toBe(total);
    expect(usage.byClient.map((line) => [line.clientName, line.generations]).sort()).toEqual([
      ['Harbour Lights', 1],
      ['Northwind Coffee', 2],
    ]);
    expect(usage.byClient.find((line) => line.clientName === 'Harbour Lights')?.tokens).toBe(1_000);
    expect(new Date(usage.periodStart).getUTCDate()).toBe(1);

    const operator = await makePlatformAdmin(api.db);
    const tenant = await api.http
      .get(`/api/admin/tenants/${agency.tenant.id}`)
      .set('Authorization', await bearer(operator));
    expect(tenant.body.usage.tokensUsedThisMonth).toBe(total);

    const member = await api.http.get('/api/usage').set('Authorization', await bearer(agency.member));
    expect(member.status).toBe(403);
  });

  it('when the month’s tokens reach the quota, then the allowance says blocked to a member too, with the reset, and another agency is not blocked by it', async () => {
    const agency = await makeBrandAgency({ quota: 10_000 });
    const other = await makeBrandAgency({ quota: 10_000 });
    const allowance = async (user: TestUser) =>
      api.http.get('/api/usage/allowance').set('Authorization', await bearer(user));

    await makeGeneration(api.db, agency.campaign, { prompt: 6_000, completion: 3_999 });
    const open = await allowance(agency.member);
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ blocked: false, resetsAt: nextMonthStart() });

    await makeGeneration(api.db, agency.campaign, { prompt: 1, completion: 0 });
    expect((await allowance(agency.member)).body).toEqual({ blocked: true, resetsAt: nextMonthStart() });
    expect((await allowance(agency.admin)).body.blocked).toBe(true);
    expect((await allowance(other.member)).body.blocked).toBe(false);
  });
});

describe('runs no worker will finish', () => {
  it('when a run is unfinished but its job will never run (cancelled or gone), then the sweep ends it FAILED worker_lost, and a run whose job will still run is left alone', async () => {
    const tenant = await makeTenant(api.db);
    const client = await makeClient(api.db, tenant);
    const user = await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN' });
    const campaign = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.campaign.create({ data: { tenantId: tenant.id, clientId: client.id, name: 'Sweep' } }),
    );
    const queuedAt = new Date(Date.now() - 10 * 60_000);
    const [cancelled, missing, deferred] = await api.db.withTenantTx(tenant.id, (tx) =>
      Promise.all(
        (['RUNNING', 'RUNNING', 'QUEUED'] as const).map((status) =>
          tx.generation.create({
            data: { tenantId: tenant.id, campaignId: campaign.id, requestedById: user.id, status, queuedAt },
          }),
        ),
      ),
    );
    if (!cancelled || !missing || !deferred) throw new Error('the runs were not created');
    const { boss } = jobs;
    const send = (id: string) =>
      boss.send(
        GENERATION_QUEUE,
        { generationId: id, tenantId: tenant.id, requestId: 'sweep' },
        { id, startAfter: 3_600 },
      );
    await send(cancelled.id);
    await boss.cancel(GENERATION_QUEUE, cancelled.id);
    await send(deferred.id);

    const sweep = createGenerationSweeper({
      db: api.db,
      boss,
      jobs,
      metrics: createGenerationWorkerMetrics(new Registry()),
      logger: createLogger('sweeper-test', { level: 'silent' }),
    });
    expect(await sweep()).toBeGreaterThanOrEqual(2);

    const rows = await rowsOf(api.db, tenant.id);
    const statusOf = (id: string) => rows.generations.find((row) => row.id === id);
    for (const id of [cancelled.id, missing.id]) {
      expect(statusOf(id)).toMatchObject({
        status: 'FAILED',
        errorCode: 'worker_lost',
        finishedAt: expect.any(Date),
      });
    }
    expect(statusOf(deferred.id)?.status).toBe('QUEUED');
    expect(rows.events.map((event) => event.action)).toEqual(['generation.failed', 'generation.failed']);
    // Whoever started them hears that they failed, once per run.
    const notices = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.notification.findMany({ where: { userId: user.id, kind: 'GENERATION_FINISHED' } }),
    );
    expect(notices).toHaveLength(2);
    for (const notice of notices) {
      expect(notice).toMatchObject({ campaignId: campaign.id, data: { succeeded: false, produced: 0 } });
    }
    await boss.cancel(GENERATION_QUEUE, deferred.id);
  });
});

describe('operations', () => {
  it('when Prometheus scrapes the API and the worker, then generation requests, queue depth and outcomes are there', async () => {
    const agency = await makeBrandAgency();
    await generate(agency.member, agency.campaign.id, { numPosts: 1 }, { wait: true });
    const apiMetrics = await api.http.get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`);
    expect(apiMetrics.text).toMatch(/generation_requests_total\{kind="campaign",outcome="accepted"\} \d+/);
    expect(apiMetrics.text).toMatch(/generation_queue_depth\{status="QUEUED"\} \d+/);
    const workerUrl = `http://127.0.0.1:${worker.port}/metrics`;
    expect((await fetch(workerUrl)).status).toBe(401);
    const scrape = { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } };
    const workerMetrics = await (await fetch(workerUrl, scrape)).text();
    expect(workerMetrics).toMatch(
      /generation_outcomes_total\{kind="campaign",status="SUCCEEDED",error_code=""\} \d+/,
    );
    expect(workerMetrics).toMatch(/generation_tokens_total\{type="prompt"\} \d+/);
    const ready = await fetch(`http://127.0.0.1:${worker.port}/readyz`);
    expect(ready.status).toBe(200);
  });

  it.each([0, 500])(
    'when 10 posts and 5 reels are generated with ?wait=true and the offline model answers after %i ms, then all 15 arrive (timed)',
    async (latencyMs) => {
      const agency = await makeBrandAgency();
      ai.offline.faults.update({ latencyMs });
      const started = performance.now();
      const res = await generate(
        agency.member,
        agency.campaign.id,
        { numPosts: 10, numReels: 5, platforms: ['INSTAGRAM', 'TIKTOK', 'LINKEDIN'] },
        { wait: true },
      );
      const elapsedMs = Math.round(performance.now() - started);
      expect(res.body).toMatchObject({ status: 'SUCCEEDED', produced: 15 });
      console.log(
        `generation timing: 10 posts + 5 reels, offline model latency ${latencyMs} ms: POST to SUCCEEDED ${elapsedMs} ms (queued→finished ${res.body.durationMs} ms, AI service ${res.body.latencyMs} ms, ${res.body.totalTokens} tokens)`,
      );
    },
  );
});
