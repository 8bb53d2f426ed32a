import type { IdeaStatus } from '@muse/contracts';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeClient, makeIdea, makeUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const activityOf = (tenantId: string, entityId: string) =>
  api.db.withTenantTx(tenantId, (tx) =>
    tx.activityEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } }),
  );

const plan = (clientId: string, overrides: Record<string, unknown> = {}) => ({
  clientId,
  name: 'Autumn Single-Origin Launch',
  objective: 'Drive pre-orders',
  brief: 'Our autumn single-origin from Huila.',
  keyMessages: ['Traceable to one cooperative'],
  themes: ['origin story'],
  platforms: ['INSTAGRAM'],
  startDate: '2026-10-01',
  endDate: '2026-11-30',
  numPosts: 4,
  numReels: 2,
  ...overrides,
});

/** A campaign with ideas in the given statuses. */
async function campaignWithIdeas(agency: Awaited<ReturnType<typeof makeAgency>>, statuses: IdeaStatus[]) {
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  for (const status of statuses) await makeIdea(api.db, campaign, { status });
  return campaign;
}

describe('POST /api/campaigns', () => {
  it('when an agency member plans a campaign, then 201 with calendar dates, the client’s name, no ideas yet, and a campaign.created event', async () => {
    const { tenant, member, client } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(member))
      .send(plan(client.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...plan(client.id),
      clientName: client.name,
      status: 'DRAFT',
      toneOverride: null,
      ideaCounts: {},
      awaitingClient: 0,
    });
    expect(await activityOf(tenant.id, res.body.id)).toEqual([
      expect.objectContaining({
        action: 'campaign.created',
        actorId: member.id,
        entityType: 'campaign',
        data: { name: 'Autumn Single-Origin Launch', clientId: client.id, status: 'DRAFT' },
      }),
    ]);
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.campaign.findFirstOrThrow({ where: { id: res.body.id } }),
    );
    expect(stored.createdById).toBe(member.id);
  });

  it('when the dates run backwards, nothing is planned, or a count is beyond 50, then 400 at that field', async () => {
    const { admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const cases: [Record<string, unknown>, string][] = [
      [{ startDate: '2026-12-10', endDate: '2026-12-01' }, 'endDate'],
      [{ numPosts: 0, numReels: 0 }, 'numPosts'],
      [{ numReels: 51 }, 'numReels'],
      [{ numPosts: -1 }, 'numPosts'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ platforms: [] }, 'platforms'],
      [{ budget: 100 }, 'budget'],
    ];
    for (const [overrides, path] of cases) {
      const res = await api.http
        .post('/api/campaigns')
        .set('Authorization', auth)
        .send(plan(client.id, overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.body.error.details.map((d: { path: string[] }) => d.path[0])).toContain(path);
    }
  });

  it('when the platforms are not all the client’s, then 400 at platforms saying which', async () => {
    const { admin, client } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(admin))
      .send(plan(client.id, { platforms: ['INSTAGRAM', 'LINKEDIN'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: ['platforms'], message: expect.stringContaining('LINKEDIN') }),
    ]);
  });

  it('when the client is archived, then 409 and no campaign is made', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const archived = await makeClient(api.db, tenant, { archived: true });
    const res = await api.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(admin))
      .send(plan(archived.id));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: [{ reason: 'client_archived' }] });
    const count = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.campaign.count({ where: { clientId: archived.id } }),
    );
    expect(count).toBe(0);
  });

  it('when the client belongs to another agency, then 404', async () => {
    const { admin } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const res = await api.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(admin))
      .send(plan(other.client.id));
    expect(res.status).toBe(404);
  });

  it('when a client contact plans a campaign, then 403', async () => {
    const { contact, client } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/campaigns')
      .set('Authorization', await bearer(contact))
      .send(plan(client.id));
    expect(res.status).toBe(403);
  });
});

