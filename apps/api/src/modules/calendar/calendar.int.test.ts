import { REVIEW_LINK_HEADER } from '@muse/contracts';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeClient,
  makeIdea,
  makeReviewLink,
  makeReviewRound,
  makeUser,
  type TestUser,
} from '../../test/factories.ts';
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Next year's spring: always ahead of today, where a feed looks. */
const YEAR = new Date().getUTCFullYear() + 1;
const day = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * An agency whose spring campaign runs through March with ideas across the workflow, and a
 * second client with an approved idea of its own.
 */
async function springCalendar() {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { name: 'Spring Menu' });
  await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.campaign.update({
      where: { id: campaign.id },
      data: {
        startDate: day(`${YEAR}-03-01`),
        endDate: day(`${YEAR}-03-31`),
        reviewBy: day(`${YEAR}-03-05`),
      },
    }),
  );
  const approved = await makeIdea(api.db, campaign, {
    status: 'CLIENT_APPROVED',
    title: 'Iced latte pour',
    scheduledFor: `${YEAR}-03-10`,
  });
  const pending = await makeIdea(api.db, campaign, {
    status: 'PENDING_CLIENT',
    title: 'Tasting flight',
    platform: 'TIKTOK',
    scheduledFor: `${YEAR}-03-12`,
  });
  const draft = await makeIdea(api.db, campaign, {
    status: 'GENERATED',
    title: 'Unsent draft',
    scheduledFor: `${YEAR}-03-12`,
  });
  const outside = await makeIdea(api.db, campaign, {
    status: 'CLIENT_APPROVED',
    title: 'April idea',
    scheduledFor: `${YEAR}-04-20`,
  });
  const toSchedule = await makeIdea(api.db, campaign, { status: 'CLIENT_APPROVED', title: 'No date yet' });
  const round = await makeReviewRound(api.db, campaign, [pending]);
  await api.db.withTenantTx(agency.tenant.id, (tx) =>
    tx.reviewRound.update({ where: { id: round.id }, data: { reviewBy: day(`${YEAR}-03-08`) } }),
  );
  const otherClient = await makeClient(api.db, agency.tenant);
  const otherContact = await makeUser(api.db, agency.tenant, { role: 'CLIENT', client: otherClient });
  const otherCampaign = await makeCampaign(api.db, agency.tenant, otherClient, { name: 'Harbour Nights' });
  const otherIdea = await makeIdea(api.db, otherCampaign, {
    status: 'CLIENT_APPROVED',
    title: 'Harbour at night',
    scheduledFor: `${YEAR}-03-15`,
  });
  return {
    ...agency,
    campaign,
    approved,
    pending,
    draft,
    outside,
    toSchedule,
    otherClient,
    otherContact,
    otherCampaign,
    otherIdea,
  };
}

const MARCH = { from: `${YEAR}-03-01`, to: `${YEAR}-03-31` };

async function calendarOf(user: TestUser, query: Record<string, string> = {}) {
  return api.http
    .get('/api/calendar')
    .query({ ...MARCH, ...query })
    .set('Authorization', await bearer(user));
}

const titles = (items: { title: string }[]) => items.map((item) => item.title);

describe('calendar: the days of a range', () => {
  it('when an agency member reads March, then it gets the ideas scheduled in March by date, the approved ideas without a date, and the campaign’s and round’s dates', async () => {
    const world = await springCalendar();
    const res = await calendarOf(world.member);
    expect(res.status).toBe(200);
    expect(titles(res.body.ideas)).toEqual([
      'Iced latte pour',
      'Tasting flight',
      'Unsent draft',
      'Harbour at night',
    ]);
    expect(res.body.ideas[0]).toMatchObject({
      id: world.approved.id,
      scheduledFor: `${YEAR}-03-10`,
      version: 1,
      campaignName: 'Spring Menu',
      clientId: world.client.id,
      clientName: world.client.name,
    });
    expect(titles(res.body.unscheduled)).toEqual(['No date yet']);
    expect(res.body.campaigns).toEqual([
      {
        id: world.campaign.id,
        name: 'Spring Menu',
        clientId: world.client.id,
        clientName: world.client.name,
        startDate: `${YEAR}-03-01`,
        endDate: `${YEAR}-03-31`,
        reviewBy: `${YEAR}-03-05`,
      },
    ]);
    expect(res.body.reviewsDue).toEqual([
      { campaignId: world.campaign.id, campaignName: 'Spring Menu', reviewBy: `${YEAR}-03-08` },
    ]);
  });

  it('when the filters name a client, a campaign, a platform or a status, then only the ideas that match each remain', async () => {
    const world = await springCalendar();
    expect(titles((await calendarOf(world.member, { clientId: world.otherClient.id })).body.ideas)).toEqual([
      'Harbour at night',
    ]);
    const byCampaign = await calendarOf(world.member, { campaignId: world.campaign.id });
    expect(titles(byCampaign.body.ideas)).toEqual(['Iced latte pour', 'Tasting flight', 'Unsent draft']);
    expect(titles((await calendarOf(world.member, { platform: 'TIKTOK' })).body.ideas)).toEqual([
      'Tasting flight',
    ]);
    const drafts = await calendarOf(world.member, { status: 'GENERATED' });
    expect(titles(drafts.body.ideas)).toEqual(['Unsent draft']);
    // The side list holds approved ideas: a filter for drafts leaves nothing to drag in.
    expect(drafts.body.unscheduled).toEqual([]);
    const otherClientsCampaigns = await calendarOf(world.member, { clientId: world.otherClient.id });
    expect(otherClientsCampaigns.body.campaigns).toEqual([]);
    expect(otherClientsCampaigns.body.reviewsDue).toEqual([]);
  });

  it('when a range is backwards or longer than 62 days, then it is 400 and names `to`', async () => {
    const world = await springCalendar();
    const backwards = await calendarOf(world.member, { from: `${YEAR}-03-10`, to: `${YEAR}-03-01` });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([expect.objectContaining({ path: ['to'] })]);
    const tooLong = await calendarOf(world.member, { from: `${YEAR}-01-01`, to: `${YEAR}-03-31` });
    expect(tooLong.status).toBe(400);
    expect((await calendarOf(world.member, { from: `${YEAR}-03-01`, to: `${YEAR}-05-01` })).status).toBe(200);
  });
});

