import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeClient, unique } from '../../test/factories.ts';
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

const brand = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Acme Coffee'),
  industry: 'Specialty coffee',
  website: 'https://acme-coffee.example',
  brandVoice: 'Warm, curious and a little nerdy about coffee.',
  toneKeywords: ['warm', 'curious'],
  targetAudience: 'Urban professionals who brew at home',
  doList: ['name the farm'],
  dontList: ['cheap', 'instant'],
  defaultHashtags: ['#AcmeCoffee'],
  platforms: ['INSTAGRAM', 'TIKTOK'],
  ...overrides,
});

describe('POST /api/clients', () => {
  it('when an agency member adds a client, then 201 with the whole brand profile and a client.created event', async () => {
    const { tenant, member } = await makeAgency(api.db);
    const body = brand({ name: '  Acme Coffee  ' });
    const res = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(member))
      .send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, name: 'Acme Coffee', archivedAt: null });
    expect(await activityOf(tenant.id, res.body.id)).toEqual([
      expect.objectContaining({
        actorId: member.id,
        entityType: 'client',
        action: 'client.created',
        data: { name: 'Acme Coffee', platforms: ['INSTAGRAM', 'TIKTOK'] },
        requestId: expect.any(String),
      }),
    ]);
  });

  it('when only a name and platforms are given, then the rest of the profile is empty', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(admin))
      .send({ name: 'Bare Brand', platforms: ['X'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ website: null, brandVoice: '', dontList: [], defaultHashtags: [] });
  });

  it('when the profile breaks its limits, then 400 naming every offending field and nothing is stored', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(admin))
      .send({
        name: '',
        website: 'ftp://acme.example',
        brandVoice: 'x'.repeat(4001),
        dontList: Array.from({ length: 51 }, (_, i) => `phrase ${i}`),
        defaultHashtags: ['coffee'],
        platforms: ['INSTAGRAM', 'INSTAGRAM'],
        tenantId: tenant.id,
      });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: (string | number)[] }) => d.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'website',
        'brandVoice',
        'dontList',
        'defaultHashtags.0',
        'platforms',
        'tenantId',
      ]),
    );
    const count = await api.db.withTenantTx(tenant.id, (tx) => tx.client.count());
    expect(count).toBe(1);
  });

  it('when a client contact tries to add a client, then 403', async () => {
    const { contact } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(contact))
      .send(brand());
    expect(res.status).toBe(403);
  });
});

describe('GET /api/clients', () => {
  it('when listed, then the agency’s active clients come by name, without archived ones or other agencies’', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const zeta = await makeClient(api.db, tenant, { name: 'Zeta Shoes' });
    const alpha = await makeClient(api.db, tenant, { name: 'Alpha Tea' });
    await makeClient(api.db, tenant, { name: 'Old Brand', archived: true });
    const other = await makeAgency(api.db);
    const res = await api.http.get('/api/clients').set('Authorization', await bearer(admin));
    expect(res.status).toBe(200);
    const names = res.body.items.map((c: { name: string }) => c.name);
    expect(names).toEqual([alpha.name, client.name, zeta.name].sort());
    expect(JSON.stringify(res.body)).not.toContain(other.client.id);
  });

  it('when includeArchived=true and q are given, then archived clients matching the name case-insensitively are listed too', async () => {
    const { tenant, member } = await makeAgency(api.db);
    const archived = await makeClient(api.db, tenant, { name: 'Harbour Bakery (old)', archived: true });
    const active = await makeClient(api.db, tenant, { name: 'harbour Fish' });
    await makeClient(api.db, tenant, { name: 'Mountain Gear' });
    const auth = await bearer(member);
    const res = await api.http
      .get('/api/clients')
      .query({ q: 'HARBOUR', includeArchived: 'true' })
      .set('Authorization', auth);
    expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual([archived.id, active.id].sort());
    const withoutArchived = await api.http
      .get('/api/clients')
      .query({ q: 'harbour' })
      .set('Authorization', auth);
    expect(withoutArchived.body.items.map((c: { id: string }) => c.id)).toEqual([active.id]);
  });

  it('when q holds %, _ or a backslash, then they match themselves, not any characters', async () => {
    const { tenant, member } = await makeAgency(api.db);
    const percent = await makeClient(api.db, tenant, { name: '100% Juice' });
    await makeClient(api.db, tenant, { name: '100 Juice' });
    const underscore = await makeClient(api.db, tenant, { name: 'a_b' });
    await makeClient(api.db, tenant, { name: 'axb' });
    const backslash = await makeClient(api.db, tenant, { name: 'back\\slash' });
    await makeClient(api.db, tenant, { name: 'backslash' });
    const auth = await bearer(member);
    const idsFor = async (q: string) =>
      (await api.http.get('/api/clients').query({ q }).set('Authorization', auth)).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await idsFor('100%')).toEqual([percent.id]);
    expect(await idsFor('a_b')).toEqual([underscore.id]);
    expect(await idsFor('k\\s')).toEqual([backslash.id]);
  });

  it('when the list is longer than a page, then the cursor walks it by name without gaps or repeats, even with equal names', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    for (const name of ['Beta', 'Beta', 'Beta', 'Gamma', 'Delta']) await makeClient(api.db, tenant, { name });
    const auth = await bearer(admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.http
        .get('/api/clients')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('when the query has an unknown parameter or a forged cursor, then 400', async () => {
    const { admin } = await makeAgency(api.db);
    const auth = await bearer(admin);
    expect(
      (await api.http.get('/api/clients').query({ sort: 'name' }).set('Authorization', auth)).status,
    ).toBe(400);
    const forged = await api.http
      .get('/api/clients')
      .query({ cursor: 'eyJ4Ijox' })
      .set('Authorization', auth);
    expect(forged.status).toBe(400);
    expect(forged.body.error.details[0]).toMatchObject({ path: ['cursor'] });
  });

  it('when a client contact lists clients, then 403', async () => {
    const { contact } = await makeAgency(api.db);
    expect((await api.http.get('/api/clients').set('Authorization', await bearer(contact))).status).toBe(403);
  });
});

