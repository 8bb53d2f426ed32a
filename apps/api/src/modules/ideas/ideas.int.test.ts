import type { IdeaStatus } from '@muse/contracts';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makeGeneration,
  makeIdea,
  makeUser,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const stored = (tenantId: string, id: string) =>
  api.db.withTenantTx(tenantId, async (tx) => ({
    idea: await tx.idea.findFirstOrThrow({ where: { id } }),
    events: await tx.activityEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } }),
    revisions: await tx.ideaRevision.findMany({ where: { ideaId: id }, orderBy: { version: 'asc' } }),
  }));

const ids = (res: Response) => res.body.items.map((item: { id: string }) => item.id);

describe('GET /api/ideas/:id', () => {
  it('when the agency reads an idea of the offline model, then it is labelled offlineModel, also after an edit by hand; a seeded idea is not', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const offline = await makeGeneration(api.db, campaign, {
      prompt: 1,
      completion: 1,
      model: 'offline-muse-1',
      offline: true,
    });
    const hosted = await makeGeneration(api.db, campaign, {
      prompt: 1,
      completion: 1,
      model: 'gpt-4.1-mini',
    });
    const auth = await bearer(agency.member);
    const read = async (overrides: { generationId?: string; offlineModel?: boolean } = {}) => {
      const idea = await makeIdea(api.db, campaign, overrides);
      return (await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', auth)).body;
    };
    const offlineIdea = await read({ generationId: offline.id, offlineModel: true });
    expect(offlineIdea).toMatchObject({ generationId: offline.id, offlineModel: true });
    expect(await read({ generationId: hosted.id })).toMatchObject({
      generationId: hosted.id,
      offlineModel: false,
    });
    expect(await read()).toMatchObject({ generationId: null, offlineModel: false, scheduledFor: null });

    const edited = await api.http
      .patch(`/api/ideas/${offlineIdea.id}`)
      .set('Authorization', auth)
      .send({ version: offlineIdea.version, title: 'Retitled by hand' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Retitled by hand', version: 2, offlineModel: true });
  });

  it('when the client reads an idea sent to it, then 200; one not sent yet, or discarded, is 404', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const auth = await bearer(agency.contact);
    const statusOf = async (status: IdeaStatus) =>
      (
        await api.http
          .get(`/api/ideas/${(await makeIdea(api.db, campaign, { status })).id}`)
          .set('Authorization', auth)
      ).status;
    expect(await statusOf('PENDING_CLIENT')).toBe(200);
    expect(await statusOf('CLIENT_APPROVED')).toBe(200);
    expect(await statusOf('GENERATED')).toBe(404);
    expect(await statusOf('AGENCY_REJECTED')).toBe(404);
  });

  it('when a contact of another client or anyone of another agency reads it, then 404', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), {
      status: 'PENDING_CLIENT',
    });
    const siblingContact = await makeUser(api.db, agency.tenant, {
      role: 'CLIENT',
      client: await makeClient(api.db, agency.tenant),
    });
    const other = await makeAgency(api.db);
    for (const user of [siblingContact, other.admin, other.contact]) {
      expect(
        (await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', await bearer(user))).status,
      ).toBe(404);
    }
  });
});

