import type { Generation } from '@muse/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency } from '../../test/factories.ts';
import {
  type AiStack,
  createPrivateDatabase,
  eventually,
  finishedBy,
  makeBriefedCampaign,
  type ServiceProcess,
  spawnWorker,
  startAiStack,
  workerEnv,
} from '../../test/generation-harness.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let api: TestApp;
const workers: ServiceProcess[] = [];

beforeAll(async () => {
  database = await createPrivateDatabase();
  ai = await startAiStack();
  api = await startTestApp({ env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '1000' } });
});
afterEach(async () => {
  for (const worker of workers.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await worker.exited;
  }
  ai.offline.faults.reset();
});
afterAll(async () => {
  await api?.close();
  await ai?.close();
  await database?.drop();
});

/** A worker process taking one job at a time. */
async function startWorkerProcess() {
  const worker = spawnWorker(workerEnv(database.url, ai.url, { GENERATION_WORKER_CONCURRENCY: '1' }));
  workers.push(worker);
  await worker.waitForLine('worker started');
  return worker;
}

function ideasOf(tenantId: string) {
  return api.db.withTenantTx(tenantId, async (tx) => ({
    ideas: await tx.idea.findMany({ select: { id: true, generationId: true } }),
    revisions: await tx.ideaRevision.count(),
    generated: await tx.activityEvent.count({ where: { action: 'idea.generated' } }),
  }));
}

describe('generation workers as processes', () => {
  it('when a worker is killed (SIGKILL) during the AI call, then another worker completes the job and its ideas exist exactly once', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeBriefedCampaign(api.db, agency, { platforms: ['INSTAGRAM'] });
    ai.offline.faults.update({ latencyMs: 3_000 });
    const pair = await Promise.all([startWorkerProcess(), startWorkerProcess()]);

    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/generate`)
      .set('Authorization', await bearer(agency.member))
      .send({ numPosts: 1, numReels: 0 });
    expect(res.status).toBe(202);
    const generationId = res.body.generationId as string;
    const requestId = res.headers['x-request-id'];
    // One worker holds the job and waits for the LLM's answer: that one dies.
    const doomed = await eventually(async () =>
      pair.find((worker) =>
        worker.lines.some((line) => line.msg === 'generation claimed' && line.generationId === generationId),
      ),
    );
    const survivor = pair.find((worker) => worker !== doomed) as ServiceProcess;
    await eventually(async () =>
      ai.offline.requests.some((request) => request.requestId === requestId && request.status === null)
        ? true
        : undefined,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect(doomed.child.signalCode).toBe('SIGKILL');
    ai.offline.faults.update({ latencyMs: 0 });

    const generation = await eventually(async () => {
      const read = await api.http
        .get(`/api/generations/${generationId}`)
        .set('Authorization', await bearer(agency.member));
      const body = read.body as Generation;
      return body.status === 'SUCCEEDED' || body.status === 'FAILED' ? body : undefined;
    }, 60_000);

    expect(generation).toMatchObject({ status: 'SUCCEEDED', attempts: 2, produced: 1 });
    expect(finishedBy(survivor, generationId)).toBe(true);
    expect(finishedBy(doomed, generationId)).toBe(false);
    const written = await ideasOf(agency.tenant.id);
    expect(written.ideas).toEqual([{ id: generation.ideaIds[0], generationId }]);
    expect(written.revisions).toBe(1);
    expect(written.generated).toBe(1);
  }, 90_000);

  it('when two workers take 20 queued generations, then all 20 SUCCEED once each, with no idea written twice', async () => {
    const agency = await makeAgency(api.db);
    const campaigns = await Promise.all(
      [1, 2, 3, 4].map(() => makeBriefedCampaign(api.db, agency, { platforms: ['INSTAGRAM'] })),
    );
    const auth = await bearer(agency.member);
    const ids: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const res = await api.http
        .post(`/api/campaigns/${campaigns[index % 4]?.id}/generate`)
        .set('Authorization', auth)
        .send({ numPosts: 2, numReels: 0 });
      expect(res.status).toBe(202);
      ids.push(res.body.generationId);
    }
    ai.offline.faults.update({ latencyMs: 300 });
    const pair = await Promise.all([startWorkerProcess(), startWorkerProcess()]);

    const generations = await eventually(async () => {
      const rows = await api.db.withTenantTx(agency.tenant.id, (tx) =>
        tx.generation.findMany({ select: { id: true, status: true, attempts: true, producedCount: true } }),
      );
      return rows.every((row) => row.status === 'SUCCEEDED' || row.status === 'FAILED') ? rows : undefined;
    }, 60_000);

    expect(generations).toHaveLength(20);
    expect(generations.every((row) => row.status === 'SUCCEEDED' && row.producedCount === 2)).toBe(true);
    const written = await ideasOf(agency.tenant.id);
    expect(written.ideas).toHaveLength(40);
    expect(new Set(written.ideas.map((idea) => idea.id)).size).toBe(40);
    for (const id of ids) {
      expect(written.ideas.filter((idea) => idea.generationId === id)).toHaveLength(2);
    }
    expect(written.revisions).toBe(40);
    const perWorker = pair.map((worker) => ids.filter((id) => finishedBy(worker, id)).length);
    expect(perWorker[0]).toBeGreaterThan(0);
    expect(perWorker[1]).toBeGreaterThan(0);
    expect((perWorker[0] ?? 0) + (perWorker[1] ?? 0)).toBe(20);

    // SIGTERM: each worker drains and exits cleanly.
    for (const worker of pair) worker.child.kill('SIGTERM');
    expect(await Promise.all(pair.map((worker) => worker.exited))).toEqual([0, 0]);
  }, 90_000);
});
