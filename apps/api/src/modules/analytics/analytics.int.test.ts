import type { IdeaStatus } from '@muse/contracts';
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
  type TestReviewLink,
  type TestUser,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

const HOUR = 3600;
const at = (day: string, time: string) => new Date(`2026-11-${day}T${time}:00.000Z`);

type Idea = { id: string; tenantId: string; title: string };

/** One move of the idea, as the ideas service logs it, at a known time. */
function move(
  idea: Idea,
  step: { from: IdeaStatus; to: IdeaStatus; round: number; at: Date; by?: TestUser; link?: TestReviewLink },
) {
  return api.db.withTenantTx(idea.tenantId, (tx) =>
    tx.activityEvent.create({
      data: {
        tenantId: idea.tenantId,
        actorId: step.by?.id ?? null,
        reviewLinkId: step.link?.id ?? null,
        entityType: 'idea',
        entityId: idea.id,
        action: 'idea.status_changed',
        data: {
          title: idea.title,
          from: step.from,
          to: step.to,
          version: step.round + 1,
          round: step.round,
          ...(['CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED'].includes(step.from)
            ? { answerChanged: true }
            : {}),
        },
        createdAt: step.at,
      },
    }),
  );
}

const send = (idea: Idea, round: number, sentAt: Date, by: TestUser) =>
  move(idea, {
    from: round === 1 ? 'GENERATED' : 'CHANGES_REQUESTED',
    to: 'PENDING_CLIENT',
    round,
    at: sentAt,
    by,
  });

/** The idea waits in a review round due on `reviewBy`. */
async function waitsUntil(
  campaign: { tenantId: string; id: string; clientId: string },
  idea: Idea,
  reviewBy: string,
) {
  const round = await makeReviewRound(api.db, campaign, [idea]);
  await api.db.withTenantTx(campaign.tenantId, (tx) =>
    tx.reviewRound.update({ where: { id: round.id }, data: { reviewBy: new Date(`${reviewBy}T00:00:00Z`) } }),
  );
}

/**
 * A fortnight of reviews (Mon 2 to Sun 15 November 2026) with known times, in two clients:
 * client A answers in 2 h, 4 h (a change request, through a review link), 1 h and 3 h (a change
 * request it changed to an approval), leaves one idea waiting past its review-by date and has
 * one taken back; client B answers in 10 h and leaves one waiting, not yet due.
 */
