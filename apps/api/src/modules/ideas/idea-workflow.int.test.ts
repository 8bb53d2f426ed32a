import {
  CLIENT_VISIBLE_STATUSES,
  findTransition,
  IdeaStatus,
  type IdeaStatus as Status,
  type WorkflowActor,
} from '@muse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeIdea } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const ROLES = ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'] as const;
type Role = (typeof ROLES)[number];

interface Case {
  role: Role;
  from: Status;
  to: Status;
  expected: 200 | 403 | 404 | 409;
}

/** Every status × every status × every role that works with ideas, and what the workflow answers. */
const CASES: Case[] = IdeaStatus.options.flatMap((from) =>
  IdeaStatus.options.flatMap((to) =>
    ROLES.map((role): Case => {
      const side: WorkflowActor = role === 'CLIENT' ? 'client' : 'agency';
      const move = findTransition(from, to);
      if (side === 'client' && !CLIENT_VISIBLE_STATUSES.includes(from))
        return { role, from, to, expected: 404 };
      if (!move) return { role, from, to, expected: 409 };
      return { role, from, to, expected: move.by === side ? 200 : 403 };
    }),
  ),
);

const stored = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, async (tx) => ({
    idea: await tx.idea.findFirstOrThrow({ where: { id } }),
    events: await tx.activityEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } }),
    comments: await tx.comment.findMany({ where: { ideaId: id } }),
    revisions: await tx.ideaRevision.findMany({ where: { ideaId: id }, orderBy: { version: 'asc' } }),
  }));

describe('PATCH /api/ideas/:id moves an idea exactly as the review workflow allows', () => {
  it('covers every pair of statuses for every role', () => {
    expect(CASES).toHaveLength(6 * 6 * 3);
    expect(CASES.filter((c) => c.expected === 200)).toHaveLength(5 * 2 + 3);
  });

  it.each(CASES)(
    'when $role moves an idea from $from to $to, then $expected',
    async ({ role, from, to, expected }) => {
      const agency = await makeAgency(api.db);
      const actor = { AGENCY_ADMIN: agency.admin, AGENCY_MEMBER: agency.member, CLIENT: agency.contact }[
        role
      ];
      const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
      const idea = await makeIdea(api.db, campaign, { status: from });
      const move = findTransition(from, to);
      const res = await api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', await bearer(actor))
        .send({
          version: 1,
          status: to,
          ...(move?.commentRequired ? { comment: 'Please use cups too' } : {}),
        });

      expect(res.status).toBe(expected);
      const after = await stored(agency.tenant.id, idea.id);
      if (expected !== 200) {
        expect(res.body.error.code).toBe(
          { 403: 'forbidden', 404: 'not_found', 409: 'invalid_transition' }[expected],
        );
        expect(after.idea).toMatchObject({ status: from, version: 1, round: idea.round });
        expect(after.events).toEqual([]);
        return;
      }
      const round = idea.round + (move?.startsRound ? 1 : 0);
      expect(res.body).toMatchObject({ id: idea.id, status: to, version: 2, round });
      expect(after.idea).toMatchObject({ status: to, version: 2, round });
      expect(after.events).toContainEqual(
        expect.objectContaining({
          action: 'idea.status_changed',
          actorId: actor.id,
          data: expect.objectContaining({ from, to, version: 2, round }),
        }),
      );
      if (move?.startsRound) expect(after.revisions.at(-1)?.shownToClientAt).toBeInstanceOf(Date);
      if (move?.commentRequired) {
        expect(after.comments).toEqual([
          expect.objectContaining({ body: 'Please use cups too', visibility: 'CLIENT', authorId: actor.id }),
        ]);
      }
    },
  );
});

describe('the rules around a move', () => {
  it('when the client asks for changes without a comment, then 400 at comment and nothing moves', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), {
      status: 'PENDING_CLIENT',
    });
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.contact))
      .send({ version: 1, status: 'CHANGES_REQUESTED' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['comment'] })]);
    expect((await stored(agency.tenant.id, idea.id)).idea.status).toBe('PENDING_CLIENT');
  });

  it('when a comment comes with another move, then it is stored: the client’s for the client, the agency’s internal unless the idea goes to the client', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const approved = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const discarded = await makeIdea(api.db, campaign);
    const sent = await makeIdea(api.db, campaign);
    const move = async (user: typeof agency.admin, id: string, status: Status, comment: string) =>
      api.http
        .patch(`/api/ideas/${id}`)
        .set('Authorization', await bearer(user))
        .send({ version: 1, status, comment });
    expect((await move(agency.contact, approved.id, 'CLIENT_APPROVED', 'Lovely')).status).toBe(200);
    expect((await move(agency.member, discarded.id, 'AGENCY_REJECTED', 'Off brief')).status).toBe(200);
    expect((await move(agency.member, sent.id, 'PENDING_CLIENT', 'Here is the first draft')).status).toBe(
      200,
    );
    const visibility = async (id: string) =>
      (await stored(agency.tenant.id, id)).comments.map((c) => [c.body, c.visibility]);
    expect(await visibility(approved.id)).toEqual([['Lovely', 'CLIENT']]);
    expect(await visibility(discarded.id)).toEqual([['Off brief', 'INTERNAL']]);
    expect(await visibility(sent.id)).toEqual([['Here is the first draft', 'CLIENT']]);
    const events = (await stored(agency.tenant.id, approved.id)).events.map((e) => e.action);
    expect(events).toEqual(['idea.status_changed', 'idea.commented']);
  });

  it('when an idea goes to the client a second time, then round 2 starts and the content it sees now is stamped as shown', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), {
      status: 'CHANGES_REQUESTED',
    });
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.admin))
      .send({ version: 1, title: 'Your Sunday pour-over, in cups', status: 'PENDING_CLIENT' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'PENDING_CLIENT',
      round: 2,
      version: 2,
      title: 'Your Sunday pour-over, in cups',
    });
    const { revisions, events } = await stored(agency.tenant.id, idea.id);
    expect(revisions.map((r) => [r.version, r.shownToClientAt !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(revisions[1]?.snapshot).toMatchObject({ title: 'Your Sunday pour-over, in cups' });
    expect(events.map((e) => e.action)).toEqual(['idea.edited', 'idea.status_changed']);
  });

  it('when an idea is withdrawn and sent again without edits, then its shown revision keeps the first date', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const auth = await bearer(agency.member);
    const move = (version: number, status: Status) =>
      api.http.patch(`/api/ideas/${idea.id}`).set('Authorization', auth).send({ version, status });
    expect((await move(1, 'PENDING_CLIENT')).status).toBe(200);
    const first = (await stored(agency.tenant.id, idea.id)).revisions[0]?.shownToClientAt;
    expect((await move(2, 'GENERATED')).status).toBe(200);
    const again = await move(3, 'PENDING_CLIENT');
    expect(again.body).toMatchObject({ round: 2, version: 4 });
    expect((await stored(agency.tenant.id, idea.id)).revisions[0]?.shownToClientAt).toEqual(first);
  });

  it('when the campaign is archived, then its ideas do not move (409)', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { status: 'ARCHIVED' });
    const idea = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.contact))
      .send({ version: 1, status: 'CLIENT_APPROVED' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ reason: 'campaign_archived' }]);
  });
});

