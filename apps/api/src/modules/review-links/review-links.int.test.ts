import { createHash } from 'node:crypto';
import { REVIEW_LINK_HEADER } from '@muse/contracts';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeIdea,
  makeReviewLink,
  type TestUser,
} from '../../test/factories.ts';
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const tokenOf = (url: string) => url.slice(`${TEST_WEB_ORIGIN}/review/`.length);

/** An agency with a campaign whose ideas wait for the client, and a draft it has not sent. */
async function sharedCampaign() {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { name: 'Spring Menu' });
  const pending = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT', title: 'Crumb close-ups' });
  const second = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT', title: 'Oven at dawn' });
  const draft = await makeIdea(api.db, campaign, { status: 'GENERATED', title: 'Unsent draft' });
  return { ...agency, campaign, pending, second, draft };
}

async function createLink(user: TestUser, campaignId: string, body: Record<string, unknown>) {
  return api.http
    .post(`/api/campaigns/${campaignId}/review-links`)
    .set('Authorization', await bearer(user))
    .send(body);
}

const asHolder = (token: string) => ({
  get: (path: string) => api.http.get(path).set(REVIEW_LINK_HEADER, token),
  patch: (path: string, body: object) => api.http.patch(path).set(REVIEW_LINK_HEADER, token).send(body),
  post: (path: string, body: object) => api.http.post(path).set(REVIEW_LINK_HEADER, token).send(body),
});

const linkRow = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, (tx) => tx.reviewLink.findUniqueOrThrow({ where: { id } }));

/** The answer carries the error and nothing of the link, campaign or ideas. */
function expectNoData(res: Response, code: string) {
  expect(res.body).toEqual({ error: { code, message: expect.any(String), requestId: expect.any(String) } });
}

