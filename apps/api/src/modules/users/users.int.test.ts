import { Prisma } from '@muse/db';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeClient,
  makeTenant,
  makeUser,
  type TestTenant,
  type TestUser,
  unique,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import type { UserActor } from '../auth/actor.ts';
import { PrincipalCache } from '../auth/principal-cache.ts';
import { createUsersService } from './users.service.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const activityOf = (tenantId: string, entityId: string) =>
  api.db.withTenantTx(tenantId, (tx) =>
    tx.activityEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } }),
  );

describe('GET /api/users', () => {
  it('when an agency admin lists, then it gets its team and client contacts, and no other tenant’s users', async () => {
    const { admin, member, contact, client } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const res = await api.http.get('/api/users').set('Authorization', await bearer(admin));
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids.sort()).toEqual([admin.id, member.id, contact.id].sort());
    const listedContact = res.body.items.find((u: { id: string }) => u.id === contact.id);
    expect(listedContact).toMatchObject({ role: 'CLIENT', client: { id: client.id, name: client.name } });
    expect(listedContact).not.toHaveProperty('authSubject');
    expect(res.body.nextCursor).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain(other.admin.id);
  });

  it('when the list is longer than the limit, then nextCursor walks it page by page without gaps', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    for (let i = 0; i < 4; i += 1) await makeUser(api.db, tenant);
    const auth = await bearer(admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.http
        .get('/api/users')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('when filtered by role and status, then only matching users are listed', async () => {
    const { tenant, admin, contact } = await makeAgency(api.db);
    const disabled = await makeUser(api.db, tenant, { role: 'AGENCY_MEMBER', status: 'DISABLED' });
    const auth = await bearer(admin);
    const clients = await api.http.get('/api/users').query({ role: 'CLIENT' }).set('Authorization', auth);
    expect(clients.body.items.map((u: { id: string }) => u.id)).toEqual([contact.id]);
    const off = await api.http.get('/api/users').query({ status: 'DISABLED' }).set('Authorization', auth);
    expect(off.body.items.map((u: { id: string }) => u.id)).toEqual([disabled.id]);
  });

  it('when the query has an unknown parameter, a bad limit or a forged cursor, then 400 naming it', async () => {
    const { admin } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const unknown = await api.http.get('/api/users').query({ sort: 'name' }).set('Authorization', auth);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      expect.objectContaining({ location: 'query', path: ['sort'], code: 'unrecognized_keys' }),
    ]);
    const limit = await api.http.get('/api/users').query({ limit: 500 }).set('Authorization', auth);
    expect(limit.body.error.details[0]).toMatchObject({ path: ['limit'] });
    const cursor = await api.http.get('/api/users').query({ cursor: 'forged' }).set('Authorization', auth);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details[0]).toMatchObject({ path: ['cursor'] });
  });

  it('when an agency member or a client contact lists, then 403', async () => {
    const { member, contact } = await makeAgency(api.db);
    for (const user of [member, contact]) {
      const res = await api.http.get('/api/users').set('Authorization', await bearer(user));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});

describe('POST /api/users/invitations', () => {
  it('when an admin invites a member, then the user is INVITED and the invitation is in the audit log', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const email = `${unique('new')}@Example.test`;
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({ email: `  ${email} `, name: 'Nia Brooks', role: 'AGENCY_MEMBER' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: email.toLowerCase(),
      name: 'Nia Brooks',
      role: 'AGENCY_MEMBER',
      status: 'INVITED',
      client: null,
      lastSeenAt: null,
    });
    const events = await activityOf(tenant.id, res.body.id);
    expect(events).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'user.invited',
        entityType: 'user',
        requestId: expect.any(String),
      }),
    ]);
  });

  it('when an admin invites a client contact with its client, then the contact belongs to that client', async () => {
    const { admin, client } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({
        email: `${unique('contact')}@example.test`,
        name: 'Cleo Grant',
        role: 'CLIENT',
        clientId: client.id,
      });
    expect(res.status).toBe(201);
    expect(res.body.client).toEqual({ id: client.id, name: client.name });
  });

  it('when a CLIENT invitation has no clientId, or another role has one, then 400 on clientId', async () => {
    const { admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const email = () => `${unique('x')}@example.test`;
    for (const body of [
      { email: email(), name: 'A', role: 'CLIENT' },
      { email: email(), name: 'B', role: 'AGENCY_MEMBER', clientId: client.id },
    ]) {
      const res = await api.http.post('/api/users/invitations').set('Authorization', auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ location: 'body', path: ['clientId'] }),
      ]);
    }
  });

  it('when the body has unknown fields or a bad email or role, then 400 listing each path', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({ email: 'not-an-email', name: 'X', role: 'PLATFORM_ADMIN', isAdmin: true, tenantId: 'x' });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string[] }) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'role', 'isAdmin', 'tenantId']));
  });

  it('when the client belongs to another tenant, then 404 and nothing is created', async () => {
    const { admin, tenant } = await makeAgency(api.db);
    const otherClient = await makeClient(api.db, await makeTenant(api.db));
    const email = `${unique('cross')}@example.test`;
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({ email, name: 'Cross', role: 'CLIENT', clientId: otherClient.id });
    expect(res.status).toBe(404);
    const count = await api.db.withTenantTx(tenant.id, (tx) => tx.user.count({ where: { email } }));
    expect(count).toBe(0);
  });

  it('when the email is already in this agency, then 409 conflict', async () => {
    const { admin, member } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({ email: member.email.toUpperCase(), name: 'Dup', role: 'AGENCY_MEMBER' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('when the email belongs to another agency, then the answer is that of a new address, and that person is not captured', async () => {
    const { admin } = await makeAgency(api.db);
    const elsewhere = await makeAgency(api.db);
    const auth = await bearer(admin);
    const invite = (email: string) =>
      api.http
        .post('/api/users/invitations')
        .set('Authorization', auth)
        .send({ email, name: 'Someone', role: 'AGENCY_MEMBER' });
    const taken = await invite(elsewhere.member.email);
    const fresh = await invite(`${unique('fresh')}@example.test`);
    const shape = (res: typeof taken) => ({ status: res.status, fields: Object.keys(res.body).sort() });
    expect(shape(taken)).toEqual(shape(fresh));
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ status: 'INVITED', role: 'AGENCY_MEMBER' });
    // The person still works in its own agency, and is in this one only once it accepts.
    const own = await api.http.get('/api/me').set('Authorization', await bearer(elsewhere.member));
    expect(own.body).toMatchObject({
      user: { id: elsewhere.member.id },
      tenant: { id: elsewhere.tenant.id },
    });
  });
});