async function fortnight() {
  const agency = await makeAgency(api.db);
  const a1 = await makeCampaign(api.db, agency.tenant, agency.client, { name: 'A spring' });
  const clientB = await makeClient(api.db, agency.tenant, { name: 'Zed Brewing' });
  const contactB = await makeUser(api.db, agency.tenant, {
    role: 'CLIENT',
    client: clientB,
    name: 'Bo Client',
  });
  const b1 = await makeCampaign(api.db, agency.tenant, clientB, { name: 'B launch' });
  const link = await makeReviewLink(api.db, a1, { reviewerName: 'Dana Link' });
  const idea = (campaign: typeof a1, status: IdeaStatus) => makeIdea(api.db, campaign, { status });
  const sender = agency.member;
  const contactA = agency.contact;

  const i1 = await idea(a1, 'CLIENT_APPROVED');
  await send(i1, 1, at('02', '09:00'), sender);
  await move(i1, {
    from: 'PENDING_CLIENT',
    to: 'CLIENT_APPROVED',
    round: 1,
    at: at('02', '11:00'),
    by: contactA,
  });

  const i2 = await idea(a1, 'CLIENT_APPROVED');
  await send(i2, 1, at('02', '09:00'), sender);
  await move(i2, { from: 'PENDING_CLIENT', to: 'CHANGES_REQUESTED', round: 1, at: at('02', '13:00'), link });
  await send(i2, 2, at('03', '09:00'), sender);
  await move(i2, {
    from: 'PENDING_CLIENT',
    to: 'CLIENT_APPROVED',
    round: 2,
    at: at('03', '10:00'),
    by: contactA,
  });

  const i3 = await idea(a1, 'CLIENT_APPROVED');
  await send(i3, 1, at('03', '09:00'), sender);
  await move(i3, {
    from: 'PENDING_CLIENT',
    to: 'CHANGES_REQUESTED',
    round: 1,
    at: at('03', '12:00'),
    by: contactA,
  });
  await move(i3, {
    from: 'CHANGES_REQUESTED',
    to: 'CLIENT_APPROVED',
    round: 1,
    at: at('03', '12:30'),
    by: contactA,
  });

  const i4 = await idea(a1, 'PENDING_CLIENT');
  await send(i4, 1, at('09', '09:00'), sender);
  await waitsUntil(a1, i4, '2026-11-10');

  const i5 = await idea(a1, 'GENERATED');
  await send(i5, 1, at('09', '10:00'), sender);
  await move(i5, { from: 'PENDING_CLIENT', to: 'GENERATED', round: 1, at: at('09', '11:00'), by: sender });

  // Sent before the period: its answer inside it counts for nothing.
  const i6 = await idea(a1, 'CLIENT_APPROVED');
  await move(i6, {
    from: 'GENERATED',
    to: 'PENDING_CLIENT',
    round: 1,
    at: new Date('2026-10-30T09:00:00Z'),
    by: sender,
  });
  await move(i6, {
    from: 'PENDING_CLIENT',
    to: 'CLIENT_APPROVED',
    round: 1,
    at: at('02', '09:00'),
    by: contactA,
  });
  await idea(a1, 'GENERATED');

  const i7 = await idea(b1, 'CLIENT_REJECTED');
  await send(i7, 1, at('10', '09:00'), sender);
  await move(i7, {
    from: 'PENDING_CLIENT',
    to: 'CLIENT_REJECTED',
    round: 1,
    at: at('10', '19:00'),
    by: contactB,
  });

  const i8 = await idea(b1, 'PENDING_CLIENT');
  await send(i8, 1, at('10', '09:00'), sender);
  await waitsUntil(b1, i8, '2099-01-01');

  return { agency, a1, b1, clientB, contactB, link };
}

type World = Awaited<ReturnType<typeof fortnight>>;
let world: World;
beforeAll(async () => {
  world = await fortnight();
});

const PERIOD = { from: '2026-11-02', to: '2026-11-15' };

async function approvals(user: TestUser, query: Record<string, string> = PERIOD) {
  return api.http
    .get('/api/analytics/approvals')
    .query(query)
    .set('Authorization', await bearer(user));
}

