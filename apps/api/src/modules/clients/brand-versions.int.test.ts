import { REVIEW_LINK_HEADER } from '@muse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeReviewLink, type TestUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const versionsOf = async (user: TestUser, clientId: string, query: Record<string, string> = {}) =>
  api.http
    .get(`/api/clients/${clientId}/brand-versions`)
    .query(query)
    .set('Authorization', await bearer(user));

const patch = async (user: TestUser, clientId: string, body: Record<string, unknown>) =>
  api.http
    .patch(`/api/clients/${clientId}`)
    .set('Authorization', await bearer(user))
    .send(body);

describe('brand profile versions', () => {
  it('when a client is added, then its profile is version 1, made by whoever added it', async () => {
    const { admin } = await makeAgency(api.db);
    const created = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(admin))
      .send({ name: 'Acme Coffee', dontList: ['instant'], platforms: ['INSTAGRAM'] });
    expect(created.status).toBe(201);
    expect(created.body.brandVersion).toBe(1);
    const res = await versionsOf(admin, created.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          number: 1,
          snapshot: expect.objectContaining({
            name: 'Acme Coffee',
            dontList: ['instant'],
            platforms: ['INSTAGRAM'],
          }),
          changes: [],
          createdBy: { id: admin.id, name: admin.name },
          reason: null,
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
  });

  it('when the caption length of a platform is set, then it is a brand field: the next version, limited to sensible lengths', async () => {
    const { member, client } = await makeAgency(api.db);
    const set = await patch(member, client.id, {
      captionMaxChars: { INSTAGRAM: 220 },
      reason: 'Shorter, please',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ brandVersion: 2, captionMaxChars: { INSTAGRAM: 220 } });
    const [latest] = (await versionsOf(member, client.id)).body.items;
    expect(latest).toMatchObject({
      number: 2,
      snapshot: expect.objectContaining({ captionMaxChars: { INSTAGRAM: 220 } }),
      changes: [{ kind: 'limit', field: 'captionMaxChars', platform: 'INSTAGRAM', from: null, to: 220 }],
    });
    for (const captionMaxChars of [{ INSTAGRAM: 10 }, { MYSPACE: 200 }]) {
      expect((await patch(member, client.id, { captionMaxChars })).status).toBe(400);
    }
    expect((await patch(member, client.id, { captionMaxChars: { INSTAGRAM: 220 } })).body.brandVersion).toBe(
      2,
    );
  });

  it('when brand fields change, then each change is the next version with who, why and what changed, newest first', async () => {
    const { admin, member, client } = await makeAgency(api.db);
    const first = await patch(member, client.id, {
      dontList: ['cheap'],
      brandVoice: 'Warm',
      reason: 'Accepted proposal: never use ‘cheap’',
    });
    expect(first.status).toBe(200);
    expect(first.body.brandVersion).toBe(2);
    const second = await patch(admin, client.id, { dontList: ['cheap', 'instant'], toneKeywords: ['bold'] });
    expect(second.body.brandVersion).toBe(3);

    const res = await versionsOf(member, client.id);
    expect(res.status).toBe(200);
    expect(res.body.items.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(res.body.items[0]).toMatchObject({
      createdBy: { id: admin.id, name: admin.name },
      reason: null,
      changes: [
        { kind: 'list', field: 'toneKeywords', added: ['bold'], removed: [] },
        { kind: 'list', field: 'dontList', added: ['instant'], removed: [] },
      ],
    });
    expect(res.body.items[1]).toMatchObject({
      createdBy: { id: member.id, name: member.name },
      reason: 'Accepted proposal: never use ‘cheap’',
      snapshot: expect.objectContaining({ brandVoice: 'Warm', dontList: ['cheap'] }),
      changes: [
        { kind: 'text', field: 'brandVoice', from: '', to: 'Warm' },
        { kind: 'list', field: 'dontList', added: ['cheap'], removed: [] },
      ],
    });
  });

  it('when only the reminder cadence changes, or nothing does, then no version is made', async () => {
    const { admin, client } = await makeAgency(api.db);
    const reminders = await patch(admin, client.id, { reminderLimit: 5, reason: 'Fewer nudges' });
    expect(reminders.status).toBe(200);
    expect(reminders.body.brandVersion).toBe(1);
    const same = await patch(admin, client.id, { name: client.name });
    expect(same.body.brandVersion).toBe(1);
    const res = await versionsOf(admin, client.id);
    expect(res.body.items.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it('when a change is refused, then no version is kept either', async () => {
    const { tenant, admin } = await makeAgency(api.db);
    const own = await api.http
      .post('/api/clients')
      .set('Authorization', await bearer(admin))
      .send({ name: 'Two Platforms', platforms: ['INSTAGRAM', 'TIKTOK'] });
    await makeCampaign(api.db, tenant, { id: own.body.id }, { platforms: ['TIKTOK'] });
    const refused = await patch(admin, own.body.id, { platforms: ['INSTAGRAM'], brandVoice: 'Quiet' });
    expect(refused.status).toBe(409);
    const res = await versionsOf(admin, own.body.id);
    expect(res.body.items.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it('when the history is longer than a page, then the cursor walks it and each version still shows what changed', async () => {
    const { admin, client } = await makeAgency(api.db);
    for (const word of ['one', 'two', 'three']) {
      expect((await patch(admin, client.id, { toneKeywords: [word] })).status).toBe(200);
    }
    const page1 = await versionsOf(admin, client.id, { limit: '2' });
    expect(page1.body.items.map((v: { number: number }) => v.number)).toEqual([4, 3]);
    expect(page1.body.items[1].changes).toEqual([
      { kind: 'list', field: 'toneKeywords', added: ['two'], removed: ['one'] },
    ]);
    const page2 = await versionsOf(admin, client.id, { limit: '2', cursor: page1.body.nextCursor });
    expect(page2.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(page2.body.items[0].changes).toEqual([
      { kind: 'list', field: 'toneKeywords', added: ['one'], removed: [] },
    ]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('when another agency asks, then 404; the client’s own contact 403; a review link holder 401', async () => {
    const { tenant, client, contact } = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    expect((await versionsOf(other.admin, client.id)).status).toBe(404);
    expect((await versionsOf(other.member, client.id)).status).toBe(404);
    const own = await versionsOf(contact, client.id);
    expect(own.status).toBe(403);
    const campaign = await makeCampaign(api.db, tenant, client);
    const link = await makeReviewLink(api.db, { tenantId: tenant.id, id: campaign.id, clientId: client.id });
    const asLink = await api.http
      .get(`/api/clients/${client.id}/brand-versions`)
      .set(REVIEW_LINK_HEADER, link.token);
    expect(asLink.status).toBe(401);
  });

  it('when the client does not exist, then 404', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await versionsOf(admin, '00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });
});
