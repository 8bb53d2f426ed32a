import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeTenant, makeUser, tokenFor, unique } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import {
  claimsFor,
  hmacWithPublicKey,
  signClaims,
  unsignedToken,
  untrustedKey,
  withPayload,
} from '../../test/tokens.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const me = (authorization?: string) => {
  const request = api.http.get('/api/me');
  return authorization === undefined ? request : request.set('Authorization', authorization);
};

const expectUnauthenticated = (res: { status: number; body: unknown }) => {
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
};

describe('authentication: 401 for anything but a valid token of a known user', () => {
  it('when the Authorization header is missing, then 401', async () => {
    expectUnauthenticated(await me());
  });

  it('when the scheme is not Bearer, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(await me(`Basic ${await tokenFor(member)}`));
  });

  it('when the token is not a JWT, then 401', async () => {
    expectUnauthenticated(await me('Bearer not-a-token'));
  });

  it('when the token has expired, then 401 saying so', async () => {
    const { member } = await makeAgency(api.db);
    const past = Math.floor(Date.now() / 1000) - 120;
    const res = await me(
      `Bearer ${await signClaims(claimsFor(member.authSubject ?? '', { iat: past - 60, nbf: past - 60, exp: past }))}`,
    );
    expectUnauthenticated(res);
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('when the token is not valid yet (nbf in the future), then 401', async () => {
    const { member } = await makeAgency(api.db);
    const later = Math.floor(Date.now() / 1000) + 600;
    expectUnauthenticated(
      await me(`Bearer ${await signClaims(claimsFor(member.authSubject ?? '', { nbf: later }))}`),
    );
  });

  it('when the payload was tampered with (another subject, same signature), then 401', async () => {
    const { member, admin } = await makeAgency(api.db);
    const token = await tokenFor(member);
    expectUnauthenticated(await me(`Bearer ${withPayload(token, claimsFor(admin.authSubject ?? ''))}`));
  });

  it('when the token is signed with another key, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(
      await me(`Bearer ${await signClaims(claimsFor(member.authSubject ?? ''), await untrustedKey())}`),
    );
  });

  it('when the token says alg none and carries no signature, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(await me(`Bearer ${unsignedToken(claimsFor(member.authSubject ?? ''))}`));
  });

  it('when the token is HS256 signed with the public key as secret, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(await me(`Bearer ${await hmacWithPublicKey(claimsFor(member.authSubject ?? ''))}`));
  });

  it('when the token is for another authorized party (azp), then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(await me(await bearer(member, { authorizedParty: 'https://evil.example' })));
  });

  it('when the token has no azp, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(
      await me(`Bearer ${await signClaims(claimsFor(member.authSubject ?? '', { azp: undefined }))}`),
    );
  });

  it('when the token has no exp, then 401', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(
      await me(`Bearer ${await signClaims(claimsFor(member.authSubject ?? '', { exp: undefined }))}`),
    );
  });

  it('when the subject belongs to no user, then 401', async () => {
    expectUnauthenticated(await me(await bearer(null, { subject: `test|${unique('nobody')}` })));
  });
});

describe('authentication: blocked accounts get 403', () => {
  it('when the user is disabled, then 403 forbidden (user_disabled)', async () => {
    const tenant = await makeTenant(api.db);
    const user = await makeUser(api.db, tenant, { status: 'DISABLED', linked: true });
    const res = await me(await bearer(user));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: [{ reason: 'user_disabled' }] });
  });

  it('when the tenant is suspended, then its users get 403 forbidden (tenant_suspended)', async () => {
    const { admin, contact } = await makeAgency(api.db, { status: 'SUSPENDED' });
    for (const user of [admin, contact]) {
      const res = await me(await bearer(user));
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual([{ reason: 'tenant_suspended' }]);
    }
  });

  it('when an admin disables a user who was just active, then that user’s next request gets 403', async () => {
    const { admin, member } = await makeAgency(api.db);
    const memberToken = await bearer(member);
    expect((await me(memberToken)).status).toBe(200);
    const patch = await api.http
      .patch(`/api/users/${member.id}`)
      .set('Authorization', await bearer(admin))
      .send({ status: 'DISABLED' });
    expect(patch.status).toBe(200);
    expect((await me(memberToken)).status).toBe(403);
  });
});

describe('authentication: an invitation alone signs nobody in', () => {
  it('when the email in the token is not verified, then 401', async () => {
    const tenant = await makeTenant(api.db);
    const invited = await makeUser(api.db, tenant, { status: 'INVITED' });
    const token = await signClaims(
      claimsFor(`test|${unique('unverified')}`, { email: invited.email, email_verified: false }),
    );
    expectUnauthenticated(await me(`Bearer ${token}`));
  });

  it('when the email belongs to a user linked to another identity, then 401 (no takeover)', async () => {
    const { member } = await makeAgency(api.db);
    expectUnauthenticated(
      await me(await bearer(null, { subject: `test|${unique('intruder')}`, email: member.email })),
    );
  });

  it('when the invitation was disabled, then signing in with its email gets 401', async () => {
    const tenant = await makeTenant(api.db);
    const invited = await makeUser(api.db, tenant, { status: 'DISABLED', linked: false });
    expectUnauthenticated(
      await me(await bearer(null, { subject: `test|${unique('late')}`, email: invited.email })),
    );
  });
});

describe('request id', () => {
  it('when the caller sends x-request-id, then it is echoed back', async () => {
    const res = await api.http.get('/healthz').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('when the caller sends none or a malformed one, then a new id is minted', async () => {
    const none = await api.http.get('/healthz');
    const malformed = await api.http.get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
