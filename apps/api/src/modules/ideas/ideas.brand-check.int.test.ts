import { REVIEW_LINK_HEADER } from '@muse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeIdea, makeReviewLink } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** An agency whose client never says "cheap", with one idea that says it and promises the best. */
async function world() {
  const agency = await makeAgency(api.db);
  await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.client.update({ where: { id: agency.client.id }, data: { dontList: ['cheap'] } }),
  );
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const flagged = await makeIdea(api.db, campaign, { title: 'Cheaper mornings' });
  await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.idea.update({ where: { id: flagged.id }, data: { caption: 'The best cup in town #CheapEats' } }),
  );
  const clean = await makeIdea(api.db, campaign);
  return { agency, campaign, flagged, clean };
}

const eventsOf = (tenantId: string, ideaIds: string[]) =>
  api.db.withTenantTx(tenantId, (tx) =>
    tx.activityEvent.findMany({ where: { entityId: { in: ideaIds } }, orderBy: { createdAt: 'asc' } }),
  );
const statusOf = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, async (tx) => (await tx.idea.findFirstOrThrow({ where: { id } })).status);

const FLAGGED_FINDINGS = [
  expect.objectContaining({ rule: 'brand_dont', severity: 'warning', field: 'title', match: 'Cheaper' }),
  expect.objectContaining({ rule: 'brand_dont', severity: 'warning', field: 'caption', match: '#CheapEats' }),
  expect.objectContaining({ rule: 'claim', severity: 'warning', field: 'caption', match: 'best' }),
];

describe('GET /api/ideas/:id/check', () => {
  it('when an agency member asks, then it answers the findings of the current version', async () => {
    const { agency, flagged, clean } = await world();
    const res = await api.http
      .get(`/api/ideas/${flagged.id}/check`)
      .set('Authorization', await bearer(agency.member));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ideaId: flagged.id, version: 1, findings: FLAGGED_FINDINGS });

    const none = await api.http
      .get(`/api/ideas/${clean.id}/check`)
      .set('Authorization', await bearer(agency.admin));
    expect(none.body.findings).toEqual([]);
  });

  it('when a client contact, another agency or a review-link holder asks, then it is refused', async () => {
    const { agency, campaign, flagged } = await world();
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.update({
        where: { id: flagged.id },
        data: { status: 'PENDING_CLIENT', round: 1, sentVersion: 1 },
      }),
    );
    const other = await makeAgency(api.db);
    const link = await makeReviewLink(api.db, campaign);
    const url = `/api/ideas/${flagged.id}/check`;

    const contact = await api.http.get(url).set('Authorization', await bearer(agency.contact));
    expect(contact.status).toBe(403);
    const stranger = await api.http.get(url).set('Authorization', await bearer(other.admin));
    expect(stranger.status).toBe(404);
    const holder = await api.http.get(url).set(REVIEW_LINK_HEADER, link.token);
    expect(holder.status).toBe(401);
    for (const res of [contact, stranger, holder]) expect(JSON.stringify(res.body)).not.toContain('Cheaper');
  });
});

