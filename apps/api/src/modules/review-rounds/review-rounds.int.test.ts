import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@muse/logger';
import type { ParsedMail } from 'mailparser';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkerConfig } from '../../config.ts';
import { type JobQueue, startJobQueue } from '../../jobs/job-queue.ts';
import { createTokenSigner } from '../../shared/signed-token.ts';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeIdea,
  makeUser,
  type TestCampaign,
  type TestIdea,
} from '../../test/factories.ts';
import { eventually, workerEnv } from '../../test/generation-harness.ts';
import { type MailWorld, startMailWorld } from '../../test/mail-world.ts';
import { TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { sendEmailJob } from '../email/email.job.ts';
import { deliverNotificationsJob } from '../notifications/notifications.delivery.job.ts';
import { addDays } from './review-rounds.cadence.ts';
import { sweepReviewRoundsJob } from './review-rounds.sweep.job.ts';
import { createReminderSweeper } from './review-rounds.sweeper.ts';

const DAY_MS = 86_400_000;
const logger = createLogger('review-rounds-test', { level: 'silent' });

let world: MailWorld;
let api: TestApp;

beforeAll(async () => {
  // Two workers, as two processes would run: each sends email and sweeps with its own queue.
  world = await startMailWorld({
    jobs: [sendEmailJob, deliverNotificationsJob],
    workers: 2,
    env: { NOTIFICATION_BATCH_SECONDS: '0' },
  });
  ({ api } = world);
});

afterAll(() => world?.close());

/** The sweep of one worker, at the time the test says. */
const sweeperAt = (clock: { now: Date }, worker = 0) =>
  createReminderSweeper({
    db: api.db,
    jobs: world.workers[worker] as JobQueue,
    webOrigin: TEST_WEB_ORIGIN,
    signer: createTokenSigner('a-signing-secret-for-the-reminder-tests'),
    logger,
    now: () => clock.now,
  });

/** What one sweep did to the given round: other tests' rounds share the database. */
async function sweepOf(sweep: ReturnType<typeof sweeperAt>, roundId: string) {
  const done = await sweep();
  return { reminded: done.reminded.includes(roundId), escalated: done.escalated.includes(roundId) };
}

const calendarDate = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * DAY_MS).toISOString().slice(0, 10);

/**
 * The reminders mailed to an address. A contact is also told of the sending itself, and its
 * notifications may share a message, so a reminder is a message that says ideas still wait.
 */
const remindersMailedTo = (address: string) =>
  world.inbox.received.filter(
    (mail) =>
      !Array.isArray(mail.to) &&
      mail.to?.text === address &&
      /still waits? for your review/.test(mail.text ?? ''),
  );

async function remindersMailed(address: string, count: number): Promise<ParsedMail[]> {
  await eventually(async () => (remindersMailedTo(address).length >= count ? true : undefined), 15_000);
  return remindersMailedTo(address);
}

/** The reminders in a user's notification centre. */
const remindersNotified = (tenantId: string, userId: string) =>
  api.db.withTenantTx(tenantId, (tx) => tx.notification.count({ where: { userId, kind: 'REMINDER' } }));

/** What the test reads of a round, straight from the database. */
function roundOf(tenantId: string, ideaId: string) {
  return api.db.withTenantTx(tenantId, async (tx) => {
    const idea = await tx.idea.findFirstOrThrow({ where: { id: ideaId }, select: { reviewRoundId: true } });
    if (!idea.reviewRoundId) throw new Error('the idea is in no round');
    return tx.reviewRound.findUniqueOrThrow({ where: { id: idea.reviewRoundId } });
  });
}

async function brandWithIdeas(ideaCount = 2) {
  const agency = await makeAgency(api.db);
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const ideas: TestIdea[] = [];
  for (let i = 0; i < ideaCount; i++) ideas.push(await makeIdea(api.db, campaign));
  return { ...agency, campaign, ideas };
}

type Brand = Awaited<ReturnType<typeof brandWithIdeas>>;

async function send(brand: Brand, ideas: TestIdea[], extra: { reviewBy?: string } = {}) {
  const res = await api.http
    .post('/api/ideas/bulk-status')
    .set('Authorization', await bearer(brand.member))
    .send({ ids: ideas.map((idea) => idea.id), status: 'PENDING_CLIENT', ...extra });
  expect(res.status).toBe(200);
  return res;
}