describe('GET /api/analytics/approvals', () => {
  it('when the fortnight is asked for, then the totals are the hand-counted ones', async () => {
    const res = await approvals(world.agency.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-02', to: '2026-11-15' });
    expect(res.body.totals).toEqual({
      sent: 8,
      answered: 5,
      waiting: 2,
      overdue: 1,
      withdrawn: 1,
      // 1, 2, 3, 4 and 10 hours
      medianAnswerSeconds: 3 * HOUR,
      p90AnswerSeconds: 7.6 * HOUR,
      firstRoundAnswered: 4,
      firstRoundApproved: 2,
      firstRoundApprovalRate: 0.5,
      changeRequests: 1,
      changeRequestRate: 0.2,
      ideas: 7,
      roundsPerIdea: 8 / 7,
    });
  });

  it('when broken down by client, then each client has its own rounds, medians and rates', async () => {
    const res = await approvals(world.agency.member);
    expect(res.status).toBe(200);
    expect(res.body.byClient).toEqual([
      {
        clientId: world.agency.client.id,
        clientName: world.agency.client.name,
        sent: 6,
        answered: 4,
        waiting: 1,
        overdue: 1,
        withdrawn: 1,
        medianAnswerSeconds: 2.5 * HOUR,
        p90AnswerSeconds: 3.7 * HOUR,
        firstRoundAnswered: 3,
        firstRoundApproved: 2,
        firstRoundApprovalRate: 2 / 3,
        changeRequests: 1,
        changeRequestRate: 0.25,
        ideas: 5,
        roundsPerIdea: 1.2,
      },
      {
        clientId: world.clientB.id,
        clientName: 'Zed Brewing',
        sent: 2,
        answered: 1,
        waiting: 1,
        overdue: 0,
        withdrawn: 0,
        medianAnswerSeconds: 10 * HOUR,
        p90AnswerSeconds: 10 * HOUR,
        firstRoundAnswered: 1,
        firstRoundApproved: 0,
        firstRoundApprovalRate: 0,
        changeRequests: 0,
        changeRequestRate: 0,
        ideas: 2,
        roundsPerIdea: 1,
      },
    ]);
  });

  it('when broken down by reviewer, then contacts and link holders answer for the rounds they answered', async () => {
    const res = await approvals(world.agency.admin);
    const reviewers = res.body.byReviewer.map(
      (line: { reviewer: { kind: string; name: string } } & Record<string, unknown>) => [
        line.reviewer.kind,
        line.reviewer.name,
        line.answered,
        line.medianAnswerSeconds,
        line.p90AnswerSeconds,
        line.firstRoundApprovalRate,
        line.changeRequestRate,
        line.roundsPerIdea,
      ],
    );
    // Client A's two reviewers by name, then client B's.
    const [first, second] = [world.agency.contact.name, 'Dana Link'].sort((x, y) => x.localeCompare(y));
    const rows = {
      [world.agency.contact.name]: ['contact', world.agency.contact.name, 3, 2 * HOUR, 2.8 * HOUR, 1, 0, 1],
      'Dana Link': ['review-link', 'Dana Link', 1, 4 * HOUR, 4 * HOUR, 0, 1, 1],
    };
    expect(reviewers).toEqual([
      rows[first as string],
      rows[second as string],
      ['contact', 'Bo Client', 1, 10 * HOUR, 10 * HOUR, 0, 0, 1],
    ]);
    expect(
      res.body.byReviewer.find((line: { reviewer: { name: string } }) => line.reviewer.name === 'Dana Link'),
    ).toMatchObject({ reviewer: { id: world.link.id }, clientId: world.agency.client.id });
  });

  it('when broken down by campaign, then each has its rounds and where all its ideas stand now', async () => {
    const res = await approvals(world.agency.admin);
    expect(
      res.body.byCampaign.map((line: Record<string, unknown>) => [
        line.campaignName,
        line.sent,
        line.overdue,
        line.statuses,
      ]),
    ).toEqual([
      [
        'A spring',
        6,
        1,
        {
          GENERATED: 2,
          AGENCY_REJECTED: 0,
          PENDING_CLIENT: 1,
          CHANGES_REQUESTED: 0,
          CLIENT_APPROVED: 4,
          CLIENT_REJECTED: 0,
        },
      ],
      [
        'B launch',
        2,
        0,
        {
          GENERATED: 0,
          AGENCY_REJECTED: 0,
          PENDING_CLIENT: 1,
          CHANGES_REQUESTED: 0,
          CLIENT_APPROVED: 0,
          CLIENT_REJECTED: 1,
        },
      ],
    ]);
  });

  it('when broken down by week, then every week of the period has the rounds sent in it', async () => {
    const res = await approvals(world.agency.admin);
    expect(
      res.body.byWeek.map((week: Record<string, unknown>) => [
        week.weekStart,
        week.sent,
        week.answered,
        week.medianAnswerSeconds,
        week.waiting,
        week.overdue,
        week.withdrawn,
      ]),
    ).toEqual([
      ['2026-11-02', 4, 4, 2.5 * HOUR, 0, 0, 0],
      ['2026-11-09', 4, 1, 10 * HOUR, 2, 1, 1],
    ]);
    const quiet = await approvals(world.agency.admin, { from: '2026-10-26', to: '2026-11-08' });
    expect(
      quiet.body.byWeek.map((week: { weekStart: string; sent: number }) => [week.weekStart, week.sent]),
    ).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 4],
    ]);
  });

  it('when one client is asked for, then only its rounds count', async () => {
    const res = await approvals(world.agency.admin, { ...PERIOD, clientId: world.clientB.id });
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ sent: 2, answered: 1, medianAnswerSeconds: 10 * HOUR, ideas: 2 });
    expect(res.body.byClient.map((line: { clientId: string }) => line.clientId)).toEqual([world.clientB.id]);
    expect(res.body.byCampaign.map((line: { campaignId: string }) => line.campaignId)).toEqual([world.b1.id]);
  });

  it('when a round is answered after the period ends, then it counts as answered; one sent after it does not count', async () => {
    const res = await approvals(world.agency.admin, { from: '2026-11-02', to: '2026-11-02' });
    expect(res.body.totals).toMatchObject({ sent: 2, answered: 2, medianAnswerSeconds: 3 * HOUR });
  });

  it('when no period is given, then it is the last 30 days, today included', async () => {
    const res = await approvals(world.agency.admin, {});
    expect(res.status).toBe(200);
    const to = new Date().toISOString().slice(0, 10);
    expect(res.body.to).toBe(to);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(29 * 86_400_000);
  });

  it('when the period ends before it starts, runs over a year or lacks a day, then 400', async () => {
    const backwards = await approvals(world.agency.admin, { from: '2026-11-15', to: '2026-11-02' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'invalid_input' });
    expect(backwards.body.error.details[0]).toMatchObject({ path: ['to'] });
    const long = await approvals(world.agency.admin, { from: '2025-01-01', to: '2026-11-02' });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0]).toMatchObject({ path: ['from'] });
    expect((await approvals(world.agency.admin, { from: '2020-01-01' })).status).toBe(400);
  });

  it('when another agency asks, even naming this agency’s client, then it sees none of these rounds', async () => {
    const other = await makeAgency(api.db);
    const own = await makeIdea(api.db, await makeCampaign(api.db, other.tenant, other.client), {
      status: 'PENDING_CLIENT',
    });
    await send(own, 1, at('04', '09:00'), other.member);
    const res = await approvals(other.admin);
    expect(res.body.totals).toMatchObject({ sent: 1, answered: 0, waiting: 1 });
    expect(res.body.byClient.map((line: { clientId: string }) => line.clientId)).toEqual([other.client.id]);
    const named = await approvals(other.admin, { ...PERIOD, clientId: world.clientB.id });
    expect(named.status).toBe(200);
    expect(named.body.totals.sent).toBe(0);
    expect(named.body.byClient).toEqual([]);
  });

  it('when a client contact or a review link holder asks, then 403 and 401', async () => {
    expect((await approvals(world.agency.contact)).status).toBe(403);
    const link = await api.http
      .get('/api/analytics/approvals')
      .query(PERIOD)
      .set('X-Muse-Review-Link', world.link.token);
    expect(link.status).toBe(401);
  });
});