describe('sending with open warnings', () => {
  it('when one idea is sent unconfirmed, then 409 brand_check_open lists its findings and nothing moves', async () => {
    const { agency, flagged } = await world();
    const res = await api.http
      .patch(`/api/ideas/${flagged.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, status: 'PENDING_CLIENT' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('brand_check_open');
    expect(res.body.error.details).toEqual([
      { ideaId: flagged.id, title: flagged.title, findings: FLAGGED_FINDINGS },
    ]);
    expect(await statusOf(agency.tenant.id, flagged.id)).toBe('GENERATED');
    expect(await eventsOf(agency.tenant.id, [flagged.id])).toEqual([]);
  });

  it('when an edit brings a don’t in with the sending, then the edit is checked and rolled back with it', async () => {
    const { agency, clean } = await world();
    const res = await api.http
      .patch(`/api/ideas/${clean.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, hook: 'Cheap and cheerful', status: 'PENDING_CLIENT' });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].findings).toEqual([
      expect.objectContaining({ rule: 'brand_dont', field: 'hook', match: 'Cheap' }),
    ]);
    const idea = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.findFirstOrThrow({ where: { id: clean.id } }),
    );
    expect(idea).toMatchObject({ hook: 'A hook that stops the scroll', status: 'GENERATED', version: 1 });
  });

  it('when the sender confirms, then the idea is sent and the audit log records who confirmed which findings', async () => {
    const { agency, flagged } = await world();
    const res = await api.http
      .patch(`/api/ideas/${flagged.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, status: 'PENDING_CLIENT', confirmBrandCheck: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'PENDING_CLIENT', version: 2 });
    const events = await eventsOf(agency.tenant.id, [flagged.id]);
    expect(events.map((event) => event.action)).toEqual([
      'idea.brand_check_confirmed',
      'idea.status_changed',
    ]);
    expect(events[0]).toMatchObject({
      actorId: agency.member.id,
      data: {
        title: flagged.title,
        version: 2,
        findings: [
          { rule: 'brand_dont', field: 'title', match: 'Cheaper' },
          { rule: 'brand_dont', field: 'caption', match: '#CheapEats' },
          { rule: 'claim', field: 'caption', match: 'best' },
        ],
      },
    });
  });

  it('when only notes are open, then the idea is sent without a confirmation and none is recorded', async () => {
    const { agency, clean } = await world();
    const hashtags = ['#one', '#two', '#three', '#four', '#five', '#six'];
    const res = await api.http
      .patch(`/api/ideas/${clean.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, hashtags, status: 'PENDING_CLIENT' });
    expect(res.status).toBe(200);
    const actions = (await eventsOf(agency.tenant.id, [clean.id])).map((event) => event.action);
    expect(actions).not.toContain('idea.brand_check_confirmed');
  });

  it('when a confirmation comes without a sending, then 400 at confirmBrandCheck', async () => {
    const { agency, flagged } = await world();
    const res = await api.http
      .patch(`/api/ideas/${flagged.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, title: 'Mornings', confirmBrandCheck: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['confirmBrandCheck'] })]);
  });

  it('when a bulk sending holds an idea with warnings, then none is sent, and confirmed all are', async () => {
    const { agency, flagged, clean } = await world();
    const body = { ids: [clean.id, flagged.id], status: 'PENDING_CLIENT' };
    const refused = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.admin))
      .send(body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('brand_check_open');
    expect(refused.body.error.details).toEqual([
      { ideaId: flagged.id, title: flagged.title, findings: FLAGGED_FINDINGS },
    ]);
    expect(await statusOf(agency.tenant.id, clean.id)).toBe('GENERATED');

    const sent = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.admin))
      .send({ ...body, confirmBrandCheck: true });
    expect(sent.status).toBe(200);
    expect(sent.body.items.map((idea: { status: string }) => idea.status)).toEqual([
      'PENDING_CLIENT',
      'PENDING_CLIENT',
    ]);
    const confirmations = (await eventsOf(agency.tenant.id, [clean.id, flagged.id])).filter(
      (event) => event.action === 'idea.brand_check_confirmed',
    );
    expect(confirmations).toEqual([
      expect.objectContaining({ entityId: flagged.id, actorId: agency.admin.id }),
    ]);
  });

  it('when another agency sends the ideas with a confirmation, then 404 and nothing is recorded', async () => {
    const { agency, flagged } = await world();
    const other = await makeAgency(api.db);
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(other.admin))
      .send({ ids: [flagged.id], status: 'PENDING_CLIENT', confirmBrandCheck: true });
    expect(res.status).toBe(404);
    expect(await eventsOf(agency.tenant.id, [flagged.id])).toEqual([]);
  });
});