async function answer(brand: Brand, idea: TestIdea, status = 'CLIENT_APPROVED') {
  const current = await api.db.withTenantTx(brand.tenant.id, (tx) =>
    tx.idea.findFirstOrThrow({ where: { id: idea.id }, select: { version: true } }),
  );
  const res = await api.http
    .patch(`/api/ideas/${idea.id}`)
    .set('Authorization', await bearer(brand.contact))
    .send({ version: current.version, status });
  expect(res.status).toBe(200);
}

/** A review link of the campaign held by `email`, live unless told otherwise. */
function makeLink(
  brand: Brand,
  campaign: TestCampaign,
  email: string,
  state: { revoked?: boolean; optedOut?: boolean } = {},
) {
  return api.db.withTenantTx(brand.tenant.id, (tx) =>
    tx.reviewLink.create({
      data: {
        tenantId: brand.tenant.id,
        campaignId: campaign.id,
        clientId: brand.client.id,
        reviewerName: 'Robin Reviewer',
        reviewerEmail: email,
        tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
        expiresAt: new Date(Date.now() + 30 * DAY_MS),
        revokedAt: state.revoked ? new Date() : null,
        emailOptOutAt: state.optedOut ? new Date() : null,
      },
    }),
  );
}

const listRounds = async (brand: Brand, user = brand.member, campaignId = brand.campaign.id) =>
  api.http.get(`/api/campaigns/${campaignId}/review-rounds`).set('Authorization', await bearer(user));

const remindNow = async (user: Brand['member'], roundId: string) =>
  api.http.post(`/api/review-rounds/${roundId}/remind`).set('Authorization', await bearer(user));