describe('calendar: isolation', () => {
  it('when a client contact reads March, then it sees only its own client’s sent and approved ideas, no draft, nothing to schedule and no rounds', async () => {
    const world = await springCalendar();
    const res = await calendarOf(world.contact);
    expect(res.status).toBe(200);
    expect(titles(res.body.ideas)).toEqual(['Iced latte pour', 'Tasting flight']);
    expect(res.body.unscheduled).toEqual([]);
    expect(res.body.reviewsDue).toEqual([]);
    expect(res.body.campaigns.map((campaign: { id: string }) => campaign.id)).toEqual([world.campaign.id]);
    // Asking for drafts, or for another client, finds nothing either.
    expect((await calendarOf(world.contact, { status: 'GENERATED' })).body.ideas).toEqual([]);
    const other = await calendarOf(world.contact, { clientId: world.otherClient.id });
    expect(other.body).toEqual({ ideas: [], unscheduled: [], campaigns: [], reviewsDue: [] });
  });

  it('when another client’s contact reads March, then it sees its own idea only', async () => {
    const world = await springCalendar();
    const res = await calendarOf(world.otherContact);
    expect(titles(res.body.ideas)).toEqual(['Harbour at night']);
  });

  it('when a member of another tenant reads the same days, or names this tenant’s campaign, then it sees none of this tenant’s ideas', async () => {
    const world = await springCalendar();
    const other = await makeAgency(api.db);
    const queries: Record<string, string>[] = [
      {},
      { campaignId: world.campaign.id },
      { clientId: world.client.id },
    ];
    for (const query of queries) {
      const res = await calendarOf(other.admin, query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ideas: [], unscheduled: [], campaigns: [], reviewsDue: [] });
    }
  });

  it('when a review link holder asks for the calendar, then it is 401: a link answers one campaign’s review, it gets no calendar', async () => {
    const world = await springCalendar();
    const link = await makeReviewLink(api.db, world.campaign);
    const res = await api.http.get('/api/calendar').query(MARCH).set(REVIEW_LINK_HEADER, link.token);
    expect(res.status).toBe(401);
    expect(res.body.ideas).toBeUndefined();
  });
});