describe('GET /api/campaigns', () => {
  it('when an agency lists, then its campaigns come newest first with ideas per status, archived ones left out', async () => {
    const agency = await makeAgency(api.db);
    const older = await campaignWithIdeas(agency, [
      'GENERATED',
      'GENERATED',
      'PENDING_CLIENT',
      'CLIENT_APPROVED',
    ]);
    const newer = await campaignWithIdeas(agency, []);
    await makeCampaign(api.db, agency.tenant, agency.client, { status: 'ARCHIVED' });
    await makeAgency(api.db).then((other) => campaignWithIdeas(other, ['GENERATED']));
    const res = await api.http.get('/api/campaigns').set('Authorization', await bearer(agency.member));
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
    expect(res.body.items[1]).toMatchObject({
      clientName: agency.client.name,
      ideaCounts: { GENERATED: 2, PENDING_CLIENT: 1, CLIENT_APPROVED: 1 },
      awaitingClient: 1,
    });
  });

  it('when filtered by client and status, then only those campaigns come, archived ones when asked for', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const otherClient = await makeClient(api.db, tenant);
    const active = await makeCampaign(api.db, tenant, client, { status: 'ACTIVE' });
    await makeCampaign(api.db, tenant, client, { status: 'DRAFT' });
    await makeCampaign(api.db, tenant, otherClient, { status: 'ACTIVE' });
    const archived = await makeCampaign(api.db, tenant, client, { status: 'ARCHIVED' });
    const auth = await bearer(admin);
    const byBoth = await api.http
      .get('/api/campaigns')
      .query({ clientId: client.id, status: 'ACTIVE' })
      .set('Authorization', auth);
    expect(byBoth.body.items.map((c: { id: string }) => c.id)).toEqual([active.id]);
    const byClient = await api.http
      .get('/api/campaigns')
      .query({ clientId: client.id })
      .set('Authorization', auth);
    expect(byClient.body.items).toHaveLength(2);
    const archivedOnly = await api.http
      .get('/api/campaigns')
      .query({ status: 'ARCHIVED' })
      .set('Authorization', auth);
    expect(archivedOnly.body.items.map((c: { id: string }) => c.id)).toEqual([archived.id]);
  });

  it('when the list is longer than a page, then the cursor walks it newest first without gaps, even for equal timestamps', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const at = new Date('2026-05-01T10:00:00Z');
    for (let i = 0; i < 5; i += 1) await makeCampaign(api.db, tenant, client, { createdAt: at });
    const auth = await bearer(admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.http
        .get('/api/campaigns')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', auth);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('when a client contact lists, then it sees only its own client’s campaigns, counting only the ideas it may see', async () => {
    const agency = await makeAgency(api.db);
    const own = await campaignWithIdeas(agency, [
      'GENERATED',
      'AGENCY_REJECTED',
      'PENDING_CLIENT',
      'PENDING_CLIENT',
      'CLIENT_REJECTED',
    ]);
    const sibling = await makeClient(api.db, agency.tenant);
    await makeCampaign(api.db, agency.tenant, sibling);
    const res = await api.http.get('/api/campaigns').set('Authorization', await bearer(agency.contact));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: own.id,
      ideaCounts: { PENDING_CLIENT: 2, CLIENT_REJECTED: 1 },
      awaitingClient: 2,
    });
    const asked = await api.http
      .get('/api/campaigns')
      .query({ clientId: sibling.id })
      .set('Authorization', await bearer(agency.contact));
    expect(asked.body.items).toEqual([]);
  });

  it('when the status filter is unknown or the clientId not a uuid, then 400', async () => {
    const { admin } = await makeAgency(api.db);
    const auth = await bearer(admin);
    expect(
      (await api.http.get('/api/campaigns').query({ status: 'LIVE' }).set('Authorization', auth)).status,
    ).toBe(400);
    expect(
      (await api.http.get('/api/campaigns').query({ clientId: 'acme' }).set('Authorization', auth)).status,
    ).toBe(400);
  });
});

describe('GET /api/campaigns/:id', () => {
  it('when the agency reads a campaign, then it gets it with every idea counted', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await campaignWithIdeas(agency, ['GENERATED', 'CHANGES_REQUESTED']);
    const res = await api.http
      .get(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(agency.admin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: campaign.id, ideaCounts: { GENERATED: 1, CHANGES_REQUESTED: 1 } });
  });

  it('when a contact of another client, or anyone of another agency, reads it, then 404', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const siblingContact = await makeUser(api.db, agency.tenant, {
      role: 'CLIENT',
      client: await makeClient(api.db, agency.tenant),
    });
    const other = await makeAgency(api.db);
    for (const user of [siblingContact, other.admin, other.contact]) {
      const res = await api.http
        .get(`/api/campaigns/${campaign.id}`)
        .set('Authorization', await bearer(user));
      expect(res.status).toBe(404);
    }
    const own = await api.http
      .get(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(agency.contact));
    expect(own.status).toBe(200);
  });
});

