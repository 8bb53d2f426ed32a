import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '@muse/db';
import { keyPaths, mintLocalToken } from '@muse/local-auth';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, makeAgency, makeIdea, makeUser, type TestUser } from './test/factories.ts';
import {
  type AiStack,
  createPrivateDatabase,
  eventually,
  finishedBy,
  makeBriefedCampaign,
  type ServiceProcess,
  spawnApi,
  spawnWorker,
  startAiStack,
  workerEnv,
} from './test/generation-harness.ts';
import { createTestDatabase } from './test/owner-database.ts';
import { openSse, type SseClient } from './test/sse-client.ts';
import { TEST_METRICS_TOKEN, TEST_WEB_ORIGIN } from './test/test-app.ts';

/**
 * Muse scaled out as deployed: two API processes and two worker processes over one database and
 * the running Redis. Each process has its own memory, pools, job queue and listeners, so whatever
 * must hold across instances has to go through PostgreSQL or Redis.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const USER_LIMIT = 30;

interface Api {
  process: ServiceProcess;
  url: string;
  http: supertest.Agent;
}

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let db: Database;
let dataDir: string;
let apiA: Api;
let apiB: Api;
let workers: ServiceProcess[] = [];
const streams: SseClient[] = [];

async function startApi(): Promise<Api> {
  const api = spawnApi({
    DATABASE_URL: database.url,
    NODE_ENV: 'test',
    PORT: '0',
    MUSE_DATA_DIR: dataDir,
    WEB_ORIGIN: TEST_WEB_ORIGIN,
    REDIS_URL,
    RATE_LIMIT_PER_MINUTE: String(USER_LIMIT),
    // Every request here comes from 127.0.0.1, as other suites' processes on this Redis may too.
    RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    GENERATION_RATE_LIMIT_PER_MINUTE: '1000',
    // A sign-in lookup is reused for a minute: only an announced change can end it sooner.
    AUTH_CACHE_TTL_SECONDS: '60',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
  });
  const { url } = (await api.waitForLine('api listening', 40_000)) as { url: string };
  return { process: api, url, http: supertest.agent(url) };
}

async function startWorker(): Promise<ServiceProcess> {
  const worker = spawnWorker(workerEnv(database.url, ai.url, { GENERATION_WORKER_CONCURRENCY: '1' }));
  await worker.waitForLine('worker started', 40_000);
  return worker;
}

beforeAll(async () => {
  database = await createPrivateDatabase();
  ai = await startAiStack();
  db = createTestDatabase(database.url);
  // Both API processes verify local sign-in tokens with the key pair the test tokens are signed with.
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'muse-instances-'));
  const keys = keyPaths(dataDir);
  mkdirSync(keys.dir, { recursive: true });
  writeFileSync(keys.privateKey, inject('authPrivateKey'));
  writeFileSync(keys.publicKey, inject('authPublicKey'));
  const started = await Promise.allSettled([startApi(), startApi(), startWorker(), startWorker()]);
  const [a, b, ...pair] = started;
  if (a?.status === 'fulfilled') apiA = a.value;
  if (b?.status === 'fulfilled') apiB = b.value;
  workers = pair.flatMap((worker) => (worker.status === 'fulfilled' ? [worker.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 90_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  const children = [apiA?.process, apiB?.process, ...workers].filter((child) => child !== undefined);
  for (const { child } of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => child.exited));
  await db?.disconnect();
  await ai?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const remainingOf = (res: { headers: Record<string, string> }) =>
  Number(/"user"; r=(\d+)/.exec(res.headers.ratelimit ?? '')?.[1]);

async function generate(api: Api, user: TestUser, campaignId: string, key?: string) {
  const request = api.http
    .post(`/api/campaigns/${campaignId}/generate`)
    .set('Authorization', await bearer(user));
  if (key) request.set('Idempotency-Key', key);
  const res = await request.send({ numPosts: 2, numReels: 0 });
  expect(res.status).toBe(202);
  return res;
}

/** The tenant's generations once every one has ended. */
function settledGenerations(tenantId: string, count: number) {
  return eventually(async () => {
    const rows = await db.withTenantTx(tenantId, (tx) =>
      tx.generation.findMany({ select: { id: true, status: true, attempts: true, producedCount: true } }),
    );
    const ended = rows.filter((row) => row.status === 'SUCCEEDED' || row.status === 'FAILED');
    return rows.length === count && ended.length === count ? rows : undefined;
  }, 60_000);
}

function ideasOf(tenantId: string) {
  return db.withTenantTx(tenantId, (tx) => tx.idea.findMany({ select: { id: true, generationId: true } }));
}

/** Resolves once `api` answers GET /api/me with `status` for `auth`; fails after a second. */
function answersWithin1s(api: Api, auth: string, status: number) {
  return eventually(async () => {
    const res = await api.http.get('/api/me').set('Authorization', auth);
    return res.status === status ? res : undefined;
  }, 1_000);
}

async function streamOn(api: Api, tokenFrom: Api, user: TestUser): Promise<SseClient> {
  const issued = await tokenFrom.http.post('/api/events/token').set('Authorization', await bearer(user));
  expect(issued.status).toBe(200);
  const client = await openSse(`${api.url}/api/events?token=${encodeURIComponent(issued.body.token)}`);
  streams.push(client);
  expect(client.status).toBe(200);
  await eventually(async () => (client.comments.includes('open') ? true : undefined), 5_000);
  return client;
}

