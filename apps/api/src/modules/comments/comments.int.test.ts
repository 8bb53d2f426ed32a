import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeClient, makeIdea, makeUser } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function ideaWithClient(status: 'GENERATED' | 'PENDING_CLIENT' = 'PENDING_CLIENT') {
  const agency = await makeAgency(api.db);
  const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), { status });
  return { ...agency, idea };
}

const comment = async (user: { authSubject: string | null }, ideaId: string, body: Record<string, unknown>) =>
  api.http
    .post(`/api/ideas/${ideaId}/comments`)
    .set('Authorization', await bearer(user))
    .send(body);

const bodies = (res: Response) => res.body.items.map((c: { body: string }) => c.body);

describe('POST /api/ideas/:id/comments', () => {
  it('when the agency comments without a visibility, then the comment is INTERNAL, authored, and logged on the idea', async () => {
    const { tenant, member, idea } = await ideaWithClient();
    const res = await comment(member, idea.id, { body: 'Check the price with the client first' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ideaId: idea.id,
      body: 'Check the price with the client first',
      visibility: 'INTERNAL',
      author: { id: member.id, name: member.name, role: 'AGENCY_MEMBER' },
    });
    const events = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.activityEvent.findMany({ where: { entityId: idea.id } }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'idea.commented',
        actorId: member.id,
        data: { title: idea.title, commentId: res.body.id, visibility: 'INTERNAL' },
      }),
    ]);
  });

  it('when a body carries markup, then it is stored and returned exactly as typed (trimmed), never rewritten', async () => {
    const { admin, idea } = await ideaWithClient();
    const typed = '<script>alert("hi")</script> & <b>bold</b>\n\nsecond paragraph';
    const res = await comment(admin, idea.id, { body: `  ${typed}  `, visibility: 'CLIENT' });
    expect(res.body.body).toBe(typed);
    const list = await api.http
      .get(`/api/ideas/${idea.id}/comments`)
      .set('Authorization', await bearer(admin));
    expect(bodies(list)).toEqual([typed]);
  });

  it('when the client comments, then the comment is CLIENT; asking for INTERNAL is 403', async () => {
    const { contact, idea } = await ideaWithClient();
    const res = await comment(contact, idea.id, { body: 'Can we say cups?' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ visibility: 'CLIENT', author: { id: contact.id, role: 'CLIENT' } });
    expect((await comment(contact, idea.id, { body: 'Secret', visibility: 'INTERNAL' })).status).toBe(403);
  });

  it('when the body is empty, too long or has unknown fields, then 400', async () => {
    const { admin, idea } = await ideaWithClient();
    for (const body of [
      { body: '   ' },
      { body: 'x'.repeat(4001) },
      { body: 'ok', pinned: true },
      { body: 'ok', visibility: 'PUBLIC' },
    ]) {
      expect((await comment(admin, idea.id, body)).status).toBe(400);
    }
  });

  it('when the client comments on an idea not sent to it, another client’s or another agency’s, then 404', async () => {
    const { tenant, contact, idea: draft } = await ideaWithClient('GENERATED');
    const siblingIdea = await makeIdea(
      api.db,
      await makeCampaign(api.db, tenant, await makeClient(api.db, tenant)),
      {
        status: 'PENDING_CLIENT',
      },
    );
    const other = await ideaWithClient();
    for (const id of [draft.id, siblingIdea.id, other.idea.id]) {
      expect((await comment(contact, id, { body: 'Hello?' })).status).toBe(404);
    }
    expect((await comment(other.admin, draft.id, { body: 'Hello?' })).status).toBe(404);
  });
});

describe('GET /api/ideas/:id/comments', () => {
  it('when the agency reads, then it sees every comment oldest first; the client sees only the CLIENT ones', async () => {
    const { admin, member, contact, idea } = await ideaWithClient();
    await comment(member, idea.id, { body: 'internal one' });
    await comment(admin, idea.id, { body: 'for the client', visibility: 'CLIENT' });
    await comment(contact, idea.id, { body: 'from the client' });
    await comment(admin, idea.id, { body: 'internal two', visibility: 'INTERNAL' });
    const agencyView = await api.http
      .get(`/api/ideas/${idea.id}/comments`)
      .set('Authorization', await bearer(member));
    expect(bodies(agencyView)).toEqual(['internal one', 'for the client', 'from the client', 'internal two']);
    const clientView = await api.http
      .get(`/api/ideas/${idea.id}/comments`)
      .set('Authorization', await bearer(contact));
    expect(bodies(clientView)).toEqual(['for the client', 'from the client']);
    expect(clientView.body.items[1].author).toEqual({ id: contact.id, name: contact.name, role: 'CLIENT' });
  });

  it('when there are more comments than a page, then the cursor continues after the last one', async () => {
    const { admin, idea } = await ideaWithClient();
    for (const n of [1, 2, 3]) await comment(admin, idea.id, { body: `note ${n}` });
    const auth = await bearer(admin);
    const first = await api.http
      .get(`/api/ideas/${idea.id}/comments`)
      .query({ limit: 2 })
      .set('Authorization', auth);
    const rest = await api.http
      .get(`/api/ideas/${idea.id}/comments`)
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', auth);
    expect([...bodies(first), ...bodies(rest)]).toEqual(['note 1', 'note 2', 'note 3']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('when a contact of another client or another agency reads, then 404', async () => {
    const { tenant, idea } = await ideaWithClient();
    const siblingContact = await makeUser(api.db, tenant, {
      role: 'CLIENT',
      client: await makeClient(api.db, tenant),
    });
    const other = await makeAgency(api.db);
    for (const user of [siblingContact, other.member]) {
      expect(
        (await api.http.get(`/api/ideas/${idea.id}/comments`).set('Authorization', await bearer(user)))
          .status,
      ).toBe(404);
    }
  });
});