describe('GET /api/campaigns/:id/ideas', () => {
  it('when listed, then ideas come in the order they were made, ties by id, page by page', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const same = new Date('2026-10-01T09:00:00Z');
    const made = [
      await makeIdea(api.db, campaign, { createdAt: new Date('2026-10-02T09:00:00Z') }),
      await makeIdea(api.db, campaign, { createdAt: same }),
      await makeIdea(api.db, campaign, { createdAt: same }),
      await makeIdea(api.db, campaign, { createdAt: new Date('2026-09-30T09:00:00Z') }),
      await makeIdea(api.db, campaign, { createdAt: same }),
    ];
    const expected = [...made]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((idea) => idea.id);
    const auth = await bearer(agency.member);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.http
        .get(`/api/campaigns/${campaign.id}/ideas`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('when filtered by status, type and platform, then only matching ideas come', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const reel = await makeIdea(api.db, campaign, {
      type: 'REEL',
      platform: 'TIKTOK',
      status: 'PENDING_CLIENT',
    });
    await makeIdea(api.db, campaign, { type: 'REEL', platform: 'INSTAGRAM', status: 'PENDING_CLIENT' });
    await makeIdea(api.db, campaign, { type: 'POST', platform: 'TIKTOK', status: 'PENDING_CLIENT' });
    await makeIdea(api.db, campaign, { type: 'REEL', platform: 'TIKTOK', status: 'GENERATED' });
    const res = await api.http
      .get(`/api/campaigns/${campaign.id}/ideas`)
      .query({ status: 'PENDING_CLIENT', type: 'REEL', platform: 'TIKTOK' })
      .set('Authorization', await bearer(agency.admin));
    expect(ids(res)).toEqual([reel.id]);
  });

  it('when a client contact lists, then it sees only ideas sent to it or answered, and a filter on another status is empty', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const byStatus = new Map<IdeaStatus, string>();
    for (const status of [
      'GENERATED',
      'AGENCY_REJECTED',
      'PENDING_CLIENT',
      'CHANGES_REQUESTED',
      'CLIENT_APPROVED',
      'CLIENT_REJECTED',
    ] as const) {
      byStatus.set(status, (await makeIdea(api.db, campaign, { status })).id);
    }
    const auth = await bearer(agency.contact);
    const res = await api.http.get(`/api/campaigns/${campaign.id}/ideas`).set('Authorization', auth);
    expect(ids(res)).toEqual(
      (['PENDING_CLIENT', 'CHANGES_REQUESTED', 'CLIENT_APPROVED', 'CLIENT_REJECTED'] as const).map((s) =>
        byStatus.get(s),
      ),
    );
    const hidden = await api.http
      .get(`/api/campaigns/${campaign.id}/ideas`)
      .query({ status: 'GENERATED' })
      .set('Authorization', auth);
    expect(hidden.body).toEqual({ items: [], nextCursor: null });
  });

  it('when the campaign is another client’s or another agency’s, then 404', async () => {
    const agency = await makeAgency(api.db);
    const sibling = await makeClient(api.db, agency.tenant);
    const siblingCampaign = await makeCampaign(api.db, agency.tenant, sibling);
    const other = await makeAgency(api.db);
    const own = await api.http
      .get(`/api/campaigns/${siblingCampaign.id}/ideas`)
      .set('Authorization', await bearer(agency.contact));
    expect(own.status).toBe(404);
    const foreign = await api.http
      .get(`/api/campaigns/${siblingCampaign.id}/ideas`)
      .set('Authorization', await bearer(other.admin));
    expect(foreign.status).toBe(404);
  });

  it('when a filter is not one of the enums or the limit is over 100, then 400', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const auth = await bearer(agency.admin);
    for (const query of [
      { status: 'DONE' },
      { type: 'STORY' },
      { platform: 'MYSPACE' },
      { limit: 101 },
      { sort: 'title' },
    ]) {
      const res = await api.http
        .get(`/api/campaigns/${campaign.id}/ideas`)
        .query(query)
        .set('Authorization', auth);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('PATCH /api/ideas/:id edits content', () => {
  it('when the agency edits a draft, then the content changes at version + 1 with a revision and an idea.edited event naming the fields', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({
        version: 1,
        title: 'Tasting notes, decoded',
        hashtags: ['#Coffee', '#Taste'],
        hook: idea.hook,
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Tasting notes, decoded',
      hashtags: ['#Coffee', '#Taste'],
      version: 2,
      status: 'GENERATED',
    });
    const { revisions, events } = await stored(agency.tenant.id, idea.id);
    expect(revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(revisions[1]).toMatchObject({
      editedById: agency.member.id,
      shownToClientAt: null,
      snapshot: expect.objectContaining({
        title: 'Tasting notes, decoded',
        hook: idea.hook,
        hashtags: ['#Coffee', '#Taste'],
      }),
    });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'idea.edited',
        actorId: agency.member.id,
        data: { title: 'Tasting notes, decoded', version: 2, changedFields: ['title', 'hashtags'] },
      }),
    ]);
  });

  it('when every field sent equals what is stored, then nothing changes: same version, no revision, no event', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.admin))
      .send({ version: 1, title: idea.title, caption: idea.caption, hashtags: idea.hashtags });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    const after = await stored(agency.tenant.id, idea.id);
    expect(after.revisions).toHaveLength(1);
    expect(after.events).toEqual([]);
  });

  it('when the content of an idea with the client, approved or rejected is edited, then 409 and it stays as it was', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const auth = await bearer(agency.admin);
    for (const status of [
      'PENDING_CLIENT',
      'CLIENT_APPROVED',
      'CLIENT_REJECTED',
      'AGENCY_REJECTED',
    ] as const) {
      const idea = await makeIdea(api.db, campaign, { status });
      const res = await api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', auth)
        .send({ version: 1, caption: 'Sneaky edit' });
      expect(res.status, status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'conflict',
        details: [{ reason: 'not_editable', status }],
      });
      expect((await stored(agency.tenant.id, idea.id)).idea).toMatchObject({
        caption: idea.caption,
        version: 1,
      });
    }
  });

  it('when the client sends content or a date, then 403, even with a status move', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), {
      status: 'PENDING_CLIENT',
    });
    const auth = await bearer(agency.contact);
    for (const body of [
      { version: 1, caption: 'Better' },
      { version: 1, status: 'CLIENT_APPROVED', title: 'Mine now' },
      { version: 1, scheduledFor: '2026-11-01' },
    ]) {
      expect(
        (await api.http.patch(`/api/ideas/${idea.id}`).set('Authorization', auth).send(body)).status,
      ).toBe(403);
    }
  });

  it('when a post gets reel fields, a reel a visual direction, or beats out of order, then 400 at those fields', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const post = await makeIdea(api.db, campaign);
    const reel = await makeIdea(api.db, campaign, { type: 'REEL' });
    const auth = await bearer(agency.member);
    const beat = (startSec: number) => ({ startSec, shot: 'Close-up', voiceover: '', onScreenText: '' });
    const cases: [string, Record<string, unknown>, (string | number)[]][] = [
      [post.id, { durationSec: 30 }, ['durationSec']],
      [reel.id, { visualDirection: 'Flat lay' }, ['visualDirection']],
      [reel.id, { durationSec: 20, beats: [beat(0), beat(12), beat(8)] }, ['beats', 2, 'startSec']],
      [reel.id, { durationSec: 10, beats: [beat(0), beat(12)] }, ['beats', 1, 'startSec']],
    ];
    for (const [id, body, path] of cases) {
      const res = await api.http
        .patch(`/api/ideas/${id}`)
        .set('Authorization', auth)
        .send({ version: 1, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ path }));
    }
    const valid = await api.http
      .patch(`/api/ideas/${reel.id}`)
      .set('Authorization', auth)
      .send({ version: 1, durationSec: 20, beats: [beat(0), beat(8)], audioSuggestion: 'Lo-fi beat' });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ durationSec: 20, beats: [beat(0), beat(8)], visualDirection: null });
    const cleared = await api.http
      .patch(`/api/ideas/${reel.id}`)
      .set('Authorization', auth)
      .send({ version: 2, beats: null });
    expect(cleared.body.beats).toBeNull();
  });

  it('when the body lacks a version, changes nothing, or carries unknown fields, then 400', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const auth = await bearer(agency.admin);
    for (const body of [
      { title: 'No version' },
      { version: 1 },
      { version: 1, comment: 'only a comment' },
      { version: 1, round: 5 },
      { version: 0, title: 'x' },
      { version: 1, title: '' },
    ]) {
      const res = await api.http.patch(`/api/ideas/${idea.id}`).set('Authorization', auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('when the agency schedules an approved idea, then its date changes at version + 1 without a content revision', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client), {
      status: 'CLIENT_APPROVED',
    });
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.member))
      .send({ version: 1, scheduledFor: '2026-10-15' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scheduledFor: '2026-10-15', version: 2, status: 'CLIENT_APPROVED' });
    const { revisions, events } = await stored(agency.tenant.id, idea.id);
    expect(revisions).toHaveLength(1);
    expect(events.map((e) => [e.action, (e.data as { changedFields: string[] }).changedFields])).toEqual([
      ['idea.edited', ['scheduledFor']],
    ]);
  });

  it('when another agency patches the idea, then 404 and nothing changes', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const other = await makeAgency(api.db);
    const res = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(other.admin))
      .send({ version: 1, title: 'Hijacked' });
    expect(res.status).toBe(404);
    expect((await stored(agency.tenant.id, idea.id)).idea.title).toBe(idea.title);
  });
});