describe('review rounds', () => {
  it('when ideas are sent, then they open a round with the campaign’s review-by date, and a later sending joins it with its own date', async () => {
    const brand = await brandWithIdeas(3);
    const campaignReviewBy = calendarDate(10);
    await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.campaign.update({
        where: { id: brand.campaign.id },
        data: { reviewBy: new Date(`${campaignReviewBy}T00:00:00.000Z`) },
      }),
    );
    await send(brand, [brand.ideas[0] as TestIdea]);
    const first = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    expect(first).toMatchObject({ sentById: brand.member.id, remindersSent: 0, answeredAt: null });
    expect(first.reviewBy?.toISOString().slice(0, 10)).toBe(campaignReviewBy);
    expect(first.nextReminderAt).toEqual(addDays(first.createdAt, 2));

    const sendingReviewBy = calendarDate(5);
    await send(brand, brand.ideas.slice(1), { reviewBy: sendingReviewBy });
    const joined = await roundOf(brand.tenant.id, (brand.ideas[2] as TestIdea).id);
    expect(joined.id).toBe(first.id);

    const res = await listRounds(brand);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: first.id, reviewBy: sendingReviewBy, pending: 3, overdue: false }),
    ]);
  });

  it('when a review-by date is in the past or comes without a sending, then 400', async () => {
    const brand = await brandWithIdeas(1);
    const past = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(brand.member))
      .send({ ids: [(brand.ideas[0] as TestIdea).id], status: 'PENDING_CLIENT', reviewBy: calendarDate(-3) });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([expect.objectContaining({ path: ['reviewBy'] })]);
    const withoutSending = await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(brand.member))
      .send({ ids: [(brand.ideas[0] as TestIdea).id], status: 'AGENCY_REJECTED', reviewBy: calendarDate(3) });
    expect(withoutSending.status).toBe(400);
    const campaign = await api.http
      .patch(`/api/campaigns/${brand.campaign.id}`)
      .set('Authorization', await bearer(brand.member))
      .send({ reviewBy: calendarDate(-3) });
    expect(campaign.status).toBe(400);
  });

  it('when reminders come due, then the client is reminded after 2 days, every 2 days, 3 times, and the day before the review-by date, each once', async () => {
    const brand = await brandWithIdeas(2);
    const holder = `holder-${randomBytes(4).toString('hex')}@client.test`;
    const revoked = `revoked-${randomBytes(4).toString('hex')}@client.test`;
    const optedOut = `opted-out-${randomBytes(4).toString('hex')}@client.test`;
    await makeLink(brand, brand.campaign, holder);
    await makeLink(brand, brand.campaign, revoked, { revoked: true });
    await makeLink(brand, brand.campaign, optedOut, { optedOut: true });
    const reviewBy = calendarDate(8);
    await send(brand, brand.ideas, { reviewBy });
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const clock = { now: new Date(round.createdAt.getTime() + DAY_MS) };
    const sweep = sweeperAt(clock);

    expect(await sweepOf(sweep, round.id)).toEqual({ reminded: false, escalated: false });
    const dayBefore = new Date(new Date(`${reviewBy}T00:00:00.000Z`).getTime() - DAY_MS);
    const expected = [2, 4, 6].map((days) => addDays(round.createdAt, days)).concat(dayBefore);
    for (const [index, due] of expected.entries()) {
      clock.now = due;
      expect(await sweepOf(sweep, round.id)).toEqual({ reminded: true, escalated: false });
      // The same moment again finds nothing due.
      expect(await sweepOf(sweep, round.id)).toEqual({ reminded: false, escalated: false });
      const state = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
      expect(state).toMatchObject({ remindersSent: index + 1, lastRemindedAt: due });
    }
    const done = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    expect(done.nextReminderAt).toBeNull();
    clock.now = addDays(round.createdAt, 7.5);
    expect((await sweepOf(sweep, round.id)).reminded).toBe(false);

    // The contact: four reminders in its notification centre, mailed as its preferences say.
    expect(await remindersNotified(brand.tenant.id, brand.contact.id)).toBe(4);
    const [mail] = await remindersMailed(brand.contact.email, 1);
    expect(mail?.from?.value[0]?.name).toBe(brand.tenant.name);
    expect(mail?.html).toContain('2 ideas still wait for your review');
    expect(mail?.text).toContain(`${TEST_WEB_ORIGIN}/portal/campaigns/${brand.campaign.id}`);
    expect(mail?.text).toContain(`please answer by ${reviewBy}`);
    const [linkMail] = await remindersMailed(holder, 4);
    expect(remindersMailedTo(holder)).toHaveLength(4);
    // A holder has no account: its review page, by a signed address, and a way to stop these.
    expect(linkMail?.text).toMatch(new RegExp(`Review them: ${TEST_WEB_ORIGIN}/review/[\\w-]+\\.[\\w-]+`));
    expect(linkMail?.text).not.toContain('/portal');
    expect(linkMail?.headerLines.map((header) => header.key)).toContain('list-unsubscribe');
    expect(remindersMailedTo(revoked)).toEqual([]);
    expect(remindersMailedTo(optedOut)).toEqual([]);
    expect(remindersMailedTo(brand.member.email)).toEqual([]);
    expect(await remindersNotified(brand.tenant.id, brand.member.id)).toBe(0);
  });

  it('when the client has answered every idea of the round, then the round is answered and no reminder follows', async () => {
    const brand = await brandWithIdeas(2);
    await send(brand, brand.ideas);
    const [first, second] = brand.ideas as [TestIdea, TestIdea];
    await answer(brand, first);
    expect((await roundOf(brand.tenant.id, first.id)).answeredAt).toBeNull();
    await answer(brand, second, 'CLIENT_REJECTED');
    const round = await roundOf(brand.tenant.id, first.id);
    expect(round.answeredAt).toBeInstanceOf(Date);
    expect(round.nextReminderAt).toBeNull();

    const clock = { now: addDays(round.createdAt, 30) };
    expect((await sweepOf(sweeperAt(clock), round.id)).reminded).toBe(false);
    const listed = await listRounds(brand);
    expect(listed.body.items[0]).toMatchObject({ pending: 0, answeredAt: expect.any(String) });
  });

  it('when the agency withdraws the last pending idea, then the round is answered too, and the next sending opens a new one', async () => {
    const brand = await brandWithIdeas(1);
    const idea = brand.ideas[0] as TestIdea;
    await send(brand, [idea]);
    const first = await roundOf(brand.tenant.id, idea.id);
    const { version } = await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.idea.findFirstOrThrow({ where: { id: idea.id }, select: { version: true } }),
    );
    const withdrawn = await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(brand.member))
      .send({ version, status: 'GENERATED' });
    expect(withdrawn.status).toBe(200);
    expect((await roundOf(brand.tenant.id, idea.id)).answeredAt).toBeInstanceOf(Date);

    await send(brand, [idea]);
    const second = await roundOf(brand.tenant.id, idea.id);
    expect(second.id).not.toBe(first.id);
    expect(second.answeredAt).toBeNull();
  });

  it('when the agency turns the client’s reminders off after sending, then the reminder that was due is not sent', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas);
    const off = await api.http
      .patch(`/api/clients/${brand.client.id}`)
      .set('Authorization', await bearer(brand.member))
      .send({ reminderLimit: 0 });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ reminderLimit: 0, reminderFirstAfterDays: 2, reminderEveryDays: 2 });
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const clock = { now: addDays(round.createdAt, 2) };

    expect((await sweepOf(sweeperAt(clock), round.id)).reminded).toBe(false);
    const after = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    expect(after).toMatchObject({ remindersSent: 0, nextReminderAt: null });
    expect(await remindersNotified(brand.tenant.id, brand.contact.id)).toBe(0);
    await sleep(1_000);
    expect(remindersMailedTo(brand.contact.email)).toEqual([]);
  });

  it('when two workers sweep the same due reminder at once, then it is sent exactly once', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas);
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const clock = { now: addDays(round.createdAt, 2) };
    const results = await Promise.all([
      sweepOf(sweeperAt(clock, 0), round.id),
      sweepOf(sweeperAt(clock, 1), round.id),
    ]);

    expect(results.filter((result) => result.reminded)).toHaveLength(1);
    expect((await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id)).remindersSent).toBe(1);
    expect(await remindersNotified(brand.tenant.id, brand.contact.id)).toBe(1);
    await remindersMailed(brand.contact.email, 1);
    await sleep(1_500);
    expect(remindersMailedTo(brand.contact.email)).toHaveLength(1);
    expect(remindersMailedTo(brand.contact.email)[0]?.text).toContain('1 idea still waits for your review');
  });

  it('when the agency reminds now, then the reminder goes out at once and the cadence starts again from now; on an answered round, 409', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas);
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const before = Date.now();
    const res = await remindNow(brand.admin, round.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: round.id, remindersSent: 1, pending: 1 });
    const next = new Date(res.body.nextReminderAt).getTime();
    const last = new Date(res.body.lastRemindedAt).getTime();
    expect(last).toBeGreaterThanOrEqual(before - 1_000);
    expect(next - last).toBe(2 * DAY_MS);
    await remindersMailed(brand.contact.email, 1);

    // The reminder first due (sent + 2 days) is gone: the sweep then finds nothing.
    const clock = { now: addDays(round.createdAt, 2) };
    expect((await sweepOf(sweeperAt(clock), round.id)).reminded).toBe(false);

    await answer(brand, brand.ideas[0] as TestIdea);
    const refused = await remindNow(brand.member, round.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
  });

  it('when the review-by date passes unanswered, then the agency is told exactly once, however many workers sweep', async () => {
    const brand = await brandWithIdeas(2);
    const reviewBy = calendarDate(3);
    await send(brand, brand.ideas, { reviewBy });
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const onTheDay = { now: new Date(`${reviewBy}T22:00:00.000Z`) };
    expect((await sweepOf(sweeperAt(onTheDay), round.id)).escalated).toBe(false);

    const dayAfter = { now: new Date(new Date(`${reviewBy}T00:00:00.000Z`).getTime() + DAY_MS) };
    const results = await Promise.all([
      sweepOf(sweeperAt(dayAfter, 0), round.id),
      sweepOf(sweeperAt(dayAfter, 1), round.id),
    ]);
    expect(results.filter((result) => result.escalated)).toHaveLength(1);
    expect((await sweepOf(sweeperAt(dayAfter), round.id)).escalated).toBe(false);

    const events = await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.activityEvent.findMany({
        where: { action: 'campaign.review_overdue', entityId: brand.campaign.id },
      }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        entityId: brand.campaign.id,
        actorId: null,
        data: { name: brand.campaign.name, reviewRoundId: round.id, reviewBy, pending: 2 },
      }),
    ]);
    const stored = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    expect(stored.escalatedAt).toEqual(dayAfter.now);

    // The member who sent the ideas and the agency's admin are told in their notification centre.
    const notices = await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.notification.findMany({ where: { kind: 'REVIEW_OVERDUE', campaignId: brand.campaign.id } }),
    );
    expect(notices.map((notice) => notice.userId).sort()).toEqual([brand.admin.id, brand.member.id].sort());
    expect(notices[0]?.data).toEqual({
      campaignName: brand.campaign.name,
      clientName: brand.client.name,
      reviewBy,
      pending: 2,
    });
  });

  it('when a round is overdue, then the agency reads it as overdue', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas, { reviewBy: calendarDate(0) });
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.reviewRound.update({ where: { id: round.id }, data: { reviewBy: new Date('2020-01-01') } }),
    );
    const res = await listRounds(brand);
    expect(res.body.items[0]).toMatchObject({ reviewBy: '2020-01-01', overdue: true });
  });

  it('when another agency, or a client contact, asks for a round, then 404 or 403, and nothing is sent', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas);
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    const other = await makeAgency(api.db);
    const otherClientContact = await makeUser(api.db, brand.tenant, {
      role: 'CLIENT',
      client: await api.db.withTenantTx(brand.tenant.id, (tx) =>
        tx.client.create({
          data: { tenantId: brand.tenant.id, name: 'Another brand', platforms: ['INSTAGRAM'] },
        }),
      ),
    });

    expect((await remindNow(other.admin, round.id)).status).toBe(404);
    expect((await listRounds(brand, other.member)).status).toBe(404);
    expect((await remindNow(brand.contact, round.id)).status).toBe(403);
    expect((await listRounds(brand, brand.contact)).status).toBe(403);
    expect((await remindNow(otherClientContact, round.id)).status).toBe(403);
    const unsigned = await api.http.post(`/api/review-rounds/${round.id}/remind`);
    expect(unsigned.status).toBe(401);

    const stored = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    expect(stored.remindersSent).toBe(0);
    await sleep(1_000);
    expect(remindersMailedTo(brand.contact.email)).toEqual([]);
  });
});

