import { LIVE_STREAM_TOKEN_SECONDS, type LiveEventFrame, REVIEW_LINK_HEADER } from '@muse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makeIdea,
  makeReviewLink,
  makeUser,
  type TestReviewLink,
  type TestUser,
} from '../../test/factories.ts';
import { ownerOf } from '../../test/owner-database.ts';
import { openSse, type SseClient } from '../../test/sse-client.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { pruneLiveEvents } from './live.prune.job.ts';
import { liveEvent, publishLive } from './live.publish.ts';

// Two API processes' worth of app, each with its own listener: changes go through A, streams read B.
let apiA: TestApp;
let apiB: TestApp;
const streams: SseClient[] = [];
beforeAll(async () => {
  [apiA, apiB] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all([apiA.close(), apiB.close()]);
});

async function userToken(user: TestUser): Promise<string> {
  const res = await apiA.http.post('/api/events/token').set('Authorization', await bearer(user));
  expect(res.status).toBe(200);
  return res.body.token;
}

async function linkToken(link: TestReviewLink): Promise<string> {
  const res = await apiA.http.post('/api/review/events/token').set(REVIEW_LINK_HEADER, link.token);
  expect(res.status).toBe(200);
  return res.body.token;
}

async function stream(
  token: string,
  options: { lastEventId?: string; header?: string; api?: TestApp } = {},
): Promise<SseClient> {
  const query = new URLSearchParams({
    token,
    ...(options.lastEventId ? { lastEventId: options.lastEventId } : {}),
  });
  const opened = await openSse(
    `${(options.api ?? apiB).url}/api/events?${query}`,
    options.header ? { 'Last-Event-ID': options.header } : {},
  );
  streams.push(opened);
  expect(opened.status).toBe(200);
  await waitUntil(() => opened.comments.includes('open'));
  return opened;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function patchIdea(user: TestUser, idea: { id: string }, body: Record<string, unknown>) {
  const current = await apiA.http.get(`/api/ideas/${idea.id}`).set('Authorization', await bearer(user));
  const res = await apiA.http
    .patch(`/api/ideas/${idea.id}`)
    .set('Authorization', await bearer(user))
    .send({ version: current.body.version, ...body });
  expect(res.status).toBe(200);
  return res.body as { id: string; version: number; status: string };
}

const aboutIdea = (ideaId: string) => (frame: LiveEventFrame) =>
  'ideaId' in frame.data && frame.data.ideaId === ideaId;
const ideaIdsOf = (client: SseClient) =>
  client.frames.flatMap(({ frame }) => ('ideaId' in frame.data ? [frame.data.ideaId] : []));

/** An agency with two clients, two campaigns of the first client, and a review link to each. */
async function world() {
  const agency = await makeAgency(apiA.db);
  const campaign = await makeCampaign(apiA.db, agency.tenant, agency.client);
  const sibling = await makeCampaign(apiA.db, agency.tenant, agency.client);
  const otherClient = await makeClient(apiA.db, agency.tenant);
  const otherContact = await makeUser(apiA.db, agency.tenant, { role: 'CLIENT', client: otherClient });
  const otherClientCampaign = await makeCampaign(apiA.db, agency.tenant, otherClient);
  return {
    ...agency,
    campaign,
    sibling,
    otherContact,
    otherClientCampaign,
    link: await makeReviewLink(apiA.db, campaign),
    siblingLink: await makeReviewLink(apiA.db, sibling),
  };
}

describe('the live stream: delivery between processes', () => {
  it('when changes are made through API A, then a stream on API B receives each within a second (p95 over 100)', async () => {
    const { admin, campaign } = await world();
    const idea = await makeIdea(apiA.db, campaign, { status: 'GENERATED' });
    const client = await stream(await userToken(admin));
    const latencies: number[] = [];
    let version = idea.version;
    for (let i = 0; i < 100; i += 1) {
      const started = performance.now();
      const res = await apiA.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', await bearer(admin))
        .send({ version, title: `Take ${i}` });
      expect(res.status).toBe(200);
      version = res.body.version;
      const { at } = await client.waitFor(
        (frame) =>
          frame.type === 'idea.changed' && frame.data.ideaId === idea.id && frame.data.version === version,
        2_000,
      );
      latencies.push(at - started);
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.ceil(q * latencies.length) - 1] as number;
    console.log(
      `live stream A→B over 100 changes: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${p(1).toFixed(1)} ms`,
    );
    expect(p(0.95)).toBeLessThanOrEqual(1_000);
  });

  it('when a stream resumes from the last event it received, then it receives every event it missed, by header or by query', async () => {
    const { admin, campaign } = await world();
    const idea = await makeIdea(apiA.db, campaign, { status: 'GENERATED' });
    const first = await stream(await userToken(admin));
    await patchIdea(admin, idea, { title: 'Seen' });
    const seen = await first.waitFor(aboutIdea(idea.id));
    first.close();

    const missed: number[] = [];
    for (const title of ['Missed one', 'Missed two', 'Missed three']) {
      missed.push((await patchIdea(admin, idea, { title })).version);
    }
    const versionsOf = (client: SseClient) =>
      client.frames.flatMap(({ frame }) => (frame.type === 'idea.changed' ? [frame.data.version] : []));
    const byHeader = await stream(await userToken(admin), { header: seen.frame.id });
    const byQuery = await stream(await userToken(admin), { lastEventId: seen.frame.id });
    for (const resumed of [byHeader, byQuery]) {
      await resumed.waitFor((frame) => frame.type === 'idea.changed' && frame.data.version === missed[2]);
      expect(versionsOf(resumed)).toEqual(missed);
      expect(resumed.frames.every(({ frame }) => BigInt(frame.id) > BigInt(seen.frame.id))).toBe(true);
    }

    // Live events keep coming after the replay, once each.
    const next = (await patchIdea(admin, idea, { title: 'Live again' })).version;
    await byHeader.waitFor((frame) => frame.type === 'idea.changed' && frame.data.version === next);
    expect(versionsOf(byHeader)).toEqual([...missed, next]);
  });

  it('when the listening connection is lost, then a stream still receives what was announced until it was back', async () => {
    const { admin, campaign } = await world();
    const idea = await makeIdea(apiA.db, campaign, { status: 'GENERATED' });
    const client = await stream(await userToken(admin));
    await patchIdea(admin, idea, { title: 'Before the outage' });
    await client.waitFor(aboutIdea(idea.id));
    await ownerOf(apiA.db).client.$queryRaw`
      select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'listen-live_events'`;
    const during = (await patchIdea(admin, idea, { title: 'During the outage' })).version;
    await client.waitFor(
      (frame) =>
        frame.type === 'idea.changed' && frame.data.ideaId === idea.id && frame.data.version === during,
      10_000,
    );
  });

  it('when a stream resumes from an event the tenant no longer keeps, then it is told to refetch (stream.reset)', async () => {
    const { admin } = await world();
    const client = await stream(await userToken(admin), { lastEventId: '1' });
    const { frame } = await client.waitFor((received) => received.type === 'stream.reset');
    expect(frame.data).toEqual({});
  });

  it('when the transaction of a change rolls back, then no stream hears of it', async () => {
    const { tenant, admin, campaign } = await world();
    const rolledBack = await makeIdea(apiA.db, campaign, { status: 'GENERATED' });
    const committed = await makeIdea(apiA.db, campaign, { status: 'GENERATED' });
    const client = await stream(await userToken(admin));
    await expect(
      apiA.db.withTenantTx(tenant.id, async (tx) => {
        await publishLive(tx, tenant.id, [liveEvent.ideaChanged({ ...rolledBack, version: 2 }, true)]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await patchIdea(admin, committed, { title: 'Committed' });
    await client.waitFor(aboutIdea(committed.id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ideaIdsOf(client)).not.toContain(rolledBack.id);
    const stored = await apiA.db.withTenantTx(tenant.id, (tx) =>
      tx.liveEvent.count({ where: { data: { path: ['ideaId'], equals: rolledBack.id } } }),
    );
    expect(stored).toBe(0);
  });
});

describe('the live stream: who receives what', () => {
  it('when the agency edits drafts, sends ideas and comments, then each stream receives only what its reader may read', async () => {
    const w = await world();
    const other = await makeAgency(apiA.db);
    const otherCampaign = await makeCampaign(apiA.db, other.tenant, other.client);
    const draft = await makeIdea(apiA.db, w.campaign, { status: 'GENERATED' });
    const toSend = await makeIdea(apiA.db, w.campaign, { status: 'GENERATED' });
    const pending = await makeIdea(apiA.db, w.campaign, { status: 'PENDING_CLIENT' });
    const siblingPending = await makeIdea(apiA.db, w.sibling, { status: 'PENDING_CLIENT' });
    const otherClientPending = await makeIdea(apiA.db, w.otherClientCampaign, { status: 'PENDING_CLIENT' });
    const otherTenantIdea = await makeIdea(apiA.db, otherCampaign, { status: 'GENERATED' });

    const agency = await stream(await userToken(w.member));
    const contact = await stream(await userToken(w.contact));
    const otherContact = await stream(await userToken(w.otherContact));
    const holder = await stream(await linkToken(w.link));
    const siblingHolder = await stream(await linkToken(w.siblingLink));
    const otherTenant = await stream(await userToken(other.admin));

    await patchIdea(w.admin, draft, { title: 'A draft the client never sees' });
    await patchIdea(w.admin, toSend, { status: 'PENDING_CLIENT' });
    const internal = await apiA.http
      .post(`/api/ideas/${pending.id}/comments`)
      .set('Authorization', await bearer(w.admin))
      .send({ body: 'Between us', visibility: 'INTERNAL' });
    const forClient = await apiA.http
      .post(`/api/ideas/${pending.id}/comments`)
      .set('Authorization', await bearer(w.admin))
      .send({ body: 'For you', visibility: 'CLIENT' });
    expect([internal.status, forClient.status]).toEqual([201, 201]);
    await patchIdea(w.contact, pending, { status: 'CLIENT_APPROVED' });
    await patchIdea(w.admin, siblingPending, { status: 'GENERATED' });
    // Back in drafts: what the agency does with it now is its own.
    await patchIdea(w.admin, siblingPending, { title: 'Reworked in private' });
    await patchIdea(w.admin, otherClientPending, { status: 'GENERATED' });
    await patchIdea(other.admin, otherTenantIdea, { status: 'PENDING_CLIENT' });

    // The last change of each tenant has reached its agency; give every other stream as long again.
    await agency.waitFor(aboutIdea(otherClientPending.id));
    await otherTenant.waitFor(aboutIdea(otherTenantIdea.id));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const commentsOf = (client: SseClient) =>
      client.frames.flatMap(({ frame }) => (frame.type === 'comment.added' ? [frame.data.commentId] : []));
    expect(new Set(ideaIdsOf(agency))).toEqual(
      new Set([draft.id, toSend.id, pending.id, siblingPending.id, otherClientPending.id]),
    );
    expect(commentsOf(agency)).toEqual([internal.body.id, forClient.body.id]);
    // The client: the sending and its own answer, the comment meant for it; not the draft, nor the
    // internal note. Its contact also hears of the withdrawal in its other campaign; the link only of its own.
    expect(new Set(ideaIdsOf(contact))).toEqual(new Set([toSend.id, pending.id, siblingPending.id]));
    expect(new Set(ideaIdsOf(holder))).toEqual(new Set([toSend.id, pending.id]));
    for (const client of [contact, holder]) {
      expect(commentsOf(client)).toEqual([forClient.body.id]);
      expect(client.frames.some(({ frame }) => frame.type === 'generation.progress')).toBe(false);
    }
    expect(ideaIdsOf(siblingHolder)).toEqual([siblingPending.id]);
    expect(siblingHolder.frames[0]?.frame.data).toEqual({
      ideaId: siblingPending.id,
      campaignId: w.sibling.id,
      status: 'GENERATED',
      version: expect.any(Number),
    });
    expect(ideaIdsOf(otherContact)).toEqual([otherClientPending.id]);
    expect(new Set(ideaIdsOf(otherTenant))).toEqual(new Set([otherTenantIdea.id]));
  });

  it('when a notification is created, then only its recipient’s stream hears of it', async () => {
    const w = await world();
    const pending = await makeIdea(apiA.db, w.campaign, { status: 'PENDING_CLIENT' });
    const admin = await stream(await userToken(w.admin));
    const member = await stream(await userToken(w.member));
    const contact = await stream(await userToken(w.contact));
    await patchIdea(w.contact, pending, { status: 'CLIENT_APPROVED' });
    await admin.waitFor(aboutIdea(pending.id));
    await member.waitFor(aboutIdea(pending.id));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const notified = await apiA.db.withTenantTx(w.tenant.id, (tx) =>
      tx.notification.findMany({ where: { ideaId: pending.id }, select: { id: true, userId: true } }),
    );
    expect(notified.length).toBeGreaterThan(0);
    for (const [user, client] of [
      [w.admin, admin],
      [w.member, member],
      [w.contact, contact],
    ] as const) {
      const received = client.frames.flatMap(({ frame }) =>
        frame.type === 'notification.created' ? [frame.data.notificationId] : [],
      );
      expect(received.sort()).toEqual(
        notified
          .filter((notification) => notification.userId === user.id)
          .map((notification) => notification.id)
          .sort(),
      );
    }
  });

  it('when a resumed stream replays, then it replays only what its reader may read', async () => {
    const w = await world();
    const draft = await makeIdea(apiA.db, w.campaign, { status: 'GENERATED' });
    const toSend = await makeIdea(apiA.db, w.campaign, { status: 'GENERATED' });
    const agency = await stream(await userToken(w.admin));
    await patchIdea(w.admin, draft, { title: 'First' });
    const { frame } = await agency.waitFor(aboutIdea(draft.id));
    await patchIdea(w.admin, draft, { title: 'Unsent draft edit' });
    await patchIdea(w.admin, toSend, { status: 'PENDING_CLIENT' });
    await agency.waitFor(aboutIdea(toSend.id));

    const contact = await stream(await userToken(w.contact), { lastEventId: frame.id });
    await contact.waitFor(aboutIdea(toSend.id));
    expect(ideaIdsOf(contact)).toEqual([toSend.id]);
  });
});

describe('the live stream: the connection', () => {
  it('when a stream opens, then its headers keep proxies from buffering, caching or compressing it', async () => {
    const { admin } = await world();
    const client = await stream(await userToken(admin));
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.headers.get('x-accel-buffering')).toBe('no');
    expect(client.headers.get('connection')).toBe('keep-alive');
    expect(client.headers.get('content-encoding')).toBeNull();
  });

  it('when the token is missing, forged or the Last-Event-ID is not an event id, then the answer is the error envelope', async () => {
    const { admin } = await world();
    const token = await userToken(admin);
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    for (const path of ['/api/events', `/api/events?token=${encodeURIComponent(forged)}`]) {
      const res = await apiB.http.get(path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    const byHeader = await apiB.http
      .get(`/api/events?token=${encodeURIComponent(token)}`)
      .set('Last-Event-ID', 'yesterday');
    expect(byHeader.status).toBe(400);
    expect(byHeader.body.error).toMatchObject({
      code: 'invalid_input',
      details: [{ path: ['Last-Event-ID'] }],
    });
    const byQuery = await apiB.http.get(`/api/events?token=${encodeURIComponent(token)}&lastEventId=-3`);
    expect(byQuery.status).toBe(400);
    expect(byQuery.body.error).toMatchObject({ code: 'invalid_input', details: [{ path: ['lastEventId'] }] });
  });

  it('when a token is issued, then it lasts LIVE_STREAM_TOKEN_SECONDS and a session or link that is not valid gets none', async () => {
    const { admin } = await world();
    const before = Date.now();
    const res = await apiA.http.post('/api/events/token').set('Authorization', await bearer(admin));
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + LIVE_STREAM_TOKEN_SECONDS * 1000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + LIVE_STREAM_TOKEN_SECONDS * 1000);
    expect((await apiA.http.post('/api/events/token')).status).toBe(401);
    expect((await apiA.http.post('/api/review/events/token').set(REVIEW_LINK_HEADER, 'nope')).status).toBe(
      401,
    );
  });

  it('when the client goes away or the process shuts down, then the stream is let go', async () => {
    const { admin } = await world();
    const third = await startTestApp();
    try {
      const token = await userToken(admin);
      const leaving = await stream(token, { api: third });
      const staying = await stream(token, { api: third });
      expect(third.live.size()).toBe(2);
      leaving.close();
      await waitUntil(() => third.live.size() === 1);
      await third.live.close();
      await staying.ended;
      expect(third.live.size()).toBe(0);
    } finally {
      await third.close();
    }
  });
});

describe('pruning live events', () => {
  it('when events are older than a day, then the prune deletes them and keeps the rest', async () => {
    const { tenant, campaign } = await world();
    const old = await makeIdea(apiA.db, campaign);
    const recent = await makeIdea(apiA.db, campaign);
    await apiA.db.withTenantTx(tenant.id, (tx) =>
      publishLive(tx, tenant.id, [liveEvent.ideaChanged(old, false), liveEvent.ideaChanged(recent, false)]),
    );
    await ownerOf(apiA.db).client.$executeRaw`
      update live_events set created_at = now() - interval '25 hours' where data->>'ideaId' = ${old.id}`;
    expect(await pruneLiveEvents(apiA.db)).toBeGreaterThanOrEqual(1);
    const left = await apiA.db.withTenantTx(tenant.id, (tx) =>
      tx.liveEvent.findMany({ select: { data: true } }),
    );
    expect(left.map((row) => (row.data as { ideaId: string }).ideaId)).toEqual([recent.id]);
  });
});