describe('POST /api/ideas/bulk-status', () => {
  it('when the client approves several ideas, then all move in one go, each with its event', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const ideas = [
      await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' }),
      await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' }),
      await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' }),
    ];
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.contact))
      .send({ ids: ideas.map((i) => i.id).reverse(), status: 'CLIENT_APPROVED', comment: 'All good!' });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(ideas.map((i) => i.id).reverse());
    expect(
      res.body.items.every(
        (i: { status: string; version: number }) => i.status === 'CLIENT_APPROVED' && i.version === 2,
      ),
    ).toBe(true);
    for (const idea of ideas) {
      const { events } = await stored(agency.tenant.id, idea.id);
      expect(events.map((e) => e.action)).toEqual(['idea.status_changed', 'idea.commented']);
    }
  });

  it('when the agency sends drafts and change requests to the client together, then each starts its next round', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const draft = await makeIdea(api.db, campaign);
    const reworked = await makeIdea(api.db, campaign, { status: 'CHANGES_REQUESTED' });
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.member))
      .send({ ids: [draft.id, reworked.id], status: 'PENDING_CLIENT' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { round: number }) => i.round)).toEqual([1, 2]);
    const { revisions } = await stored(agency.tenant.id, draft.id);
    expect(revisions[0]?.shownToClientAt).toBeInstanceOf(Date);
  });

  it('when one idea may not make the move, then nothing moves and the error names that idea', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const pending = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const answered = await makeIdea(api.db, campaign, { status: 'CLIENT_REJECTED' });
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.contact))
      .send({ ids: [pending.id, answered.id], status: 'CLIENT_APPROVED' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'invalid_transition',
      details: [{ ideaId: answered.id, code: 'invalid_transition' }],
    });
    for (const idea of [pending, answered]) {
      const after = await stored(agency.tenant.id, idea.id);
      expect(after.idea).toMatchObject({ status: idea.status, version: 1 });
      expect(after.events).toEqual([]);
    }
  });

  it('when ideas fail for different reasons, then the gravest answers (403 over 409), naming each idea, and nothing moves', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const pending = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const rejected = await makeIdea(api.db, campaign, { status: 'CLIENT_REJECTED' });
    const res = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.admin))
      .send({ ids: [pending.id, rejected.id], status: 'CLIENT_APPROVED' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'forbidden',
      details: [
        { ideaId: pending.id, code: 'forbidden' },
        { ideaId: rejected.id, code: 'invalid_transition' },
      ],
    });
    expect((await stored(agency.tenant.id, pending.id)).idea.status).toBe('PENDING_CLIENT');
  });

  it('when one id is another agency’s, another client’s or unknown to the client, then 404 and nothing moves', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const mine = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const other = await makeAgency(api.db);
    const foreign = await makeIdea(api.db, await makeCampaign(api.db, other.tenant, other.client), {
      status: 'PENDING_CLIENT',
    });
    const sibling = await makeIdea(
      api.db,
      await makeCampaign(api.db, agency.tenant, await makeClient(api.db, agency.tenant)),
      {
        status: 'PENDING_CLIENT',
      },
    );
    const notSent = await makeIdea(api.db, campaign);
    const auth = await bearer(agency.contact);
    for (const stranger of [foreign, sibling, notSent]) {
      const res = await api.http
        .post('/api/ideas/bulk-status')
        .set('Authorization', auth)
        .send({ ids: [mine.id, stranger.id], status: 'CLIENT_APPROVED' });
      expect(res.status).toBe(404);
      expect(res.body.error.details).toEqual([{ ideaId: stranger.id, code: 'not_found' }]);
    }
    expect((await stored(agency.tenant.id, mine.id)).idea.status).toBe('PENDING_CLIENT');
    expect((await stored(other.tenant.id, foreign.id)).idea.status).toBe('PENDING_CLIENT');
  });

  it('when changes are requested in bulk without a comment, or ids repeat, then 400', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const idea = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const auth = await bearer(agency.contact);
    const noComment = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', auth)
      .send({ ids: [idea.id], status: 'CHANGES_REQUESTED' });
    expect(noComment.status).toBe(400);
    const repeated = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', auth)
      .send({ ids: [idea.id, idea.id], status: 'CLIENT_APPROVED' });
    expect(repeated.status).toBe(400);
    const empty = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', auth)
      .send({ ids: [], status: 'CLIENT_APPROVED' });
    expect(empty.status).toBe(400);
  });
});