describe('PATCH /api/users/:id', () => {
  it('when an admin promotes a member, then the role changes and the change is audited with from/to', async () => {
    const { tenant, admin, member } = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', await bearer(admin))
      .send({ role: 'AGENCY_ADMIN' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('AGENCY_ADMIN');
    const [event] = await activityOf(tenant.id, member.id);
    expect(event).toMatchObject({
      action: 'user.updated',
      actorId: admin.id,
      data: { changes: { role: { from: 'AGENCY_MEMBER', to: 'AGENCY_ADMIN' } } },
    });
  });

  it('when the promoted member signs in next, then it may manage the team at once', async () => {
    const { admin, member } = await makeAgency(api.db);
    const memberAuth = await bearer(member);
    expect((await api.http.get('/api/users').set('Authorization', memberAuth)).status).toBe(403);
    await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', await bearer(admin))
      .send({ role: 'AGENCY_ADMIN' });
    expect((await api.http.get('/api/users').set('Authorization', memberAuth)).status).toBe(200);
  });

  it('when a member becomes a client contact, then it needs a clientId (400) and gets it with one', async () => {
    const { admin, member, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const without = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', auth)
      .send({ role: 'CLIENT' });
    expect(without.status).toBe(400);
    expect(without.body.error.details[0]).toMatchObject({ path: ['clientId'] });
    const withClient = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', auth)
      .send({ role: 'CLIENT', clientId: client.id });
    expect(withClient.status).toBe(200);
    expect(withClient.body).toMatchObject({ role: 'CLIENT', client: { id: client.id } });
  });

  it('when a client contact becomes a member, then it leaves its client', async () => {
    const { admin, contact } = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/users/${contact.id}`)
      .set('Authorization', await bearer(admin))
      .send({ role: 'AGENCY_MEMBER' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'AGENCY_MEMBER', client: null });
  });

  it('when a disabled user is re-enabled, then it is ACTIVE again, or INVITED if it never signed in', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const signedIn = await makeUser(api.db, tenant, { status: 'DISABLED', linked: true });
    const neverSignedIn = await makeUser(api.db, tenant, { status: 'DISABLED', linked: false });
    const a = await api.http
      .patch(`/api/users/${signedIn.id}`)
      .set('Authorization', auth)
      .send({ status: 'ACTIVE' });
    const b = await api.http
      .patch(`/api/users/${neverSignedIn.id}`)
      .set('Authorization', auth)
      .send({ status: 'ACTIVE' });
    expect([a.body.status, b.body.status]).toEqual(['ACTIVE', 'INVITED']);
  });

  it('when the only active admin would be demoted or disabled, then 409 last_admin and nothing changes', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN', status: 'INVITED' });
    await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN', status: 'DISABLED' });
    const auth = await bearer(admin);
    for (const body of [{ role: 'AGENCY_MEMBER' }, { status: 'DISABLED' }]) {
      const res = await api.http.patch(`/api/users/${admin.id}`).set('Authorization', auth).send(body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('last_admin');
    }
    const stored = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.user.findFirstOrThrow({ where: { id: admin.id } }),
    );
    expect(stored).toMatchObject({ role: 'AGENCY_ADMIN', status: 'ACTIVE' });
    expect(await activityOf(tenant.id, admin.id)).toEqual([]);
  });

  it('when another admin is active, then an admin may step down', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN' });
    const res = await api.http
      .patch(`/api/users/${admin.id}`)
      .set('Authorization', await bearer(admin))
      .send({ role: 'AGENCY_MEMBER' });
    expect(res.status).toBe(200);
  });

  it('when two admins demote each other at the same moment, then one of them stays admin', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const second = await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN' });
    const [a, b] = await Promise.all([
      api.http
        .patch(`/api/users/${second.id}`)
        .set('Authorization', await bearer(admin))
        .send({ role: 'AGENCY_MEMBER' }),
      api.http
        .patch(`/api/users/${admin.id}`)
        .set('Authorization', await bearer(second))
        .send({ role: 'AGENCY_MEMBER' }),
    ]);
    // The loser is refused either by the last-admin rule (409) or, when the winner committed
    // before it was authenticated, because it is no longer an admin (403).
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.user.count({ where: { role: 'AGENCY_ADMIN', status: 'ACTIVE' } }),
    );
    expect(admins).toBe(1);
  });

  it('when pairs of authenticated admins demote each other at the same instant, then every agency keeps one admin', async () => {
    const service = createUsersService({ db: api.db, principals: new PrincipalCache(0) });
    const asActor = (user: TestUser, tenant: TestTenant): UserActor => ({
      kind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      role: 'AGENCY_ADMIN',
      status: 'ACTIVE',
      tenantId: tenant.id,
      clientId: null,
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, status: 'ACTIVE' },
      client: null,
    });
    const remainingAdmins = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const { tenant, admin } = await makeAgency(api.db);
        const second = await makeUser(api.db, tenant, { role: 'AGENCY_ADMIN' });
        const outcomes = await Promise.allSettled([
          service.update(asActor(admin, tenant), second.id, { role: 'AGENCY_MEMBER' }),
          service.update(asActor(second, tenant), admin.id, { role: 'AGENCY_MEMBER' }),
        ]);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason.code)).toEqual([
          'last_admin',
        ]);
        return api.db.withTenantTx(tenant.id, (tx) =>
          tx.user.count({ where: { role: 'AGENCY_ADMIN', status: 'ACTIVE' } }),
        );
      }),
    );
    expect(remainingAdmins).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('when tenant B’s admin patches tenant A’s user, then 404 and A’s user is unchanged', async () => {
    const a = await makeAgency(api.db);
    const b = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/users/${a.member.id}`)
      .set('Authorization', await bearer(b.admin))
      .send({ status: 'DISABLED' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const stored = await api.db.withTenantTx(a.tenant.id, (tx) =>
      tx.user.findFirstOrThrow({ where: { id: a.member.id } }),
    );
    expect(stored.status).toBe('ACTIVE');
  });

  it('when a client of another tenant is named, then 404', async () => {
    const { admin, member } = await makeAgency(api.db);
    const foreign = await makeClient(api.db, await makeTenant(api.db));
    const res = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', await bearer(admin))
      .send({ role: 'CLIENT', clientId: foreign.id });
    expect(res.status).toBe(404);
  });

  it('when the body is empty, unknown or the id is not a uuid, then 400', async () => {
    const { admin, member } = await makeAgency(api.db);
    const auth = await bearer(admin);
    expect((await api.http.patch(`/api/users/${member.id}`).set('Authorization', auth).send({})).status).toBe(
      400,
    );
    expect(
      (await api.http.patch(`/api/users/${member.id}`).set('Authorization', auth).send({ email: 'x@y.z' }))
        .status,
    ).toBe(400);
    const badId = await api.http.patch('/api/users/123').set('Authorization', auth).send({ name: 'N' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0]).toMatchObject({ location: 'params', path: ['id'] });
  });

  it('when a member tries to change a user, then 403', async () => {
    const { member, contact } = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/users/${contact.id}`)
      .set('Authorization', await bearer(member))
      .send({ name: 'X' });
    expect(res.status).toBe(403);
  });
});

describe('row-level security under the API', () => {
  it('when a query in tenant A’s transaction reads users of tenant B directly, then it sees none', async () => {
    const a = await makeAgency(api.db);
    const b = await makeAgency(api.db);
    const rows = await api.db.withTenantTx(a.tenant.id, (tx) =>
      tx.$queryRaw<{ id: string }[]>(Prisma.sql`select id from users where tenant_id = ${b.tenant.id}::uuid`),
    );
    expect(rows).toEqual([]);
  });
});
