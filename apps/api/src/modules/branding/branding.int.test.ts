import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const LOGO = 'https://cdn.example.test/northwind.png';

describe('the agency’s branding', () => {
  it('when an agency admin sets the logo, then every agency user reads it and the audit log tells of it', async () => {
    const agency = await makeAgency(api.db);
    const res = await api.http
      .put('/api/branding')
      .set('Authorization', await bearer(agency.admin))
      .send({ logoUrl: LOGO });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: agency.tenant.name, logoUrl: LOGO });

    const read = await api.http.get('/api/branding').set('Authorization', await bearer(agency.member));
    expect(read.body).toEqual({ name: agency.tenant.name, logoUrl: LOGO });
    const activity = await api.http
      .get('/api/activity')
      .query({ entityType: 'tenant', entityId: agency.tenant.id })
      .set('Authorization', await bearer(agency.admin));
    expect(activity.body.items).toEqual([
      expect.objectContaining({
        action: 'tenant.updated',
        data: { changes: { logoUrl: { from: null, to: LOGO } } },
      }),
    ]);

    const removed = await api.http
      .put('/api/branding')
      .set('Authorization', await bearer(agency.admin))
      .send({ logoUrl: null });
    expect(removed.body.logoUrl).toBeNull();
  });

  it('when the logo is not an https address, then 400 names the field and nothing changes', async () => {
    const agency = await makeAgency(api.db);
    for (const logoUrl of ['http://cdn.example.test/logo.png', 'javascript:alert(1)', 'logo.png']) {
      const res = await api.http
        .put('/api/branding')
        .set('Authorization', await bearer(agency.admin))
        .send({ logoUrl });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toMatchObject({ path: ['logoUrl'] });
    }
    const read = await api.http.get('/api/branding').set('Authorization', await bearer(agency.admin));
    expect(read.body.logoUrl).toBeNull();
  });

  it('when a member or a client contact tries to change it, then 403; another agency keeps its own', async () => {
    const agency = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    for (const user of [agency.member, agency.contact]) {
      const res = await api.http
        .put('/api/branding')
        .set('Authorization', await bearer(user))
        .send({ logoUrl: LOGO });
      expect(res.status).toBe(403);
    }
    await api.http
      .put('/api/branding')
      .set('Authorization', await bearer(agency.admin))
      .send({ logoUrl: LOGO });
    const foreign = await api.http.get('/api/branding').set('Authorization', await bearer(other.admin));
    expect(foreign.body).toEqual({ name: other.tenant.name, logoUrl: null });
  });

  it('when the application login writes the tenant row itself, then only its own logo can change, never its quota or status', async () => {
    const agency = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    await expect(
      api.db.withTenantTx(
        agency.tenant.id,
        (tx) =>
          tx.$executeRaw`update tenants set monthly_token_quota = 999999999 where id = ${agency.tenant.id}::uuid`,
      ),
    ).rejects.toThrow(/permission denied/);
    const foreignRows = await api.db.withTenantTx(
      agency.tenant.id,
      (tx) => tx.$executeRaw`update tenants set logo_url = ${LOGO} where id = ${other.tenant.id}::uuid`,
    );
    expect(foreignRows).toBe(0);
  });
});
