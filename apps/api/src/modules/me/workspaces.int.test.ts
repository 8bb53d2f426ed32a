import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeTenant, makeUser, unique } from '../../test/factories.ts';
import { ownerOf } from '../../test/owner-database.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { claimsFor, signClaims } from '../../test/tokens.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const get = (path: string, authorization: string, workspace?: string) => {
  const request = api.http.get(path).set('Authorization', authorization);
  return workspace === undefined ? request : request.set('X-Muse-Workspace', workspace);
};
const accept = (id: string, authorization: string) =>
  api.http.post(`/api/me/invitations/${id}/accept`).set('Authorization', authorization);

/** A person of its own: a sign-in identity and a verified email nobody else has. */
function person() {
  const subject = `test|${unique('person')}`;
  const email = `${unique('person')}@example.test`;
  return { subject, email, token: () => bearer(null, { subject, email }) };
}

describe('invitations: nobody joins an agency without accepting', () => {
  it('when an invited person signs in, then it is in no workspace and its invitation is listed', async () => {
    const someone = person();
    const tenant = await makeTenant(api.db, { name: unique('Invites') });
    const invited = await makeUser(api.db, tenant, { email: someone.email, status: 'INVITED' });

    const me = await get('/api/me', await someone.token());
    expect(me.status).toBe(401);
    expect(me.body.error.details).toEqual([{ reason: 'no_membership' }]);
    const mine = await get('/api/me/workspaces', await someone.token());
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      workspaces: [],
      invitations: [
        {
          id: invited.id,
          workspace: { id: tenant.id, name: tenant.name },
          role: 'AGENCY_MEMBER',
          invitedAt: invited.createdAt.toISOString(),
        },
      ],
    });
    // Still an invitation: signing in changed nothing.
    const stored = await ownerOf(api.db).withTenantTx(tenant.id, (tx) =>
      tx.user.findFirstOrThrow({ where: { id: invited.id } }),
    );
    expect(stored).toMatchObject({ status: 'INVITED', authSubject: null });
  });

  it('when it accepts, then it is an active member, the agency’s log says it joined, and later tokens need no email', async () => {
    const someone = person();
    const tenant = await makeTenant(api.db);
    const invited = await makeUser(api.db, tenant, {
      email: someone.email,
      status: 'INVITED',
      role: 'AGENCY_ADMIN',
    });

    const res = await accept(invited.id, await someone.token());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: tenant.id,
      name: tenant.name,
      role: 'AGENCY_ADMIN',
      status: 'ACTIVE',
      tenantStatus: 'ACTIVE',
    });
    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({ where: { entityId: invited.id } }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        actorId: invited.id,
        action: 'user.joined',
        requestId: res.headers['x-request-id'],
      }),
    ]);
    const me = await get('/api/me', await bearer(null, { subject: someone.subject }));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: invited.id, role: 'AGENCY_ADMIN', status: 'ACTIVE' });
  });

  it('when the same identity accepts several times at once, then every answer is the workspace and it joins once', async () => {
    for (let round = 0; round < 3; round += 1) {
      const someone = person();
      const tenant = await makeTenant(api.db);
      const invited = await makeUser(api.db, tenant, { email: someone.email, status: 'INVITED' });
      const token = await someone.token();
      const responses = await Promise.all(Array.from({ length: 6 }, () => accept(invited.id, token)));
      expect(responses.map((res) => res.status)).toEqual(Array(6).fill(200));
      const joined = await api.db.withTenantTx(tenant.id, (tx) =>
        tx.activityEvent.count({ where: { entityId: invited.id, action: 'user.joined' } }),
      );
      expect(joined).toBe(1);
    }
  });

  it('when an invited platform admin accepts, then it signs in to the platform workspace', async () => {
    const someone = person();
    const invited = await ownerOf(api.db).withPlatformTx((tx) =>
      tx.user.create({ data: { role: 'PLATFORM_ADMIN', email: someone.email, name: 'Invited operator' } }),
    );
    const res = await accept(invited.id, await someone.token());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'platform', role: 'PLATFORM_ADMIN' });
    const me = await get('/api/me', await someone.token(), 'platform');
    expect(me.body.user).toMatchObject({ id: invited.id, role: 'PLATFORM_ADMIN' });
  });

  it('when someone accepts an invitation to another email (another agency’s, or a made-up id), then 404 and it stays open', async () => {
    const someone = person();
    const intruder = person();
    const tenant = await makeTenant(api.db);
    const invited = await makeUser(api.db, tenant, { email: someone.email, status: 'INVITED' });
    const { admin: otherAgencyAdmin } = await makeAgency(api.db);

    for (const token of [await intruder.token(), await bearer(otherAgencyAdmin)]) {
      const res = await accept(invited.id, token);
      expect(res.status).toBe(404);
      expect((await accept(randomUUID(), token)).status).toBe(404);
    }
    // An unverified email lists nothing and accepts nothing.
    const unverified = `Bearer ${await signClaims(claimsFor(intruder.subject, { email: someone.email, email_verified: false }))}`;
    expect((await get('/api/me/workspaces', unverified)).body.invitations).toEqual([]);
    expect((await accept(invited.id, unverified)).status).toBe(404);
    const stored = await ownerOf(api.db).withTenantTx(tenant.id, (tx) =>
      tx.user.findFirstOrThrow({ where: { id: invited.id } }),
    );
    expect(stored).toMatchObject({ status: 'INVITED', authSubject: null });
  });
});

