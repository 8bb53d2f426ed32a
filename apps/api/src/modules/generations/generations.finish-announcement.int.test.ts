import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeCampaign } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { generationsRepository } from './generations.repository.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const FAILED = { status: 'FAILED' as const, errorCode: 'timeout', tokens: { prompt: 0, completion: 0 } };

async function queuedRun() {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const run = await api.db.withTenantTx(campaign.tenantId, (tx) =>
    tx.generation.create({
      data: { tenantId: campaign.tenantId, campaignId: campaign.id, requestedPosts: 1 },
    }),
  );
  return { tenantId: campaign.tenantId, id: run.id };
}

/** Which settles first: the wait, or `ms` later. */
const firstOf = (wait: Promise<void>, ms: number) =>
  Promise.race([wait.then(() => 'woken' as const), sleep(ms).then(() => 'still waiting' as const)]);

describe('a finished run is announced to the requests waiting on it', () => {
  it('when a run ends, then a wait on it wakes long before its timeout', async () => {
    const run = await queuedRun();
    const wait = api.generationQueue.untilFinished(run.id, 60_000, new AbortController().signal);
    const ended = await api.db.withTenantTx(run.tenantId, (tx) =>
      generationsRepository.finishAbandoned(tx, run.id, FAILED),
    );
    expect(ended).not.toBeNull();
    expect(await firstOf(wait, 10_000)).toBe('woken');
  });

  it('when the transaction that ends a run rolls back, then nothing is announced', async () => {
    const run = await queuedRun();
    const wait = api.generationQueue.untilFinished(run.id, 60_000, new AbortController().signal);
    await expect(
      api.db.withTenantTx(run.tenantId, async (tx) => {
        await generationsRepository.finishAbandoned(tx, run.id, FAILED);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await firstOf(wait, 1_000)).toBe('still waiting');
  });

  it('when the caller goes away, then its wait ends', async () => {
    const run = await queuedRun();
    const caller = new AbortController();
    const wait = api.generationQueue.untilFinished(run.id, 60_000, caller.signal);
    caller.abort();
    expect(await firstOf(wait, 10_000)).toBe('woken');
  });
});