describe('GET /api/ideas/:id/revisions', () => {
  it('when the agency reads the history, then every version comes newest first with its editor; the client sees only what it was shown', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const agencyAuth = await bearer(agency.member);
    const patch = (body: Record<string, unknown>) =>
      api.http.patch(`/api/ideas/${idea.id}`).set('Authorization', agencyAuth).send(body);
    expect((await patch({ version: 1, title: 'Second take' })).status).toBe(200);
    expect((await patch({ version: 2, status: 'PENDING_CLIENT' })).status).toBe(200);
    expect(
      (
        await api.http
          .patch(`/api/ideas/${idea.id}`)
          .set('Authorization', await bearer(agency.contact))
          .send({ version: 3, status: 'CHANGES_REQUESTED', comment: 'Shorter please' })
      ).status,
    ).toBe(200);
    expect((await patch({ version: 4, title: 'Third take' })).status).toBe(200);

    const full = await api.http.get(`/api/ideas/${idea.id}/revisions`).set('Authorization', agencyAuth);
    expect(full.status).toBe(200);
    expect(full.body.items.map((r: { version: number }) => r.version)).toEqual([5, 2, 1]);
    expect(full.body.items[0]).toMatchObject({
      snapshot: expect.objectContaining({ title: 'Third take' }),
      editedBy: { id: agency.member.id, name: agency.member.name, role: 'AGENCY_MEMBER' },
      shownToClientAt: null,
    });
    expect(full.body.items[2].editedBy).toBeNull();

    const client = await api.http
      .get(`/api/ideas/${idea.id}/revisions`)
      .set('Authorization', await bearer(agency.contact));
    expect(client.body.items.map((r: { version: number }) => r.version)).toEqual([2]);
    expect(client.body.items[0].shownToClientAt).toEqual(expect.any(String));
  });

  it('when the history is longer than a page, then the cursor walks it by version', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const auth = await bearer(agency.admin);
    for (let version = 1; version <= 4; version += 1) {
      await api.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', auth)
        .send({ version, hook: `Hook ${version}` });
    }
    const first = await api.http
      .get(`/api/ideas/${idea.id}/revisions`)
      .query({ limit: 3 })
      .set('Authorization', auth);
    const second = await api.http
      .get(`/api/ideas/${idea.id}/revisions`)
      .query({ limit: 3, cursor: first.body.nextCursor })
      .set('Authorization', auth);
    expect([...first.body.items, ...second.body.items].map((r: { version: number }) => r.version)).toEqual([
      5, 4, 3, 2, 1,
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('when the idea is not visible to the caller, then 404', async () => {
    const agency = await makeAgency(api.db);
    const idea = await makeIdea(api.db, await makeCampaign(api.db, agency.tenant, agency.client));
    const other = await makeAgency(api.db);
    for (const user of [agency.contact, other.admin]) {
      expect(
        (await api.http.get(`/api/ideas/${idea.id}/revisions`).set('Authorization', await bearer(user)))
          .status,
      ).toBe(404);
    }
  });
});