describe('agency: sharing a campaign for review', () => {
  it('when a member shares a campaign, then the address holds a 32-byte token answered once, stored only as its hash, expiring in 14 days', async () => {
    const { tenant, member, campaign } = await sharedCampaign();
    const before = Date.now();
    const res = await createLink(member, campaign.id, { reviewerName: 'Dana Whitfield' });
    expect(res.status).toBe(201);
    const token = tokenOf(res.body.url);
    expect(res.body.url).toBe(`${TEST_WEB_ORIGIN}/review/${token}`);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(res.body.link).toMatchObject({
      campaignId: campaign.id,
      reviewerName: 'Dana Whitfield',
      reviewerEmail: null,
      state: 'ACTIVE',
      lastUsedAt: null,
    });
    const expiresIn = Date.parse(res.body.link.expiresAt) - before;
    expect(expiresIn).toBeGreaterThanOrEqual(14 * 86_400_000);
    expect(expiresIn).toBeLessThan(14 * 86_400_000 + 60_000);

    const row = await linkRow(tenant.id, res.body.link.id);
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await api.http
      .get(`/api/campaigns/${campaign.id}/review-links`)
      .set('Authorization', await bearer(member));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([res.body.link]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({ where: { entityId: campaign.id, action: 'campaign.review_link_created' } }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        actorId: member.id,
        data: {
          name: 'Spring Menu',
          linkId: res.body.link.id,
          reviewerName: 'Dana Whitfield',
          mailed: false,
          expiresAt: res.body.link.expiresAt,
        },
      }),
    ]);
  });

  it('when the expiry is outside 1 to 90 days or the reviewer has no name, then it is 400 and no link is made', async () => {
    const { tenant, admin, campaign } = await sharedCampaign();
    for (const body of [
      { reviewerName: 'Dana', expiresInDays: 0 },
      { reviewerName: 'Dana', expiresInDays: 91 },
      { reviewerName: '  ' },
      { reviewerName: 'Dana', reviewerEmail: 'not-an-email' },
    ]) {
      const res = await createLink(admin, campaign.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const rows = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.reviewLink.count({ where: { campaignId: campaign.id } }),
    );
    expect(rows).toBe(0);
  });

  it('when a link is made for a reviewer who has one, then the old link stops working and other reviewers keep theirs', async () => {
    const { tenant, admin, campaign } = await sharedCampaign();
    const first = await createLink(admin, campaign.id, {
      reviewerName: 'Dana',
      reviewerEmail: 'dana@client.test',
    });
    const byName = await createLink(admin, campaign.id, { reviewerName: 'Sam' });
    const other = await createLink(admin, campaign.id, {
      reviewerName: 'Lee',
      reviewerEmail: 'lee@client.test',
    });
    const again = await createLink(admin, campaign.id, {
      reviewerName: 'Dana W.',
      reviewerEmail: 'DANA@client.test',
    });
    const sameName = await createLink(admin, campaign.id, { reviewerName: 'sam', expiresInDays: 3 });
    expect([again.status, sameName.status]).toEqual([201, 201]);

    for (const old of [first, byName]) {
      const res = await asHolder(tokenOf(old.body.url)).get('/api/review');
      expect(res.status).toBe(410);
      expectNoData(res, 'review_link_revoked');
    }
    for (const live of [other, again, sameName]) {
      expect((await asHolder(tokenOf(live.body.url)).get('/api/review')).status).toBe(200);
    }
    const revoked = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({
        where: { entityId: campaign.id, action: 'campaign.review_link_revoked' },
        orderBy: { createdAt: 'asc' },
      }),
    );
    expect(revoked.map((event) => event.data)).toEqual([
      { name: campaign.name, linkId: first.body.link.id, reviewerName: 'Dana', replaced: true },
      { name: campaign.name, linkId: byName.body.link.id, reviewerName: 'Sam', replaced: true },
    ]);
  });

  it('when a link is re-issued, then a new address works for the same reviewer and the old one is revoked', async () => {
    const { admin, campaign } = await sharedCampaign();
    const first = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const res = await api.http
      .post(`/api/review-links/${first.body.link.id}/reissue`)
      .set('Authorization', await bearer(admin))
      .send({ expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.link).toMatchObject({ reviewerName: 'Dana', state: 'ACTIVE' });
    expect(res.body.url).not.toBe(first.body.url);
    expect((await asHolder(tokenOf(first.body.url)).get('/api/review')).status).toBe(410);
    expect((await asHolder(tokenOf(res.body.url)).get('/api/review')).status).toBe(200);

    const list = await api.http
      .get(`/api/campaigns/${campaign.id}/review-links`)
      .set('Authorization', await bearer(admin));
    expect(list.body.items.map((link: { state: string }) => link.state)).toEqual(['ACTIVE', 'REVOKED']);
  });

  it('when a link is revoked, then its address answers review_link_revoked at once, and revoking again changes nothing', async () => {
    const { tenant, member, campaign } = await sharedCampaign();
    const made = await createLink(member, campaign.id, { reviewerName: 'Dana' });
    const revoke = async () =>
      api.http
        .post(`/api/review-links/${made.body.link.id}/revoke`)
        .set('Authorization', await bearer(member));
    const res = await revoke();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'REVOKED', revokedAt: expect.any(String) });
    const again = await revoke();
    expect(again.body.revokedAt).toBe(res.body.revokedAt);

    const answer = await asHolder(tokenOf(made.body.url)).get('/api/review/ideas');
    expect(answer.status).toBe(410);
    expectNoData(answer, 'review_link_revoked');
    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.count({ where: { entityId: campaign.id, action: 'campaign.review_link_revoked' } }),
    );
    expect(events).toBe(1);
  });

  it('when the campaign is archived, then no link is made for it (409)', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { status: 'ARCHIVED' });
    const res = await createLink(agency.admin, campaign.id, { reviewerName: 'Dana' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ reason: 'campaign_archived' }]);
  });

  it("when another tenant's member asks for a campaign's links or revokes one, then it is 404", async () => {
    const { admin, campaign } = await sharedCampaign();
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const stranger = (await makeAgency(api.db)).admin;
    const list = await api.http
      .get(`/api/campaigns/${campaign.id}/review-links`)
      .set('Authorization', await bearer(stranger));
    const revoke = await api.http
      .post(`/api/review-links/${made.body.link.id}/revoke`)
      .set('Authorization', await bearer(stranger));
    expect([list.status, revoke.status]).toEqual([404, 404]);
    expect((await asHolder(tokenOf(made.body.url)).get('/api/review')).status).toBe(200);
  });
});