describe('GET /api/analytics/approvals.csv', () => {
  const download = async (user: TestUser, table: string) =>
    api.http
      .get('/api/analytics/approvals.csv')
      .query({ ...PERIOD, table })
      .set('Authorization', await bearer(user))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => done(null, text));
      });

  it('when a table is downloaded, then it is the page’s table as CSV, hours and percentages rounded', async () => {
    const res = await download(world.agency.admin, 'clients');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('approvals-clients-2026-11-02-to-2026-11-15.csv');
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Client,Rounds sent,Answered,Median hours to answer,P90 hours to answer,First rounds answered,First rounds approved,First-round approval %,Change requests,Change-request %,Ideas,Rounds per idea,Waiting,Overdue,Withdrawn',
    );
    expect(lines[2]).toBe('Zed Brewing,2,1,10,10,1,0,0,0,0,2,1,1,0,0');
    expect(lines[1]).toBe(`${world.agency.client.name},6,4,2.5,3.7,3,2,66.7,1,25,5,1.2,1,1,1`);
  });

  it('when the weeks or the campaigns are downloaded, then a row per week or campaign', async () => {
    const weeks = await download(world.agency.member, 'weeks');
    expect(
      (weeks.body as string)
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',').slice(0, 3)),
    ).toEqual([
      ['2026-11-02', '4', '4'],
      ['2026-11-09', '4', '1'],
    ]);
    const campaigns = await download(world.agency.admin, 'campaigns');
    expect((campaigns.body as string).split('\r\n')[0]).toContain('Ideas now: Approved');
    expect((campaigns.body as string).split('\r\n')[2]).toMatch(/^B launch,Zed Brewing,2,/);
  });

  it('when the table is unknown or a client contact asks, then 400 and 403', async () => {
    expect((await download(world.agency.admin, 'everything')).status).toBe(400);
    expect((await download(world.agency.contact, 'clients')).status).toBe(403);
  });
});