describe('workspaces: one person in several agencies', () => {
  async function freelancer() {
    const subject = `test|${unique('freelancer')}`;
    const email = `${unique('freelancer')}@example.test`;
    const first = await makeAgency(api.db);
    const second = await makeAgency(api.db);
    const inFirst = await makeUser(api.db, first.tenant, { email, subject, role: 'AGENCY_ADMIN' });
    const inSecond = await makeUser(api.db, second.tenant, { email, subject, role: 'AGENCY_MEMBER' });
    return { subject, first, second, inFirst, inSecond, token: () => bearer(null, { subject, email }) };
  }

  it('when it names a workspace, then it acts as that membership, with that role and tenant', async () => {
    const f = await freelancer();
    const asAdmin = await get('/api/me', await f.token(), f.first.tenant.id);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({
      user: { id: f.inFirst.id, role: 'AGENCY_ADMIN' },
      tenant: { id: f.first.tenant.id },
    });
    const asMember = await get('/api/me', await f.token(), f.second.tenant.id);
    expect(asMember.body).toMatchObject({
      user: { id: f.inSecond.id, role: 'AGENCY_MEMBER' },
      tenant: { id: f.second.tenant.id },
    });
    // The same token, two workspaces: each sees only its own agency's team.
    const team = await get('/api/users', await f.token(), f.first.tenant.id);
    expect(team.status).toBe(200);
    const ids = team.body.items.map((user: { id: string }) => user.id);
    expect(ids).toContain(f.first.member.id);
    expect(ids).not.toContain(f.second.member.id);
    expect((await get('/api/users', await f.token(), f.second.tenant.id)).status).toBe(403);
  });

  it('when it names no workspace, then 400 workspace_required; /api/me/workspaces lists both', async () => {
    const f = await freelancer();
    const res = await get('/api/me', await f.token());
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ reason: 'workspace_required' }]);
    const mine = await get('/api/me/workspaces', await f.token());
    expect(mine.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual([
      [f.first.tenant.id, 'AGENCY_ADMIN'],
      [f.second.tenant.id, 'AGENCY_MEMBER'],
    ]);
  });

  it('when it names an agency it is not in, or one that does not exist, then the same 403 not_a_member', async () => {
    const f = await freelancer();
    const { tenant: stranger } = await makeAgency(api.db);
    const answers = [];
    for (const workspace of [stranger.id, randomUUID(), 'platform']) {
      const res = await get('/api/me', await f.token(), workspace);
      answers.push({ status: res.status, error: res.body.error.code, details: res.body.error.details });
    }
    expect(answers).toEqual(
      Array(3).fill({ status: 403, error: 'forbidden', details: [{ reason: 'not_a_member' }] }),
    );
  });

  it('when the workspace header is not a tenant id or "platform", then 400', async () => {
    const f = await freelancer();
    const res = await get('/api/me', await f.token(), "x' or 1=1");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('when one agency disables it, then it is blocked there and still works in the other', async () => {
    const f = await freelancer();
    await api.db.withTenantTx(f.second.tenant.id, (tx) =>
      tx.user.update({ where: { id: f.inSecond.id }, data: { status: 'DISABLED' } }),
    );
    expect((await get('/api/me', await f.token(), f.second.tenant.id)).status).toBe(403);
    expect((await get('/api/me', await f.token(), f.first.tenant.id)).status).toBe(200);
  });
});
