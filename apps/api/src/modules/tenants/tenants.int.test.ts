import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeGeneration,
  makePlatformAdmin,
  makeTenant,
  makeUser,
  unique,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { monthStart } from './tenants.rules.ts';

let api: TestApp;
let operatorAuth: string;
beforeAll(async () => {
  api = await startTestApp();
  operatorAuth = await bearer(await makePlatformAdmin(api.db));
});
afterAll(() => api.close());

const newTenantBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Bright Harbour'),
  admin: { email: `${unique('lead')}@example.test`, name: 'Lena Park' },
  ...overrides,
});

describe('POST /api/admin/tenants', () => {
  it('when a platform admin creates an agency, then the tenant, its admin invitation and the audit events exist', async () => {
    const body = newTenantBody({ name: 'Élan Créatif & Co', monthlyTokenQuota: 500_000 });
    const res = await api.http.post('/api/admin/tenants').set('Authorization', operatorAuth).send(body);
    expect(res.status).toBe(201);
    const { tenant, admin } = res.body;
    expect(tenant).toMatchObject({
      name: 'Élan Créatif & Co',
      slug: expect.stringMatching(/^elan-creatif-co/),
      status: 'ACTIVE',
      monthlyTokenQuota: 500_000,
      usage: { users: 1, clients: 0, campaigns: 0, tokensUsedThisMonth: 0 },
    });
    expect(admin).toMatchObject({ email: body.admin.email, role: 'AGENCY_ADMIN', status: 'INVITED' });
    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({ orderBy: { action: 'asc' } }),
    );
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ['tenant.created', tenant.id],
      ['user.invited', admin.id],
    ]);
  });

  it('when the invited admin signs in with that email and accepts, then it lands in the new agency as its admin', async () => {
    const body = newTenantBody();
    const created = await api.http.post('/api/admin/tenants').set('Authorization', operatorAuth).send(body);
    const lead = await bearer(null, { subject: `test|${unique('lead')}`, email: body.admin.email });
    const accepted = await api.http
      .post(`/api/me/invitations/${created.body.admin.id}/accept`)
      .set('Authorization', lead);
    expect(accepted.status).toBe(200);
    const me = await api.http.get('/api/me').set('Authorization', lead);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { role: 'AGENCY_ADMIN' }, tenant: { id: created.body.tenant.id } });
  });

  it('when the slug is taken, then 409 conflict', async () => {
    const existing = await makeTenant(api.db);
    const res = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', operatorAuth)
      .send(newTenantBody({ slug: existing.slug }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/slug/) });
  });

  it('when only the name is given and its slug is taken, then a suffixed slug is used', async () => {
    const name = unique('Same Name');
    const first = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', operatorAuth)
      .send(newTenantBody({ name }));
    const second = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', operatorAuth)
      .send(newTenantBody({ name }));
    expect(second.status).toBe(201);
    expect(second.body.tenant.slug).toMatch(new RegExp(`^${first.body.tenant.slug}-[0-9a-f]{4}$`));
  });

  it('when the admin email already belongs to another agency, then the agency is made and that person only invited', async () => {
    const { member, tenant: theirs } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', operatorAuth)
      .send(newTenantBody({ admin: { email: member.email, name: 'Again' } }));
    expect(res.status).toBe(201);
    expect(res.body.admin).toMatchObject({ email: member.email, status: 'INVITED', role: 'AGENCY_ADMIN' });
    const own = await api.http.get('/api/me').set('Authorization', await bearer(member));
    expect(own.body).toMatchObject({ user: { id: member.id }, tenant: { id: theirs.id } });
  });

  it('when the body is invalid (unknown field, bad slug, no admin), then 400 naming each path', async () => {
    const res = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', operatorAuth)
      .send({ name: 'X Agency', slug: 'Not A Slug!', plan: 'gold' });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string[] }) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['slug', 'admin', 'plan']));
  });

  it('when an agency admin tries, then 403', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', await bearer(admin))
      .send(newTenantBody());
    expect(res.status).toBe(403);
  });
});

