import { createDatabase } from '@muse/db';
import { mintLocalToken } from '@muse/local-auth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, makeAgency, makePlatformAdmin, makeUser } from '../../test/factories.ts';
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { sessionsRepository } from './sessions.repository.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** What the web app sends once signed in: a local token naming the session. */
async function sessionBearer(user: { authSubject: string | null }, sessionId: string) {
  const token = await mintLocalToken(inject('authPrivateKey'), {
    subject: user.authSubject as string,
    authorizedParty: TEST_WEB_ORIGIN,
    sessionId,
  });
  return `Bearer ${token}`;
}

/** Signs in as the web app does: opens a session with a token naming none. */
async function signIn(user: { authSubject: string | null }) {
  const opened = await api.http.post('/api/sessions').set('Authorization', await bearer(user));
  expect(opened.status).toBe(201);
  return { id: opened.body.id as string, authorization: await sessionBearer(user, opened.body.id) };
}

const me = (authorization: string) => api.http.get('/api/me').set('Authorization', authorization);
const signOut = (authorization: string) =>
  api.http.delete('/api/sessions/current').set('Authorization', authorization);

describe('sign-in sessions (local sign-in)', () => {
  it('when a session is opened, then it lasts as long as the web session cookie', async () => {
    const { admin } = await makeAgency(api.db);
    const opened = await api.http.post('/api/sessions').set('Authorization', await bearer(admin));
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({ id: expect.any(String), expiresAt: expect.any(String) });
    const hours = (Date.parse(opened.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
  });

  it('when signed out, then tokens of that session get 401 and another session of the same identity still works', async () => {
    const { member } = await makeAgency(api.db);
    const laptop = await signIn(member);
    const phone = await signIn(member);
    expect((await me(laptop.authorization)).status).toBe(200);

    expect((await signOut(laptop.authorization)).status).toBe(204);

    // A fresh token minted from the copied cookie is refused, on this process at once.
    const copied = await me(await sessionBearer(member, laptop.id));
    expect(copied.status).toBe(401);
    expect(copied.body.error).toMatchObject({
      code: 'unauthenticated',
      message: 'This session has ended; sign in again',
    });
    expect((await me(phone.authorization)).status).toBe(200);
  });

  it('when a token names a session that does not exist or is no uuid, then it is 401', async () => {
    const { member } = await makeAgency(api.db);
    for (const sid of ['4b1f8e8e-0d5a-4c8b-9a51-2f0e7c0a3d11', 'not-a-uuid']) {
      expect((await me(await sessionBearer(member, sid))).status).toBe(401);
    }
  });

  it('when a token already names a session, then it cannot open another', async () => {
    const { member } = await makeAgency(api.db);
    const session = await signIn(member);
    const again = await api.http.post('/api/sessions').set('Authorization', session.authorization);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_input');
  });

  it('when an admin disables a user, then the user’s sessions end with it', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const member = await makeUser(api.db, tenant);
    const session = await signIn(member);
    const adminSession = await signIn(admin);
    // Answered once, so this process has it as active.
    expect((await me(session.authorization)).status).toBe(200);

    const disabled = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', adminSession.authorization)
      .send({ status: 'DISABLED' });
    expect(disabled.status).toBe(200);

    const after = await api.http.get('/api/me/workspaces').set('Authorization', session.authorization);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('This session has ended; sign in again');
    expect(await sessionsRepository.isActive(api.db.client, session.id, member.authSubject as string)).toBe(
      false,
    );
    expect((await me(adminSession.authorization)).status).toBe(200);
  });

  it('when a user of another tenant names someone else’s session, then it is neither accepted nor ended', async () => {
    const a = await makeAgency(api.db);
    const b = await makeAgency(api.db);
    const aliceSession = await signIn(a.member);
    const bobSession = await signIn(b.member);

    // B's token naming A's session: the session is not B's, so the token is not accepted ...
    const borrowed = await sessionBearer(b.member, aliceSession.id);
    expect((await me(borrowed)).status).toBe(401);
    expect((await signOut(borrowed)).status).toBe(401);
    expect((await me(aliceSession.authorization)).status).toBe(200);

    // ... and B's sign-out ends B's session only.
    expect((await signOut(bobSession.authorization)).status).toBe(204);
    expect((await me(bobSession.authorization)).status).toBe(401);
    expect((await me(aliceSession.authorization)).status).toBe(200);
  });

  it('when a platform admin suspends a tenant, then its users’ sessions end, also once it is active again, and other tenants’ do not', async () => {
    const a = await makeAgency(api.db);
    const b = await makeAgency(api.db);
    const operator = await bearer(await makePlatformAdmin(api.db));
    const inA = await signIn(a.admin);
    const inB = await signIn(b.admin);
    const setStatus = (status: 'ACTIVE' | 'SUSPENDED') =>
      api.http.patch(`/api/admin/tenants/${a.tenant.id}`).set('Authorization', operator).send({ status });

    expect((await setStatus('SUSPENDED')).status).toBe(200);
    expect((await setStatus('ACTIVE')).status).toBe(200);

    expect((await me(inA.authorization)).status).toBe(401);
    expect((await me(inB.authorization)).status).toBe(200);
    expect(await sessionsRepository.isActive(api.db.client, inA.id, a.admin.authSubject as string)).toBe(
      false,
    );
  });

  it('when a token names no session (tests, tools), then it is accepted as before and signing out ends nothing', async () => {
    const { member } = await makeAgency(api.db);
    const session = await signIn(member);
    expect((await me(await bearer(member))).status).toBe(200);
    expect((await signOut(await bearer(member))).status).toBe(204);
    expect((await me(session.authorization)).status).toBe(200);
  });
});

describe('sign-in sessions: access only through the functions', () => {
  it('when the services’ roles query auth_sessions directly, then they are refused', async () => {
    const db = createDatabase({ url: inject('databaseUrl') });
    try {
      await expect(db.client.$queryRaw`select * from auth_sessions`).rejects.toThrow(/permission denied/);
      await expect(db.withPlatformTx((tx) => tx.$queryRaw`select * from auth_sessions`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await db.disconnect();
    }
  });
});

describe('sign-in sessions with Clerk', () => {
  let clerk: TestApp;
  beforeAll(async () => {
    clerk = await startTestApp({ env: { AUTH_MODE: 'clerk', CLERK_JWT_KEY: inject('authPublicKey') } });
  });
  afterAll(() => clerk.close());

  it('when sign-in is Clerk’s, then the routes are 404 and Clerk’s own sid is not looked up', async () => {
    const { member } = await makeAgency(clerk.db);
    const opened = await clerk.http.post('/api/sessions').set('Authorization', await bearer(member));
    expect(opened.status).toBe(404);
    const clerkSession = await sessionBearer(member, 'sess_2abcDEFghiJKL');
    expect((await clerk.http.get('/api/me').set('Authorization', clerkSession)).status).toBe(200);
    expect((await clerk.http.delete('/api/sessions/current').set('Authorization', clerkSession)).status).toBe(
      404,
    );
  });
});
