import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeIdea, type TestUser, unique } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { audit } from './audit.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const actions = (res: Response) => res.body.items.map((e: { action: string }) => e.action);

describe('GET /api/activity', () => {
  it('when an idea goes through review, then its log tells the story newest first, with actors and the request id', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const patch = async (user: typeof agency.admin, body: Record<string, unknown>) =>
      api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', await bearer(user))
        .set('x-request-id', 'walk-1')
        .send(body);
    await patch(agency.member, { version: 1, status: 'PENDING_CLIENT' });
    await patch(agency.contact, { version: 2, status: 'CHANGES_REQUESTED', comment: 'Shorter' });
    await patch(agency.member, { version: 3, caption: 'Shorter caption', status: 'PENDING_CLIENT' });
    await patch(agency.contact, { version: 4, status: 'CLIENT_APPROVED' });

    const res = await api.http
      .get('/api/activity')
      .query({ entityType: 'idea', entityId: idea.id })
      .set('Authorization', await bearer(agency.admin));
    expect(res.status).toBe(200);
    expect(actions(res)).toEqual([
      'idea.status_changed',
      'idea.status_changed',
      'idea.edited',
      'idea.commented',
      'idea.status_changed',
      'idea.status_changed',
    ]);
    expect(res.body.items[0]).toMatchObject({
      entityType: 'idea',
      entityId: idea.id,
      actor: { id: agency.contact.id, name: agency.contact.name, role: 'CLIENT' },
      data: { from: 'PENDING_CLIENT', to: 'CLIENT_APPROVED', round: 2, version: 5, title: idea.title },
      requestId: 'walk-1',
    });
    expect(res.body.items[2].data).toMatchObject({ changedFields: ['caption'], version: 4 });
  });

  it('when listed without a filter, then the agency’s whole log comes, page by page, and no other agency’s', async () => {
    const agency = await makeAgency(api.db);
    const auth = await bearer(agency.admin);
    for (const name of ['One', 'Two', 'Three']) {
      await api.http
        .post('/api/clients')
        .set('Authorization', auth)
        .send({ name, platforms: ['X'] });
    }
    const other = await makeAgency(api.db);
    await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(other.admin))
      .send({ name: 'Elsewhere', platforms: ['X'] });
    const first = await api.http.get('/api/activity').query({ limit: 2 }).set('Authorization', auth);
    const rest = await api.http
      .get('/api/activity')
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', auth);
    const names = [...first.body.items, ...rest.body.items].map(
      (e: { data: { name: string } }) => e.data.name,
    );
    expect(names).toEqual(['Three', 'Two', 'One']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('when an entityId comes without its entityType, or the type is unknown, then 400', async () => {
    const { admin, client } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const withoutType = await api.http
      .get('/api/activity')
      .query({ entityId: client.id })
      .set('Authorization', auth);
    expect(withoutType.status).toBe(400);
    expect(withoutType.body.error.details[0]).toMatchObject({ path: ['entityType'] });
    expect(
      (await api.http.get('/api/activity').query({ entityType: 'comment' }).set('Authorization', auth))
        .status,
    ).toBe(400);
  });

  describe('what each role may see', () => {
    /** An admin invites a colleague and makes them an admin; a generation succeeds with its token count. */
    async function teamAndUsageEvents() {
      const agency = await makeAgency(api.db);
      const adminAuth = await bearer(agency.admin);
      const email = `${unique('invitee')}@example.test`;
      const invited = await invite(adminAuth, email);
      const promoted = await api.http
        .patch(`/api/users/${invited.body.id}`)
        .set('Authorization', adminAuth)
        .send({ role: 'AGENCY_ADMIN' });
      expect(promoted.status).toBe(200);
      await recordGenerationSucceeded(agency.tenant.id, agency.admin);
      return { ...agency, email };
    }

    async function invite(adminAuth: string, email: string) {
      const res = await api.http
        .post('/api/users/invitations')
        .set('Authorization', adminAuth)
        .send({ email, name: 'Invited Colleague', role: 'AGENCY_MEMBER' });
      expect(res.status).toBe(201);
      return res;
    }

    function recordGenerationSucceeded(tenantId: string, actor: TestUser) {
      return api.db.withTenantTx(tenantId, (tx) =>
        audit(
          tx,
          tenantId,
          { userId: actor.id },
          {
            entityId: randomUUID(),
            action: 'generation.succeeded',
            data: { produced: 1, tokens: 4321, model: 'muse-test' },
          },
        ),
      );
    }

    const readLog = async (user: TestUser, query: Record<string, string | number> = {}) =>
      api.http
        .get('/api/activity')
        .query(query)
        .set('Authorization', await bearer(user));

    it('when an admin reads the log, then it shows the invited email, the role change and the token count', async () => {
      const { admin, email } = await teamAndUsageEvents();
      const res = await readLog(admin);
      expect(res.status).toBe(200);
      expect(actions(res)).toEqual(['generation.succeeded', 'user.updated', 'user.invited']);
      expect(res.body.items[0].data).toEqual({ produced: 1, tokens: 4321, model: 'muse-test' });
      expect(res.body.items[1].data).toEqual({
        changes: { role: { from: 'AGENCY_MEMBER', to: 'AGENCY_ADMIN' } },
      });
      expect(res.body.items[2].data).toMatchObject({ email, role: 'AGENCY_MEMBER' });
    });

    it('when a member reads the log, then it has no team events, no invited email, no role change and no token count', async () => {
      const { member, email } = await teamAndUsageEvents();
      const res = await readLog(member);
      expect(res.status).toBe(200);
      expect(actions(res)).toEqual(['generation.succeeded']);
      expect(res.body.items[0].data).toEqual({ produced: 1, model: 'muse-test' });
      const body = JSON.stringify(res.body);
      expect(body).not.toContain(email);
      expect(body).not.toContain('4321');
      expect(body).not.toContain('AGENCY_MEMBER');
    });

    it('when a member asks for team events by type, then the page is empty', async () => {
      const { member } = await teamAndUsageEvents();
      const res = await readLog(member, { entityType: 'user' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });

    it('when a member pages through a log interleaved with team events, then every page is full', async () => {
      const { admin, member } = await makeAgency(api.db);
      const adminAuth = await bearer(admin);
      for (const name of ['One', 'Two', 'Three', 'Four']) {
        await api.http
          .post('/api/clients')
          .set('Authorization', adminAuth)
          .send({ name, platforms: ['X'] });
        await invite(adminAuth, `${unique('invitee')}@example.test`);
      }
      const first = await readLog(member, { limit: 2 });
      const second = await readLog(member, { limit: 2, cursor: first.body.nextCursor });
      const names = (res: Response) => res.body.items.map((e: { data: { name: string } }) => e.data.name);
      expect(names(first)).toEqual(['Four', 'Three']);
      expect(names(second)).toEqual(['Two', 'One']);
      expect(second.body.nextCursor).toBeNull();
    });
  });

  it('when a client contact asks for the log, then 403', async () => {
    const { contact } = await makeAgency(api.db);
    expect((await api.http.get('/api/activity').set('Authorization', await bearer(contact))).status).toBe(
      403,
    );
  });
});