describe('calendar: rescheduling by drag', () => {
  it('when a member moves an idea to another day at its version, then the calendar shows it there; a second move at the old version is 409 and changes nothing', async () => {
    const world = await springCalendar();
    const auth = await bearer(world.member);
    const moved = await api.http
      .patch(`/api/ideas/${world.approved.id}`)
      .set('Authorization', auth)
      .send({ scheduledFor: `${YEAR}-03-20`, version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ scheduledFor: `${YEAR}-03-20`, version: 2 });

    const stale = await api.http
      .patch(`/api/ideas/${world.approved.id}`)
      .set('Authorization', auth)
      .send({ scheduledFor: `${YEAR}-03-22`, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const march = (await calendarOf(world.member)).body.ideas;
    expect(march.find((idea: { id: string }) => idea.id === world.approved.id)).toMatchObject({
      scheduledFor: `${YEAR}-03-20`,
      version: 2,
    });
  });

  it('when a member drags an idea of the side list onto a day, then it leaves the side list for that day', async () => {
    const world = await springCalendar();
    const res = await api.http
      .patch(`/api/ideas/${world.toSchedule.id}`)
      .set('Authorization', await bearer(world.member))
      .send({ scheduledFor: `${YEAR}-03-03`, version: 1 });
    expect(res.status).toBe(200);
    const view = (await calendarOf(world.member)).body;
    expect(view.unscheduled).toEqual([]);
    expect(titles(view.ideas)[0]).toBe('No date yet');
  });
});

/** The events of an iCalendar text, read with an independent parser. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
}

async function newFeed(user: TestUser) {
  const res = await api.http.post('/api/calendar/feed').set('Authorization', await bearer(user));
  expect(res.status).toBe(201);
  return res.body as { path: string; createdAt: string };
}

const feedToken = (path: string) => new URL(path, 'http://api.test').searchParams.get('token') ?? '';

describe('calendar: the iCalendar feed', () => {
  it('when a calendar app fetches a member’s address, then it gets every scheduled idea of the tenant but the rejected, one all-day event each, with no session', async () => {
    const world = await springCalendar();
    const rejected = await makeIdea(api.db, world.campaign, {
      status: 'CLIENT_REJECTED',
      title: 'Rejected idea',
      scheduledFor: `${YEAR}-03-11`,
    });
    const before = await api.http.get('/api/calendar/feed').set('Authorization', await bearer(world.member));
    expect(before.body).toEqual({ active: false, createdAt: null });

    const { path } = await newFeed(world.member);
    expect(feedToken(path)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await api.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = eventsOf(res.text);
    expect(events.map((event) => event.summary).sort()).toEqual(
      [
        'April idea (Instagram)',
        'Harbour at night (Instagram)',
        'Iced latte pour (Instagram)',
        'Tasting flight (TikTok)',
        'Unsent draft (Instagram)',
      ].sort(),
    );
    expect(events.find((event) => event.uid === `${world.approved.id}@muse`)).toEqual({
      uid: `${world.approved.id}@muse`,
      summary: 'Iced latte pour (Instagram)',
      start: `${YEAR}-03-10`,
      allDay: true,
      url: `${TEST_WEB_ORIGIN}/app/campaigns/${world.campaign.id}`,
    });
    expect(events.some((event) => event.uid === `${rejected.id}@muse`)).toBe(false);
    const after = await api.http.get('/api/calendar/feed').set('Authorization', await bearer(world.member));
    expect(after.body).toEqual({ active: true, createdAt: expect.any(String) });
  });

  it('when a client contact’s feed is fetched, then it holds only its client’s sent and approved ideas, never a draft', async () => {
    const world = await springCalendar();
    const { path } = await newFeed(world.contact);
    const events = eventsOf((await api.http.get(path)).text);
    expect(events.map((event) => event.uid).sort()).toEqual(
      [`${world.approved.id}@muse`, `${world.pending.id}@muse`, `${world.outside.id}@muse`].sort(),
    );
    expect(events.every((event) => event.url.startsWith(`${TEST_WEB_ORIGIN}/portal/campaigns/`))).toBe(true);
  });

  it('when the address is replaced, then the old one is 401 and the new one works; the database keeps only the hash', async () => {
    const world = await springCalendar();
    const first = await newFeed(world.member);
    const second = await newFeed(world.member);
    expect(second.path).not.toBe(first.path);
    const old = await api.http.get(first.path);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('unauthenticated');
    expect(old.text).not.toContain('VEVENT');
    expect((await api.http.get(second.path)).status).toBe(200);
    const rows = await api.db.withTenantTx(world.tenant.id, (tx) => tx.calendarFeed.findMany());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.tokenHash).not.toContain(feedToken(second.path));
  });

  it('when the feed is asked for without a token, with a malformed or unknown one, or with a session instead, then it is 401', async () => {
    const world = await springCalendar();
    await newFeed(world.member);
    for (const query of [{}, { token: 'short' }, { token: 'b'.repeat(43) }]) {
      const res = await api.http.get('/api/calendar/feed.ics').query(query);
      expect(res.status).toBe(401);
    }
    const withSession = await api.http
      .get('/api/calendar/feed.ics')
      .set('Authorization', await bearer(world.member));
    expect(withSession.status).toBe(401);
  });

  it('when the member is disabled, then its address stops working (users are disabled, never deleted)', async () => {
    const world = await springCalendar();
    const { path } = await newFeed(world.member);
    await api.db.withTenantTx(world.tenant.id, (tx) =>
      tx.user.update({ where: { id: world.member.id }, data: { status: 'DISABLED' } }),
    );
    expect((await api.http.get(path)).status).toBe(403);
  });

  it('when another tenant’s member has a feed, then neither feed holds the other tenant’s ideas', async () => {
    const world = await springCalendar();
    const other = await makeAgency(api.db);
    const otherCampaign = await makeCampaign(api.db, other.tenant, other.client);
    const theirs = await makeIdea(api.db, otherCampaign, {
      status: 'CLIENT_APPROVED',
      scheduledFor: `${YEAR}-03-10`,
    });
    const ours = eventsOf((await api.http.get((await newFeed(world.member)).path)).text);
    const their = eventsOf((await api.http.get((await newFeed(other.member)).path)).text);
    expect(ours.some((event) => event.uid === `${theirs.id}@muse`)).toBe(false);
    expect(their.map((event) => event.uid)).toEqual([`${theirs.id}@muse`]);
  });
});
