import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makePlatformAdmin } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('GET /api/me', () => {
  it('when an agency admin asks, then it answers the user, its role and its tenant, without a client', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const res = await api.http.get('/api/me').set('Authorization', await bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { id: admin.id, email: admin.email, name: admin.name, role: 'AGENCY_ADMIN', status: 'ACTIVE' },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, status: 'ACTIVE' },
      client: null,
    });
  });

  it('when a client contact asks, then it answers its client too', async () => {
    const { client, contact } = await makeAgency(api.db);
    const res = await api.http.get('/api/me').set('Authorization', await bearer(contact));
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('CLIENT');
    expect(res.body.client).toEqual({ id: client.id, name: client.name });
  });

  it('when a platform admin asks, then it has no tenant and no client', async () => {
    const operator = await makePlatformAdmin(api.db);
    const res = await api.http.get('/api/me').set('Authorization', await bearer(operator));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { id: operator.id, role: 'PLATFORM_ADMIN' },
      tenant: null,
      client: null,
    });
  });

  it('when nobody is signed in, then 401 unauthenticated with the request id', async () => {
    const res = await api.http.get('/api/me').set('x-request-id', 'me-anonymous-1');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String), requestId: 'me-anonymous-1' },
    });
  });
});