describe('link holder: reviewing without an account', () => {
  it('when the holder opens the link, then it sees the reviewer, agency and campaign, and nothing changes', async () => {
    const { tenant, admin, campaign } = await sharedCampaign();
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana Whitfield' });
    const holder = asHolder(tokenOf(made.body.url));
    const res = await holder.get('/api/review');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      reviewerName: 'Dana Whitfield',
      agencyName: tenant.name,
      expiresAt: made.body.link.expiresAt,
      campaign: { id: campaign.id, name: 'Spring Menu', brief: '', startDate: null, endDate: null },
    });
    await holder.get('/api/review/ideas');
    expect((await linkRow(tenant.id, made.body.link.id)).lastUsedAt).toBeNull();
  });

  it("when the holder lists ideas, then it sees the campaign's sent ideas only: no draft, no other campaign of the client", async () => {
    const { tenant, client, admin, campaign, pending, second } = await sharedCampaign();
    const sibling = await makeCampaign(api.db, tenant, client);
    const elsewhere = await makeIdea(api.db, sibling, { status: 'PENDING_CLIENT' });
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const holder = asHolder(tokenOf(made.body.url));

    const res = await holder.get('/api/review/ideas');
    expect(res.status).toBe(200);
    expect(res.body.items.map((idea: { id: string }) => idea.id)).toEqual([pending.id, second.id]);
    expect((await holder.get(`/api/review/ideas/${elsewhere.id}/comments`)).status).toBe(404);
    expect(
      (await holder.patch(`/api/review/ideas/${elsewhere.id}`, { version: 1, status: 'CLIENT_APPROVED' }))
        .status,
    ).toBe(404);
  });

  it('when the holder answers, then approve, changes (comment required) and reject follow the workflow, the link is marked used, and the log and the agency’s notices name "Dana (review link)"', async () => {
    const { tenant, admin, campaign, pending, second, draft } = await sharedCampaign();
    const third = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT', title: 'Flour cloud' });
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const holder = asHolder(tokenOf(made.body.url));

    const approved = await holder.patch(`/api/review/ideas/${pending.id}`, {
      version: 1,
      status: 'CLIENT_APPROVED',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('CLIENT_APPROVED');
    const noComment = await holder.patch(`/api/review/ideas/${second.id}`, {
      version: 1,
      status: 'CHANGES_REQUESTED',
    });
    expect(noComment.status).toBe(400);
    const changes = await holder.patch(`/api/review/ideas/${second.id}`, {
      version: 1,
      status: 'CHANGES_REQUESTED',
      comment: 'Mention the Saturday tasting',
    });
    expect(changes.status).toBe(200);
    const rejected = await holder.post('/api/review/ideas/bulk-status', {
      ids: [third.id],
      status: 'CLIENT_REJECTED',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.items.map((idea: { status: string }) => idea.status)).toEqual(['CLIENT_REJECTED']);

    const edit = await holder.patch(`/api/review/ideas/${pending.id}`, { version: 2, caption: 'Mine now' });
    expect(edit.status).toBe(403);
    const agencyMove = await holder.patch(`/api/review/ideas/${draft.id}`, {
      version: 1,
      status: 'PENDING_CLIENT',
    });
    expect(agencyMove.status).toBe(404);

    expect((await linkRow(tenant.id, made.body.link.id)).lastUsedAt).toBeInstanceOf(Date);
    const notices = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.notification.findMany({ where: { kind: 'CLIENT_ANSWERED', ideaId: second.id, userId: admin.id } }),
    );
    expect(notices.map((notice) => notice.data)).toEqual([
      expect.objectContaining({
        answer: 'CHANGES_REQUESTED',
        by: 'Dana (review link)',
        comment: 'Mention the Saturday tasting',
      }),
    ]);
    const activity = await api.http
      .get('/api/activity')
      .query({ entityType: 'idea', entityId: second.id })
      .set('Authorization', await bearer(admin));
    expect(activity.body.items).toEqual([
      expect.objectContaining({
        action: 'idea.commented',
        actor: null,
        reviewLink: { id: made.body.link.id, reviewerName: 'Dana' },
      }),
      expect.objectContaining({
        action: 'idea.status_changed',
        actor: null,
        reviewLink: { id: made.body.link.id, reviewerName: 'Dana' },
        data: expect.objectContaining({ from: 'PENDING_CLIENT', to: 'CHANGES_REQUESTED' }),
      }),
    ]);
    const comments = await api.http
      .get(`/api/ideas/${second.id}/comments`)
      .set('Authorization', await bearer(admin));
    expect(comments.body.items).toEqual([
      expect.objectContaining({
        body: 'Mention the Saturday tasting',
        visibility: 'CLIENT',
        author: null,
        reviewLink: { id: made.body.link.id, reviewerName: 'Dana' },
      }),
    ]);
  });

  it('when the agency edits an idea after the holder asked for changes, then the holder still sees the version it was sent', async () => {
    const { admin, campaign, pending } = await sharedCampaign();
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const holder = asHolder(tokenOf(made.body.url));
    await holder.patch(`/api/review/ideas/${pending.id}`, {
      version: 1,
      status: 'CHANGES_REQUESTED',
      comment: 'Shorter caption please',
    });
    const edited = await api.http
      .patch(`/api/ideas/${pending.id}`)
      .set('Authorization', await bearer(admin))
      .send({ version: 2, caption: 'A new caption the client has not seen' });
    expect(edited.status).toBe(200);

    const [seen] = (await holder.get('/api/review/ideas')).body.items;
    expect(seen).toMatchObject({ id: pending.id, caption: 'A caption in the brand voice' });
    const revisions = await holder.get(`/api/review/ideas/${pending.id}/revisions`);
    expect(revisions.body.items.map((revision: { version: number }) => revision.version)).toEqual([1]);
  });

  it('when the holder comments, then the comment is for the client and the agency, and internal comments stay hidden', async () => {
    const { admin, campaign, pending } = await sharedCampaign();
    const made = await createLink(admin, campaign.id, { reviewerName: 'Dana' });
    const holder = asHolder(tokenOf(made.body.url));
    await api.http
      .post(`/api/ideas/${pending.id}/comments`)
      .set('Authorization', await bearer(admin))
      .send({ body: 'Internal: check the price' });
    const internal = await holder.post(`/api/review/ideas/${pending.id}/comments`, {
      body: 'Hidden?',
      visibility: 'INTERNAL',
    });
    expect(internal.status).toBe(403);
    const res = await holder.post(`/api/review/ideas/${pending.id}/comments`, {
      body: 'Love the light here',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      visibility: 'CLIENT',
      author: null,
      reviewLink: { id: made.body.link.id, reviewerName: 'Dana' },
    });
    const list = await holder.get(`/api/review/ideas/${pending.id}/comments`);
    expect(list.body.items.map((comment: { body: string }) => comment.body)).toEqual(['Love the light here']);
  });

  it('when the link expired, then every route answers review_link_expired without data', async () => {
    const { campaign } = await sharedCampaign();
    const link = await makeReviewLink(api.db, campaign, { expiresAt: new Date(Date.now() - 1_000) });
    for (const path of ['/api/review', '/api/review/ideas']) {
      const res = await asHolder(link.token).get(path);
      expect(res.status).toBe(410);
      expectNoData(res, 'review_link_expired');
    }
  });

  it('when the token is unknown, tampered, missing or sent as a bearer token, then it is 401 without data', async () => {
    const { campaign } = await sharedCampaign();
    const link = await makeReviewLink(api.db, campaign);
    const last = link.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${link.token.slice(0, -1)}${last}`;
    const answers = [
      await asHolder(tampered).get('/api/review'),
      await asHolder('A'.repeat(43)).get('/api/review'),
      await asHolder(`${link.token}x`).get('/api/review'),
      await api.http.get('/api/review'),
      await api.http.get('/api/review').set('Authorization', `Bearer ${link.token}`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expectNoData(res, 'unauthenticated');
    }
    expect((await asHolder(link.token).get('/api/review')).status).toBe(200);
  });

  it("when the link holder calls a member's route, then it is 401", async () => {
    const { campaign, pending } = await sharedCampaign();
    const link = await makeReviewLink(api.db, campaign);
    const holder = asHolder(link.token);
    expect((await holder.get(`/api/campaigns/${campaign.id}/ideas`)).status).toBe(401);
    expect(
      (await holder.patch(`/api/ideas/${pending.id}`, { version: 1, status: 'CLIENT_APPROVED' })).status,
    ).toBe(401);
  });

  it('when the agency is suspended, then its links stop working', async () => {
    const agency = await makeAgency(api.db, { status: 'SUSPENDED' });
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const link = await makeReviewLink(api.db, campaign);
    const res = await asHolder(link.token).get('/api/review');
    expect(res.status).toBe(410);
    expectNoData(res, 'review_link_revoked');
  });
});

describe('link holder: rate limits', () => {
  it('when one link makes too many requests, then it is 429 and another link is not held back', async () => {
    const limited = await startTestApp({
      db: api.db,
      queues: { jobs: api.jobs, generationQueue: api.generationQueue },
      env: { RATE_LIMIT_PER_MINUTE: '3' },
    });
    try {
      const { campaign } = await sharedCampaign();
      const busy = await makeReviewLink(api.db, campaign);
      const calm = await makeReviewLink(api.db, campaign);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await limited.http.get('/api/review').set(REVIEW_LINK_HEADER, busy.token)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await limited.http.get('/api/review').set(REVIEW_LINK_HEADER, calm.token)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