describe('optimistic concurrency', () => {
  it('when the version is stale, then 409 version_conflict naming the current version, and nothing changes', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const auth = await bearer(agency.member);
    expect(
      (
        await api.http
          .patch(`/api/ideas/${idea.id}`)
          .set('Authorization', auth)
          .send({ version: 1, title: 'First' })
      ).status,
    ).toBe(200);
    const stale = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', auth)
      .send({ version: 1, title: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: [{ currentVersion: 2 }] });
    expect((await stored(agency.tenant.id, idea.id)).idea).toMatchObject({ title: 'First', version: 2 });
  });

  it('when two updates of the same version arrive at once, then exactly one wins and the other is 409 version_conflict', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const [member, admin] = [await bearer(agency.member), await bearer(agency.admin)];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const idea = await makeIdea(api.db, campaign);
      const [edit, send] = await Promise.all([
        api.http
          .patch(`/api/ideas/${idea.id}`)
          .set('Authorization', member)
          .send({ version: 1, caption: 'Edited caption' }),
        api.http
          .patch(`/api/ideas/${idea.id}`)
          .set('Authorization', admin)
          .send({ version: 1, status: 'PENDING_CLIENT' }),
      ]);
      expect([edit.status, send.status].sort()).toEqual([200, 409]);
      const loser = edit.status === 409 ? edit : send;
      expect(loser.body.error.code).toBe('version_conflict');
      const after = await stored(agency.tenant.id, idea.id);
      expect(after.idea.version).toBe(2);
      expect(after.events).toHaveLength(1);
      // The winner's effect and nothing of the loser's.
      if (edit.status === 200)
        expect(after.idea).toMatchObject({ status: 'GENERATED', caption: 'Edited caption' });
      else expect(after.idea).toMatchObject({ status: 'PENDING_CLIENT', caption: idea.caption });
    }
  });

  it('when both updates have read the same version before either writes, then the conditional write still lets only one through', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const [member, admin] = [await bearer(agency.member), await bearer(agency.admin)];
    // Holds the idea's row lock: both requests read version 1, then queue on their UPDATE.
    let release = () => {};
    let holderXid = '';
    const holder = api.db.withTenantTx(agency.tenant.id, async (tx) => {
      await tx.$queryRaw`select 1 from ideas where id = ${idea.id}::uuid for update`;
      const [current] = await tx.$queryRaw<{ xid: string }[]>`select pg_current_xact_id()::text as xid`;
      holderXid = current?.xid ?? '';
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    // The first writer waits for the holder's transaction, the second for the first writer's row lock.
    const queuedWriters = async () => {
      const [row] = await api.db.withTenantTx(
        agency.tenant.id,
        (tx) =>
          tx.$queryRaw<{ n: number }[]>`
          select count(distinct pid)::int as n from pg_locks
           where not granted
             and ((locktype = 'transactionid' and transactionid::text = ${holderXid})
               or (locktype = 'tuple' and relation = 'ideas'::regclass))`,
      );
      return row?.n;
    };
    await expect.poll(() => holderXid, { timeout: 5_000 }).not.toBe('');
    const requests = Promise.all([
      api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', member)
        .send({ version: 1, hook: 'Hook A' }),
      api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', admin)
        .send({ version: 1, hook: 'Hook B' }),
    ]);
    await expect.poll(queuedWriters, { timeout: 10_000 }).toBe(2);
    release();
    await holder;
    const statuses = (await requests).map((res) => res.status).sort();
    expect(statuses).toEqual([200, 409]);
    const after = await stored(agency.tenant.id, idea.id);
    expect(after.idea.version).toBe(2);
    expect(after.revisions.map((r) => r.version)).toEqual([1, 2]);
  });
});
