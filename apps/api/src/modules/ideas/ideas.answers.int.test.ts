import { REVIEW_LINK_HEADER } from '@muse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makeIdea,
  makeReviewLink,
  makeUser,
  type TestUser,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** A signed-in caller, or the holder of a review link (its token). */
type Caller = TestUser | { token: string };

async function as(caller: Caller) {
  return 'token' in caller
    ? { header: REVIEW_LINK_HEADER, value: caller.token, base: '/api/review/ideas' }
    : { header: 'Authorization', value: await bearer(caller), base: '/api/ideas' };
}

async function answer(caller: Caller, ideaId: string, body: Record<string, unknown>) {
  const { header, value, base } = await as(caller);
  return api.http.patch(`${base}/${ideaId}`).set(header, value).send(body);
}

async function decisions(caller: Caller, ideaId: string) {
  const { header, value, base } = await as(caller);
  return api.http.get(`${base}/${ideaId}/decisions`).set(header, value);
}

async function agencyPatch(user: TestUser, ideaId: string, body: Record<string, unknown>) {
  return api.http
    .patch(`/api/ideas/${ideaId}`)
    .set('Authorization', await bearer(user))
    .send(body);
}

const stored = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, async (tx) => ({
    idea: await tx.idea.findFirstOrThrow({ where: { id } }),
    moves: await tx.activityEvent.findMany({
      where: { entityId: id, action: 'idea.status_changed' },
      orderBy: { createdAt: 'asc' },
    }),
    notices: await tx.notification.findMany({
      where: { ideaId: id, kind: 'CLIENT_ANSWERED' },
      orderBy: { createdAt: 'asc' },
    }),
  }));

/** An agency whose campaign has one idea waiting for the client. */
async function waitingIdea() {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const idea = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT', title: 'Crumb close-ups' });
  return { ...agency, campaign, idea };
}

