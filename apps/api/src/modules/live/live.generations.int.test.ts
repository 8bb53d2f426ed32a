import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency } from '../../test/factories.ts';
import {
  type AiStack,
  createPrivateDatabase,
  makeBriefedCampaign,
  startAiStack,
  startInProcessWorker,
  workerEnv,
} from '../../test/generation-harness.ts';
import { openSse, type SseClient } from '../../test/sse-client.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let ai: AiStack;
let api: TestApp;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
const streams: SseClient[] = [];

beforeAll(async () => {
  database = await createPrivateDatabase();
  ai = await startAiStack();
  api = await startTestApp({ env: { DATABASE_URL: database.url, GENERATION_RATE_LIMIT_PER_MINUTE: '1000' } });
  worker = await startInProcessWorker(
    workerEnv(database.url, ai.url, { GENERATION_SWEEP_INTERVAL_SECONDS: '3600' }),
  );
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await worker?.stop(2_000);
  await api?.close();
  await ai?.close();
  await database?.drop();
});

async function streamOf(user: { authSubject: string | null }): Promise<SseClient> {
  const issued = await api.http.post('/api/events/token').set('Authorization', await bearer(user));
  const client = await openSse(`${api.url}/api/events?token=${encodeURIComponent(issued.body.token)}`);
  streams.push(client);
  return client;
}

describe('the live stream: generations', () => {
  it('when the worker claims and finishes a run, then the agency’s streams follow its progress and the client’s hear nothing of it', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeBriefedCampaign(api.db, agency, { platforms: ['INSTAGRAM'] });
    const member = await streamOf(agency.member);
    const contact = await streamOf(agency.contact);
    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/generate`)
      .set('Authorization', await bearer(agency.member))
      .send({ numPosts: 2, numReels: 0 });
    expect(res.status).toBe(202);
    const generationId = res.body.generationId as string;

    const finished = await member.waitFor(
      (frame) => frame.type === 'generation.progress' && frame.data.status === 'SUCCEEDED',
      30_000,
    );
    const progress = member.frames.flatMap(({ frame }) =>
      frame.type === 'generation.progress'
        ? [{ status: frame.data.status, produced: frame.data.produced }]
        : [],
    );
    // Claimed, its one batch finished, written.
    expect(progress).toEqual([
      { status: 'RUNNING', produced: 0 },
      { status: 'RUNNING', produced: 2 },
      { status: 'SUCCEEDED', produced: 2 },
    ]);
    expect(finished.frame.data).toMatchObject({ generationId, campaignId: campaign.id });
    // The requester's notification of the finished run reaches its own stream too.
    await member.waitFor((frame) => frame.type === 'notification.created');
    expect(contact.frames).toEqual([]);
  });
});