describe('two API processes and two workers over one database and Redis', () => {
  it('when a user’s requests alternate between the APIs, then they count against one limit held across both', async () => {
    const { member } = await makeAgency(db);
    const auth = await bearer(member);
    for (let i = 0; i < USER_LIMIT; i += 1) {
      const res = await (i % 2 === 0 ? apiA : apiB).http.get('/api/me').set('Authorization', auth);
      expect(res.status).toBe(200);
      // One counter: each answer, from either process, shows the requests of both.
      expect(remainingOf(res)).toBe(USER_LIMIT - i - 1);
    }
    for (const api of [apiA, apiB]) {
      const res = await api.http.get('/api/me').set('Authorization', auth);
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ error: { code: 'rate_limited' } });
    }
  });

  it('when one Idempotency-Key is sent to API A and API B at once and again later, then there is one generation with one set of ideas', async () => {
    const agency = await makeAgency(db);
    const campaign = await makeBriefedCampaign(db, agency, { platforms: ['INSTAGRAM'] });
    const key = `launch-${campaign.id}`;
    const raced = await Promise.all([
      generate(apiA, agency.member, campaign.id, key),
      generate(apiB, agency.member, campaign.id, key),
    ]);
    const later = await generate(apiB, agency.member, campaign.id, key);
    const ids = new Set([...raced, later].map((res) => res.body.generationId as string));
    expect(ids.size).toBe(1);
    expect(later.headers['idempotent-replayed']).toBe('true');

    const [generation] = await settledGenerations(agency.tenant.id, 1);
    expect(generation).toMatchObject({ status: 'SUCCEEDED', attempts: 1, producedCount: 2 });
    const ideas = await ideasOf(agency.tenant.id);
    expect(ideas).toHaveLength(2);
    expect(ideas.every((idea) => idea.generationId === generation?.id)).toBe(true);
  });

  it('when 12 generations are requested over both APIs, then the two workers run each exactly once, no idea is written twice, and a stream on API B follows every run', async () => {
    const agency = await makeAgency(db);
    const second = await makeUser(db, agency.tenant);
    const campaigns = await Promise.all(
      [1, 2, 3].map(() => makeBriefedCampaign(db, agency, { platforms: ['INSTAGRAM'] })),
    );
    const stream = await streamOn(apiB, apiA, agency.admin);
    ai.offline.faults.update({ latencyMs: 200 });
    try {
      const requested = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          generate(
            index % 2 === 0 ? apiA : apiB,
            index % 3 === 0 ? second : agency.member,
            campaigns[index % 3]?.id ?? '',
          ),
        ),
      );
      const ids = requested.map((res) => res.body.generationId as string);
      expect(new Set(ids).size).toBe(12);

      const generations = await settledGenerations(agency.tenant.id, 12);
      expect(
        generations.every(
          (row) => row.status === 'SUCCEEDED' && row.attempts === 1 && row.producedCount === 2,
        ),
      ).toBe(true);
      const ideas = await ideasOf(agency.tenant.id);
      expect(ideas).toHaveLength(24);
      expect(new Set(ideas.map((idea) => idea.id)).size).toBe(24);
      for (const id of ids) expect(ideas.filter((idea) => idea.generationId === id)).toHaveLength(2);

      const perWorker = workers.map((worker) => ids.filter((id) => finishedBy(worker, id)).length);
      expect(perWorker.every((count) => count > 0)).toBe(true);
      expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(12);

      for (const id of ids) {
        await stream.waitFor(
          (frame) =>
            frame.type === 'generation.progress' &&
            frame.data.generationId === id &&
            frame.data.status === 'SUCCEEDED',
          10_000,
        );
      }
    } finally {
      ai.offline.faults.reset();
    }
  });

  it('when an idea is changed through API A, then a stream opened on API B receives the change', async () => {
    const agency = await makeAgency(db);
    const campaign = await makeBriefedCampaign(db, agency);
    const idea = await makeIdea(db, campaign, { status: 'GENERATED' });
    const stream = await streamOn(apiB, apiA, agency.admin);
    const auth = await bearer(agency.admin);
    const current = await apiA.http.get(`/api/ideas/${idea.id}`).set('Authorization', auth);
    const res = await apiA.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', auth)
      .send({ version: current.body.version, title: 'Oat latte, slowly' });
    expect(res.status).toBe(200);
    const { frame } = await stream.waitFor(
      (candidate) => candidate.type === 'idea.changed' && candidate.data.ideaId === idea.id,
    );
    expect(frame.data).toMatchObject({ ideaId: idea.id, version: res.body.version });
  });

  it('when a user is disabled through API A, then API B, which had its sign-in cached, refuses it within a second', async () => {
    const { admin, member } = await makeAgency(db);
    const auth = await bearer(member);
    expect((await apiB.http.get('/api/me').set('Authorization', auth)).status).toBe(200);
    const res = await apiA.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', await bearer(admin))
      .send({ status: 'DISABLED' });
    expect(res.status).toBe(200);
    const refused = await answersWithin1s(apiB, auth, 403);
    expect(refused.body).toMatchObject({
      error: { code: 'forbidden', details: [{ reason: 'user_disabled' }] },
    });
  });

  it('when a session is signed out through API A, then API B, which had it as active, refuses its token within a second', async () => {
    const { member } = await makeAgency(db);
    const opened = await apiA.http.post('/api/sessions').set('Authorization', await bearer(member));
    expect(opened.status).toBe(201);
    const token = await mintLocalToken(inject('authPrivateKey'), {
      subject: member.authSubject ?? '',
      authorizedParty: TEST_WEB_ORIGIN,
      sessionId: opened.body.id,
    });
    const auth = `Bearer ${token}`;
    expect((await apiB.http.get('/api/me').set('Authorization', auth)).status).toBe(200);
    expect((await apiA.http.delete('/api/sessions/current').set('Authorization', auth)).status).toBe(204);
    const refused = await answersWithin1s(apiB, auth, 401);
    expect(refused.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