describe('PATCH /api/campaigns/:id', () => {
  it('when the brief and status change, then they are stored and the event lists the fields and the status move', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, tenant, client);
    const res = await api.http
      .patch(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(admin))
      .send({ brief: 'A new brief', status: 'ACTIVE', name: campaign.name });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ brief: 'A new brief', status: 'ACTIVE' });
    expect(await activityOf(tenant.id, campaign.id)).toEqual([
      expect.objectContaining({
        action: 'campaign.updated',
        data: {
          name: campaign.name,
          changedFields: ['brief', 'status'],
          changes: { status: { from: 'DRAFT', to: 'ACTIVE' } },
        },
      }),
    ]);
  });

  it('when an update would break the rules together with the stored values, then 400 at the field', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const created = await api.http.post('/api/campaigns').set('Authorization', auth).send(plan(client.id));
    const id = created.body.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: '2026-09-01' }, 'endDate'],
      [{ numPosts: 0, numReels: 0 }, 'numPosts'],
      [{ platforms: ['YOUTUBE'] }, 'platforms'],
      [{ status: 'ARCHIVED' }, 'status'],
    ];
    for (const [body, path] of cases) {
      const res = await api.http.patch(`/api/campaigns/${id}`).set('Authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string[] }) => d.path[0])).toContain(path);
    }
    const numPostsOnly = await api.http
      .patch(`/api/campaigns/${id}`)
      .set('Authorization', auth)
      .send({ numPosts: 0 });
    expect(numPostsOnly.status).toBe(200);
    const zeroReels = await api.http
      .patch(`/api/campaigns/${id}`)
      .set('Authorization', auth)
      .send({ numReels: 0 });
    expect(zeroReels.status).toBe(400);
    expect(await activityOf(tenant.id, id)).toHaveLength(2);
  });

  it('when an archived campaign is changed without a status, then 409; with one, it is restored', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, tenant, client, { status: 'ARCHIVED' });
    const auth = await bearer(admin);
    const refused = await api.http
      .patch(`/api/campaigns/${campaign.id}`)
      .set('Authorization', auth)
      .send({ name: 'Back' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ reason: 'campaign_archived' }]);
    const restored = await api.http
      .patch(`/api/campaigns/${campaign.id}`)
      .set('Authorization', auth)
      .send({ name: 'Back', status: 'ACTIVE' });
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe('ACTIVE');
    expect((await activityOf(tenant.id, campaign.id)).map((e) => e.action)).toEqual(['campaign.restored']);
  });

  it('when the campaign of an archived client would be restored, then 409', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const client = await makeClient(api.db, tenant, { archived: true });
    const campaign = await makeCampaign(api.db, tenant, client, { status: 'ARCHIVED' });
    const res = await api.http
      .patch(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(admin))
      .send({ status: 'ACTIVE' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ reason: 'client_archived' }]);
  });

  it('when a client contact or another agency patches, then 403 and 404', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const other = await makeAgency(api.db);
    const send = async (user: typeof agency.admin) =>
      (
        await api.http
          .patch(`/api/campaigns/${campaign.id}`)
          .set('Authorization', await bearer(user))
          .send({ name: 'X' })
      ).status;
    expect(await send(agency.contact)).toBe(403);
    expect(await send(other.admin)).toBe(404);
  });
});

describe('DELETE /api/campaigns/:id', () => {
  it('when archived, then ARCHIVED with one event, still readable by the client, and archiving again changes nothing', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await campaignWithIdeas(agency, ['PENDING_CLIENT']);
    const auth = await bearer(agency.member);
    const res = await api.http.delete(`/api/campaigns/${campaign.id}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ARCHIVED', awaitingClient: 1 });
    expect((await api.http.delete(`/api/campaigns/${campaign.id}`).set('Authorization', auth)).status).toBe(
      200,
    );
    const events = await activityOf(agency.tenant.id, campaign.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'campaign.archived',
        data: { name: campaign.name, changes: { status: { from: 'DRAFT', to: 'ARCHIVED' } } },
      }),
    ]);
    const read = await api.http
      .get(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(agency.contact));
    expect(read.body.status).toBe('ARCHIVED');
  });

  it('when another agency archives it, then 404', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const other = await makeAgency(api.db);
    const res = await api.http
      .delete(`/api/campaigns/${campaign.id}`)
      .set('Authorization', await bearer(other.admin));
    expect(res.status).toBe(404);
  });
});