describe('GET /api/clients/:id', () => {
  it('when a client contact reads its own client, then it gets the profile', async () => {
    const { contact, client } = await makeAgency(api.db);
    const res = await api.http.get(`/api/clients/${client.id}`).set('Authorization', await bearer(contact));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: client.id, name: client.name, platforms: ['INSTAGRAM'] });
  });

  it('when a client contact reads another client of its agency, then 404', async () => {
    const { tenant, contact } = await makeAgency(api.db);
    const sibling = await makeClient(api.db, tenant);
    const res = await api.http.get(`/api/clients/${sibling.id}`).set('Authorization', await bearer(contact));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('when another agency reads the client, then 404', async () => {
    const { client } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    for (const user of [other.admin, other.contact]) {
      const res = await api.http.get(`/api/clients/${client.id}`).set('Authorization', await bearer(user));
      expect(res.status).toBe(404);
    }
  });

  it('when the id is not a uuid, then 400 on params.id', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http.get('/api/clients/acme').set('Authorization', await bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ location: 'params', path: ['id'] });
  });
});

describe('PATCH /api/clients/:id', () => {
  it('when the brand voice and hashtags change, then they are stored and the event names the changed fields only', async () => {
    const { tenant, member, client } = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', await bearer(member))
      .send({ brandVoice: 'Bold and bright', defaultHashtags: ['#Bright'], platforms: ['INSTAGRAM'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ brandVoice: 'Bold and bright', defaultHashtags: ['#Bright'] });
    expect(await activityOf(tenant.id, client.id)).toEqual([
      expect.objectContaining({
        action: 'client.updated',
        actorId: member.id,
        data: { name: client.name, changedFields: ['brandVoice', 'defaultHashtags'] },
      }),
    ]);
  });

  it('when nothing differs, then 200 without an event', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', await bearer(admin))
      .send({ name: client.name });
    expect(res.status).toBe(200);
    expect(await activityOf(tenant.id, client.id)).toEqual([]);
  });

  it('when a platform that a live campaign plans for is removed, then 409 naming the campaign; archived campaigns do not count', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const client = await makeClient(api.db, tenant, { platforms: ['INSTAGRAM', 'TIKTOK', 'X'] });
    const live = await makeCampaign(api.db, tenant, client, { platforms: ['TIKTOK'] });
    await makeCampaign(api.db, tenant, client, { platforms: ['X'], status: 'ARCHIVED' });
    const auth = await bearer(admin);
    const refused = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', auth)
      .send({ platforms: ['INSTAGRAM'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      details: [{ campaignId: live.id, name: live.name, platforms: ['TIKTOK'] }],
    });
    const allowed = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', auth)
      .send({ platforms: ['INSTAGRAM', 'TIKTOK'] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.platforms).toEqual(['INSTAGRAM', 'TIKTOK']);
  });

  it('when the body is empty, has an unknown field or removes every platform, then 400', async () => {
    const { admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    for (const body of [{}, { archivedAt: null }, { platforms: [] }]) {
      const res = await api.http.patch(`/api/clients/${client.id}`).set('Authorization', auth).send(body);
      expect(res.status).toBe(400);
    }
  });

  it('when another agency or the client’s own contact patches, then 404 and 403, and nothing changes', async () => {
    const { tenant, client, contact } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const foreign = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', await bearer(other.admin))
      .send({ name: 'Hijacked' });
    expect(foreign.status).toBe(404);
    const own = await api.http
      .patch(`/api/clients/${client.id}`)
      .set('Authorization', await bearer(contact))
      .send({ name: 'Self-service' });
    expect(own.status).toBe(403);
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.client.findFirstOrThrow({ where: { id: client.id } }),
    );
    expect(stored.name).toBe(client.name);
  });
});

describe('DELETE /api/clients/:id', () => {
  it('when a client is archived, then it is kept with archivedAt, leaves the default list, and a second archive changes nothing', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const res = await api.http.delete(`/api/clients/${client.id}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.archivedAt).toEqual(expect.any(String));
    const again = await api.http.delete(`/api/clients/${client.id}`).set('Authorization', auth);
    expect(again.body.archivedAt).toBe(res.body.archivedAt);
    const list = await api.http.get('/api/clients').set('Authorization', auth);
    expect(list.body.items).toEqual([]);
    const events = await activityOf(tenant.id, client.id);
    expect(events.map((e) => e.action)).toEqual(['client.archived']);
  });

  it('when a member archives another agency’s client, then 404 and it stays active', async () => {
    const { tenant, client } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const res = await api.http
      .delete(`/api/clients/${client.id}`)
      .set('Authorization', await bearer(other.member));
    expect(res.status).toBe(404);
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.client.findFirstOrThrow({ where: { id: client.id } }),
    );
    expect(stored.archivedAt).toBeNull();
  });
});

describe('POST /api/clients/:id/restore', () => {
  it('when an archived client is restored, then it is active again: listed by default and campaigns can be created for it', async () => {
    const { tenant, member } = await makeAgency(api.db);
    const archived = await makeClient(api.db, tenant, { name: 'Harbour Bakery', archived: true });
    const auth = await bearer(member);
    const campaign = {
      clientId: archived.id,
      name: 'Back in business',
      platforms: ['INSTAGRAM'],
      numPosts: 2,
    };
    const refused = await api.http.post('/api/campaigns').set('Authorization', auth).send(campaign);
    expect(refused.status).toBe(409);
    const res = await api.http.post(`/api/clients/${archived.id}/restore`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: archived.id, name: 'Harbour Bakery', archivedAt: null });
    const list = await api.http.get('/api/clients').set('Authorization', auth);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(archived.id);
    const created = await api.http.post('/api/campaigns').set('Authorization', auth).send(campaign);
    expect(created.status).toBe(201);
    expect(created.body.clientId).toBe(archived.id);
  });

  it('when a client is archived and restored, then exactly one client.restored event follows the archive', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    expect((await api.http.delete(`/api/clients/${client.id}`).set('Authorization', auth)).status).toBe(200);
    const res = await api.http.post(`/api/clients/${client.id}/restore`).set('Authorization', auth);
    expect(res.status).toBe(200);
    const again = await api.http.post(`/api/clients/${client.id}/restore`).set('Authorization', auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const events = await activityOf(tenant.id, client.id);
    expect(events.map((e) => e.action)).toEqual(['client.archived', 'client.restored']);
    expect(events[1]).toMatchObject({
      actorId: admin.id,
      entityType: 'client',
      data: { name: client.name },
      requestId: expect.any(String),
    });
  });

  it('when an active client is restored, then 200 with the client unchanged and no event', async () => {
    const { tenant, admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const before = await api.http.get(`/api/clients/${client.id}`).set('Authorization', auth);
    const res = await api.http.post(`/api/clients/${client.id}/restore`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before.body);
    expect(await activityOf(tenant.id, client.id)).toEqual([]);
  });

  it('when another agency restores the client, then 404 and it stays archived', async () => {
    const { tenant } = await makeAgency(api.db);
    const archived = await makeClient(api.db, tenant, { archived: true });
    const other = await makeAgency(api.db);
    for (const user of [other.admin, other.member]) {
      const res = await api.http
        .post(`/api/clients/${archived.id}/restore`)
        .set('Authorization', await bearer(user));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.client.findFirstOrThrow({ where: { id: archived.id } }),
    );
    expect(stored.archivedAt).not.toBeNull();
    expect(await activityOf(tenant.id, archived.id)).toEqual([]);
  });

  it('when the client’s own contact restores it, then 403 and it stays archived', async () => {
    const { tenant, client, contact } = await makeAgency(api.db);
    await api.db.withTenantTx(tenant.id, (tx) =>
      tx.client.update({ where: { id: client.id }, data: { archivedAt: new Date() } }),
    );
    const res = await api.http
      .post(`/api/clients/${client.id}/restore`)
      .set('Authorization', await bearer(contact));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.client.findFirstOrThrow({ where: { id: client.id } }),
    );
    expect(stored.archivedAt).not.toBeNull();
  });

  it('when the client does not exist, then 404', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/clients/00000000-0000-4000-8000-000000000000/restore')
      .set('Authorization', await bearer(admin));
    expect(res.status).toBe(404);
  });
});