describe('the sweep-review-rounds job', () => {
  it('when a worker works the registered job, then it sends a reminder that came due on its own schedule', async () => {
    const brand = await brandWithIdeas(1);
    await send(brand, brand.ideas);
    const round = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
    // Sent three days ago: its first reminder came due a day ago.
    const sentAt = new Date(Date.now() - 3 * DAY_MS);
    await api.db.withTenantTx(brand.tenant.id, (tx) =>
      tx.reviewRound.update({
        where: { id: round.id },
        data: { createdAt: sentAt, nextReminderAt: addDays(sentAt, 2) },
      }),
    );
    const config = parseWorkerConfig(
      workerEnv(world.database.url, 'http://127.0.0.1:9', {
        SMTP_URL: world.inbox.url,
        REMINDER_SWEEP_SECONDS: '1',
        NOTIFICATION_BATCH_SECONDS: '0',
        WEB_ORIGIN: TEST_WEB_ORIGIN,
      }),
    );
    const worker = await startJobQueue({
      databaseUrl: world.database.url,
      config,
      role: 'worker',
      logger,
      jobs: [sweepReviewRoundsJob, sendEmailJob, deliverNotificationsJob],
    });
    try {
      await worker.work({ config, db: api.db, logger, metrics: new Registry(), queue: worker });
      const [mail] = await remindersMailed(brand.contact.email, 1);
      expect(mail?.text).toContain('1 idea still waits for your review');
      const reminded = await roundOf(brand.tenant.id, (brand.ideas[0] as TestIdea).id);
      expect(reminded.remindersSent).toBe(1);
      expect(reminded.nextReminderAt?.getTime()).toBeGreaterThan(Date.now() + DAY_MS);
    } finally {
      await worker.stop(2_000);
    }
  });
});