describe('GET /api/admin/tenants and /:id', () => {
  it('when a tenant has users, clients, campaigns and generations, then its usage counts this month only', async () => {
    const { tenant, client } = await makeAgency(api.db);
    await makeUser(api.db, tenant, { status: 'DISABLED' });
    const campaign = await makeCampaign(api.db, tenant, client);
    await makeGeneration(api.db, campaign, { prompt: 1200, completion: 800 });
    await makeGeneration(api.db, campaign, { prompt: 100, completion: 50 });
    const lastMonth = new Date(monthStart().getTime() - 24 * 3600 * 1000);
    await makeGeneration(api.db, campaign, { prompt: 9999, completion: 9999, queuedAt: lastMonth });

    const res = await api.http.get(`/api/admin/tenants/${tenant.id}`).set('Authorization', operatorAuth);
    expect(res.status).toBe(200);
    expect(res.body.usage).toEqual({
      users: 3,
      clients: 1,
      campaigns: 1,
      tokensUsedThisMonth: 2150,
      periodStart: monthStart().toISOString(),
    });
  });

  it('when listing, then the newest agencies come first and a search by name or slug narrows it', async () => {
    const marker = unique('Lighthouse');
    const older = await makeTenant(api.db, { name: `${marker} One` });
    const newer = await makeTenant(api.db, { name: `${marker} Two` });
    const res = await api.http
      .get('/api/admin/tenants')
      .query({ q: marker.toUpperCase() })
      .set('Authorization', operatorAuth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([newer.id, older.id]);
    expect(res.body.items[0].usage).toMatchObject({ users: 0, tokensUsedThisMonth: 0 });
  });

  it('when the search holds % or _, then they match themselves in the name, not any characters', async () => {
    const marker = unique('Wildcard');
    const percent = await makeTenant(api.db, { name: `${marker} 100% Juice` });
    await makeTenant(api.db, { name: `${marker} 100 Juice` });
    const underscore = await makeTenant(api.db, { name: `${marker} a_b` });
    await makeTenant(api.db, { name: `${marker} axb` });
    const idsFor = async (q: string) =>
      (
        await api.http.get('/api/admin/tenants').query({ q }).set('Authorization', operatorAuth)
      ).body.items.map((t: { id: string }) => t.id);
    expect(await idsFor(`${marker} 100%`)).toEqual([percent.id]);
    expect(await idsFor(`${marker} a_b`)).toEqual([underscore.id]);
  });

  it('when paging with limit 1, then every agency appears once', async () => {
    const marker = unique('Pager');
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await makeTenant(api.db, { name: `${marker} ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.http
        .get('/api/admin/tenants')
        .query({ q: marker, limit: 1, ...(cursor ? { cursor } : {}) })
        .set('Authorization', operatorAuth);
      seen.push(...res.body.items.map((t: { id: string }) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
  });

  it('when filtered by status, then only suspended agencies are listed', async () => {
    const marker = unique('Status');
    const suspended = await makeTenant(api.db, { name: `${marker} S`, status: 'SUSPENDED' });
    await makeTenant(api.db, { name: `${marker} A` });
    const res = await api.http
      .get('/api/admin/tenants')
      .query({ q: marker, status: 'SUSPENDED' })
      .set('Authorization', operatorAuth);
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([suspended.id]);
  });

  it('when the tenant does not exist, then 404', async () => {
    const res = await api.http
      .get('/api/admin/tenants/00000000-0000-4000-8000-000000000000')
      .set('Authorization', operatorAuth);
    expect(res.status).toBe(404);
  });

  it('when an agency admin reads its own tenant through the admin API, then 403', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const res = await api.http
      .get(`/api/admin/tenants/${tenant.id}`)
      .set('Authorization', await bearer(admin));
    expect(res.status).toBe(403);
  });
});

describe('PATCH /api/admin/tenants/:id', () => {
  it('when a platform admin suspends an agency, then its users get 403 at once, and reactivation lets them back', async () => {
    const { tenant, member } = await makeAgency(api.db);
    const memberAuth = await bearer(member);
    expect((await api.http.get('/api/me').set('Authorization', memberAuth)).status).toBe(200);

    const suspend = await api.http
      .patch(`/api/admin/tenants/${tenant.id}`)
      .set('Authorization', operatorAuth)
      .send({ status: 'SUSPENDED' });
    expect(suspend.status).toBe(200);
    expect(suspend.body.status).toBe('SUSPENDED');
    const blocked = await api.http.get('/api/me').set('Authorization', memberAuth);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.details).toEqual([{ reason: 'tenant_suspended' }]);

    await api.http
      .patch(`/api/admin/tenants/${tenant.id}`)
      .set('Authorization', operatorAuth)
      .send({ status: 'ACTIVE' });
    expect((await api.http.get('/api/me').set('Authorization', memberAuth)).status).toBe(200);

    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({ where: { action: 'tenant.updated' }, orderBy: { createdAt: 'asc' } }),
    );
    expect(events.map((e) => e.data)).toEqual([
      { changes: { status: { from: 'ACTIVE', to: 'SUSPENDED' } } },
      { changes: { status: { from: 'SUSPENDED', to: 'ACTIVE' } } },
    ]);
  });

  it('when the quota and name change, then both are saved', async () => {
    const tenant = await makeTenant(api.db);
    const res = await api.http
      .patch(`/api/admin/tenants/${tenant.id}`)
      .set('Authorization', operatorAuth)
      .send({ monthlyTokenQuota: 750_000, name: 'Renamed Agency' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ monthlyTokenQuota: 750_000, name: 'Renamed Agency' });
  });

  it('when the body is empty, has an unknown field or a negative quota, then 400', async () => {
    const tenant = await makeTenant(api.db);
    for (const body of [{}, { slug: 'new-slug' }, { monthlyTokenQuota: -1 }]) {
      const res = await api.http
        .patch(`/api/admin/tenants/${tenant.id}`)
        .set('Authorization', operatorAuth)
        .send(body);
      expect(res.status).toBe(400);
    }
  });

  it('when the tenant does not exist, then 404', async () => {
    const res = await api.http
      .patch('/api/admin/tenants/00000000-0000-4000-8000-000000000000')
      .set('Authorization', operatorAuth)
      .send({ status: 'SUSPENDED' });
    expect(res.status).toBe(404);
  });
});