describe('changing an answer while the agency has not acted on it', () => {
  it('when the contact who approved asks for changes instead, then it moves, is audited as a changed answer and the agency is told so', async () => {
    const { tenant, contact, admin, idea } = await waitingIdea();
    expect((await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' })).status).toBe(200);

    const res = await answer(contact, idea.id, {
      version: 2,
      status: 'CHANGES_REQUESTED',
      comment: 'Show the Saturday tasting',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CHANGES_REQUESTED', version: 3 });

    const after = await stored(tenant.id, idea.id);
    expect(after.moves.map((move) => move.data)).toEqual([
      expect.objectContaining({ from: 'PENDING_CLIENT', to: 'CLIENT_APPROVED', version: 2 }),
      expect.objectContaining({
        from: 'CLIENT_APPROVED',
        to: 'CHANGES_REQUESTED',
        version: 3,
        answerChanged: true,
        commentId: expect.any(String),
      }),
    ]);
    expect(after.moves[0]?.data).not.toHaveProperty('answerChanged');
    expect(after.moves[1]?.actorId).toBe(contact.id);
    const toAdmin = after.notices.filter((notice) => notice.userId === admin.id);
    expect(toAdmin.map((notice) => notice.data)).toEqual([
      expect.objectContaining({ answer: 'CLIENT_APPROVED' }),
      expect.objectContaining({
        answer: 'CHANGES_REQUESTED',
        changedFrom: 'CLIENT_APPROVED',
        comment: 'Show the Saturday tasting',
      }),
    ]);
    expect(toAdmin[0]?.data).not.toHaveProperty('changedFrom');
  });

  it('when the client lists its answers, then each comes with its reason, who and when, and only the latest is changeable', async () => {
    const { contact, member, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CHANGES_REQUESTED', comment: 'Shorter hook' });
    // The agency's internal note and its reply to the client are no answers.
    await api.http
      .post(`/api/ideas/${idea.id}/comments`)
      .set('Authorization', await bearer(member))
      .send({ body: 'Internal: margin is thin on this one' });
    await answer(contact, idea.id, {
      version: 2,
      status: 'CLIENT_REJECTED',
      comment: 'On second thought, no',
    });

    const res = await decisions(contact, idea.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      changeable: true,
      items: [
        expect.objectContaining({
          answer: 'CHANGES_REQUESTED',
          from: 'PENDING_CLIENT',
          comment: 'Shorter hook',
          by: { id: contact.id, name: contact.name, role: 'CLIENT' },
          reviewLink: null,
          createdAt: expect.any(String),
        }),
        expect.objectContaining({
          answer: 'CLIENT_REJECTED',
          from: 'CHANGES_REQUESTED',
          comment: 'On second thought, no',
        }),
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('margin is thin');
    // The agency reads the same answers, and may not change them.
    const agency = await decisions(member, idea.id);
    expect(agency.body).toMatchObject({ changeable: false, items: [{}, {}] });
  });

  it('when a change request comes without a reason, then 400 and nothing moves', async () => {
    const { tenant, contact, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    const res = await answer(contact, idea.id, { version: 2, status: 'CHANGES_REQUESTED' });
    expect(res.status).toBe(400);
    expect((await stored(tenant.id, idea.id)).idea).toMatchObject({ status: 'CLIENT_APPROVED', version: 2 });
  });

  it('when the change is sent at a stale version, then 409 version_conflict', async () => {
    const { contact, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    const res = await answer(contact, idea.id, { version: 1, status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
  });

  it('when the agency edited the idea since the change request, then the answer is locked (409) and no longer changeable', async () => {
    const { tenant, contact, member, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CHANGES_REQUESTED', comment: 'Warmer tone' });
    expect(
      (await agencyPatch(member, idea.id, { version: 2, hook: 'Warm bread, warmer mornings' })).status,
    ).toBe(200);

    expect((await decisions(contact, idea.id)).body.changeable).toBe(false);
    const res = await answer(contact, idea.id, { version: 3, status: 'CLIENT_APPROVED' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'invalid_transition',
      details: [expect.objectContaining({ reason: 'answer_locked' })],
    });
    expect((await stored(tenant.id, idea.id)).idea).toMatchObject({
      status: 'CHANGES_REQUESTED',
      version: 3,
    });
  });

  it('when the agency dated the approved idea since, then the answer is locked', async () => {
    const { contact, member, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    expect((await agencyPatch(member, idea.id, { version: 2, scheduledFor: '2027-03-01' })).status).toBe(200);
    const res = await answer(contact, idea.id, { version: 3, status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].reason).toBe('answer_locked');
  });

  it('when the agency sent the idea back since, then there is no answer left to change', async () => {
    const { contact, member, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CHANGES_REQUESTED', comment: 'Warmer tone' });
    expect((await agencyPatch(member, idea.id, { version: 2, status: 'PENDING_CLIENT' })).status).toBe(200);
    const listed = await decisions(contact, idea.id);
    expect(listed.body).toMatchObject({ changeable: false, items: [{ answer: 'CHANGES_REQUESTED' }] });
    // Answering the new sending is an answer, not a change: it works as ever.
    expect((await answer(contact, idea.id, { version: 3, status: 'CLIENT_APPROVED' })).status).toBe(200);
  });

  it('when the idea is in an answer no one gave through the review, then it cannot be changed', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const idea = await makeIdea(api.db, campaign, { status: 'CLIENT_APPROVED' });
    const res = await answer(agency.contact, idea.id, { version: 1, status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].reason).toBe('answer_locked');
  });

  it('when the agency tries to change the client’s answer, then 409 invalid_transition as ever', async () => {
    const { contact, admin, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    const res = await agencyPatch(admin, idea.id, { version: 2, status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_transition');
  });

  it('when a bulk move would change answers, then it is refused: answers change one at a time', async () => {
    const { tenant, contact, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(contact))
      .send({ ids: [idea.id], status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect((await stored(tenant.id, idea.id)).idea.status).toBe('CLIENT_APPROVED');
  });
});

describe('whose answer it is', () => {
  it('when another contact of the same client tries to change it, then 409 locked: only whoever answered changes it', async () => {
    const { tenant, client, contact, idea } = await waitingIdea();
    const colleague = await makeUser(api.db, tenant, { role: 'CLIENT', client });
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    expect((await decisions(colleague, idea.id)).body).toMatchObject({ changeable: false, items: [{}] });
    const res = await answer(colleague, idea.id, { version: 2, status: 'CLIENT_REJECTED' });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].reason).toBe('answer_locked');
  });

  it('when another client’s contact or another agency asks, then 404 for the answers and the change', async () => {
    const { tenant, contact, idea } = await waitingIdea();
    await answer(contact, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    const otherClient = await makeClient(api.db, tenant);
    const stranger = await makeUser(api.db, tenant, { role: 'CLIENT', client: otherClient });
    const otherAgency = await makeAgency(api.db);
    for (const outsider of [stranger, otherAgency.admin, otherAgency.contact]) {
      expect((await decisions(outsider, idea.id)).status).toBe(404);
      expect((await answer(outsider, idea.id, { version: 2, status: 'CLIENT_REJECTED' })).status).toBe(404);
    }
  });

  it('when the link holder who answered changes it, then it moves and the timeline names the reviewer; another link may not', async () => {
    const { tenant, campaign, idea } = await waitingIdea();
    const link = await makeReviewLink(api.db, campaign, { reviewerName: 'Dana Whitfield' });
    const sameCampaign = await makeReviewLink(api.db, campaign, { reviewerName: 'Sam Ortiz' });
    const otherCampaign = await makeReviewLink(
      api.db,
      await makeCampaign(api.db, { id: tenant.id }, { id: campaign.clientId }),
    );

    await answer(link, idea.id, { version: 1, status: 'CLIENT_APPROVED' });
    expect((await decisions(otherCampaign, idea.id)).status).toBe(404);
    expect((await answer(otherCampaign, idea.id, { version: 2, status: 'CLIENT_REJECTED' })).status).toBe(
      404,
    );
    const bySam = await answer(sameCampaign, idea.id, { version: 2, status: 'CLIENT_REJECTED' });
    expect(bySam.status).toBe(409);
    expect(bySam.body.error.details[0].reason).toBe('answer_locked');

    const res = await answer(link, idea.id, { version: 2, status: 'CLIENT_REJECTED', comment: 'Too dark' });
    expect(res.status).toBe(200);
    const listed = await decisions(link, idea.id);
    expect(listed.body).toMatchObject({
      changeable: true,
      items: [
        { answer: 'CLIENT_APPROVED', by: null, reviewLink: { id: link.id, reviewerName: 'Dana Whitfield' } },
        { answer: 'CLIENT_REJECTED', from: 'CLIENT_APPROVED', comment: 'Too dark' },
      ],
    });
    const moves = (await stored(tenant.id, idea.id)).moves;
    expect(moves.at(-1)).toMatchObject({
      reviewLinkId: link.id,
      actorId: null,
      data: expect.objectContaining({ answerChanged: true }),
    });
  });
});
