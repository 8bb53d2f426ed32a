import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeAgency,
  makeCampaign,
  makeIdea,
  makeUser,
  type TestCampaign,
  type TestUser,
} from '../../test/factories.ts';
import { type MailWorld, startMailWorld } from '../../test/mail-world.ts';
import { TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { sendEmailJob } from '../email/email.job.ts';
import { deliverNotificationsJob } from './notifications.delivery.job.ts';
import { sendNotificationDigestsJob } from './notifications.digest.job.ts';

const BATCH_SECONDS = 2;

let world: MailWorld;
let api: TestApp;

beforeAll(async () => {
  // Two workers, as two processes would run: each notification is still mailed once.
  world = await startMailWorld({
    jobs: [sendEmailJob, deliverNotificationsJob, sendNotificationDigestsJob],
    workers: 2,
    env: {
      MAIL_FROM: 'Muse <mail@muse.test>',
      NOTIFICATION_BATCH_SECONDS: String(BATCH_SECONDS),
      // Twelve hours from now: no notification these tests make comes due for a digest by the
      // clock while they run; the digest test dates its own back instead.
      NOTIFICATION_DIGEST_HOUR: String((new Date().getUTCHours() + 12) % 24),
      NOTIFICATION_DIGEST_SWEEP_SECONDS: '1',
    },
  });
  ({ api } = world);
}, 60_000);

afterAll(() => world?.close());

const mailTo = (user: { email: string }) => world.mailTo(user.email);

const mailArrives = (user: { email: string }, count = 1) => world.mailArrives(user.email, count);

const headerOf = (mail: { headerLines: { key: string; line: string }[] }, key: string) =>
  mail.headerLines.find((header) => header.key === key)?.line.replace(/^[^:]+:\s*/, '');

async function notificationsOf(user: TestUser, query = '') {
  const res = await api.http.get(`/api/notifications${query}`).set('Authorization', await bearer(user));
  expect(res.status).toBe(200);
  return res.body as {
    items: { id: string; kind: string; data: Record<string, unknown>; readAt: string | null }[];
    unread: number;
  };
}

async function sendIdeas(user: TestUser, campaign: TestCampaign, count: number) {
  const ideas = await Promise.all(Array.from({ length: count }, () => makeIdea(api.db, campaign)));
  const res = await api.http
    .post('/api/ideas/bulk-status')
    .set('Authorization', await bearer(user))
    .send({ ids: ideas.map((idea) => idea.id), status: 'PENDING_CLIENT' });
  expect(res.status).toBe(200);
  return ideas;
}

async function answer(user: TestUser, idea: { id: string }, status: string, comment?: string) {
  const res = await api.http
    .patch(`/api/ideas/${idea.id}`)
    .set('Authorization', await bearer(user))
    .send({ version: 1, status, ...(comment ? { comment } : {}) });
  expect(res.status).toBe(200);
}

async function setPreference(user: TestUser, kind: string, delivery: string) {
  const res = await api.http
    .put('/api/notifications/preferences')
    .set('Authorization', await bearer(user))
    .send({ preferences: [{ kind, delivery }] });
  expect(res.status).toBe(200);
  return res.body as { preferences: { kind: string; delivery: string }[] };
}

describe('notifications', () => {
  it('when the agency sends three ideas, then the contact has one notification and one mail from the agency, with one-click unsubscribe', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { name: 'Spring launch' });
    const invited = await makeUser(api.db, agency.tenant, {
      role: 'CLIENT',
      client: agency.client,
      status: 'INVITED',
    });
    const disabled = await makeUser(api.db, agency.tenant, {
      role: 'CLIENT',
      client: agency.client,
      status: 'DISABLED',
    });
    await api.http
      .put('/api/branding')
      .set('Authorization', await bearer(agency.admin))
      .send({ logoUrl: 'https://cdn.example.test/agency.png' });
    const sent = await sendIdeas(agency.member, campaign, 3);

    const centre = await notificationsOf(agency.contact);
    expect(centre.unread).toBe(1);
    expect(centre.items).toEqual([
      expect.objectContaining({
        kind: 'IDEAS_SENT',
        data: {
          campaignName: 'Spring launch',
          count: 3,
          sentBy: agency.member.name,
          ideas: expect.arrayContaining(
            sent.map((idea) => expect.objectContaining({ id: idea.id, title: idea.title })),
          ),
        },
        readAt: null,
      }),
    ]);
    expect((await notificationsOf(agency.member)).items).toEqual([]);

    const [mail] = await mailArrives(agency.contact);
    expect(mail?.from?.text).toBe(`"${agency.tenant.name}" <mail@muse.test>`);
    expect(mail?.subject).toBe(`${agency.member.name} sent 3 ideas for your review`);
    // Each idea can be answered from the mail; the button opens the portal.
    expect(mail?.text).toMatch(new RegExp(`Approve: ${TEST_WEB_ORIGIN}/act/[\\w-]+\\.[\\w-]+`));
    expect(mail?.text).toContain(`Request changes: ${TEST_WEB_ORIGIN}/act/`);
    expect(mail?.text).toContain(`Open your reviews: ${TEST_WEB_ORIGIN}/portal`);
    // Each idea is listed by name, with its type and platform.
    for (const idea of sent) expect(mail?.text).toContain(`- ${idea.title}\n  Instagram post`);
    expect(mail?.html).toContain(
      `<img src="https://cdn.example.test/agency.png" alt="${agency.tenant.name}"`,
    );
    expect(headerOf(mail as never, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(mail as never, 'list-unsubscribe')).toMatch(
      new RegExp(`^<${TEST_WEB_ORIGIN}/unsubscribe/[\\w-]+\\.[\\w-]+/one-click>$`),
    );
    // A contact invited but not signed in yet is told too: the mail is what brings it in.
    const [invitation] = await mailArrives(invited);
    expect(invitation?.subject).toBe(mail?.subject);
    await sleep(1_500);
    expect(mailTo(agency.contact)).toHaveLength(1);
    expect(mailTo(disabled)).toEqual([]);
  });

  it("when the client answers three ideas within the batch window, then the agency's admin gets them in one message", async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const ideas = await Promise.all(
      [1, 2, 3].map(() => makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' })),
    );
    const [approved, changed, rejected] = ideas as [(typeof ideas)[0], (typeof ideas)[0], (typeof ideas)[0]];
    await answer(agency.contact, approved, 'CLIENT_APPROVED');
    await answer(agency.contact, changed, 'CHANGES_REQUESTED', 'Warmer, please');
    await answer(agency.contact, rejected, 'CLIENT_REJECTED');

    const centre = await notificationsOf(agency.admin);
    expect(centre.unread).toBe(3);
    expect(centre.items.map((item) => item.data.answer)).toEqual([
      'CLIENT_REJECTED',
      'CHANGES_REQUESTED',
      'CLIENT_APPROVED',
    ]);
    expect(centre.items[1]?.data).toMatchObject({ comment: 'Warmer, please', by: agency.contact.name });

    const [mail] = await mailArrives(agency.admin);
    expect(mail?.subject).toBe('3 updates on your campaigns');
    expect(mail?.text).toContain(`${agency.contact.name} approved “${approved.title}”`);
    expect(mail?.text).toContain(`${agency.contact.name} asked for changes to “${changed.title}”`);
    expect(mail?.text).toContain('“Warmer, please”');
    expect(mail?.text).toContain(`${TEST_WEB_ORIGIN}/app/campaigns/${campaign.id}`);
    await sleep(BATCH_SECONDS * 1_000 + 1_000);
    expect(mailTo(agency.admin)).toHaveLength(1);
    // The member neither created the campaign nor administers the agency.
    expect((await notificationsOf(agency.member)).items).toEqual([]);
  });

  it('when a user chose the daily digest, then nothing comes at once and the digest brings everything pending in one message', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    await setPreference(agency.contact, 'IDEAS_SENT', 'DIGEST');
    await sendIdeas(agency.member, campaign, 1);
    await sendIdeas(agency.admin, campaign, 2);

    await sleep(BATCH_SECONDS * 1_000 + 1_500);
    expect(mailTo(agency.contact)).toEqual([]);
    // A day later, the digest hour has passed since they came.
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.notification.updateMany({
        where: { userId: agency.contact.id },
        data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
      }),
    );
    const [digest] = await mailArrives(agency.contact);
    expect(digest?.subject).toBe(`2 updates from ${agency.tenant.name}`);
    await sleep(2_000);
    expect(mailTo(agency.contact)).toHaveLength(1);
  });

  it('when a user turned a kind off, then it still shows in the centre but no mail ever comes', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    await setPreference(agency.contact, 'IDEAS_SENT', 'OFF');
    await sendIdeas(agency.member, campaign, 2);

    expect((await notificationsOf(agency.contact)).unread).toBe(1);
    await sleep(9_000);
    expect(mailTo(agency.contact)).toEqual([]);
  });

  it("when the mail's one-click unsubscribe is posted, then that kind is off; a tampered link is refused and changes nothing", async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    await sendIdeas(agency.member, campaign, 1);
    const [mail] = await mailArrives(agency.contact);
    const token = /unsubscribe\/([\w-]+\.[\w-]+)\/one-click/.exec(
      headerOf(mail as never, 'list-unsubscribe') ?? '',
    )?.[1];
    expect(token).toBeDefined();

    const tampered = await api.http.post('/api/unsubscribe').send({ token: `${token}x` });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe('invalid_input');
    const before = await api.http
      .get('/api/notifications/preferences')
      .set('Authorization', await bearer(agency.contact));
    expect(before.body.preferences).toContainEqual({ kind: 'IDEAS_SENT', delivery: 'INSTANT' });

    const res = await api.http.post('/api/unsubscribe').send({ token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      stopped: 'ideas sent for review',
      preferencesUrl: 'http://web.muse.test/portal/notifications',
    });
    const after = await api.http
      .get('/api/notifications/preferences')
      .set('Authorization', await bearer(agency.contact));
    expect(after.body.preferences).toContainEqual({ kind: 'IDEAS_SENT', delivery: 'OFF' });
    expect((await api.http.post('/api/unsubscribe').send({ token })).status).toBe(200);
  });

  it("when a user marks notifications read, then only its own change: another user's ids and another tenant's are untouched", async () => {
    const agency = await makeAgency(api.db);
    const other = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const otherCampaign = await makeCampaign(api.db, other.tenant, other.client);
    const secondContact = await makeUser(api.db, agency.tenant, { role: 'CLIENT', client: agency.client });
    await sendIdeas(agency.member, campaign, 1);
    await sendIdeas(agency.member, campaign, 1);
    await sendIdeas(other.member, otherCampaign, 1);
    const [first] = (await notificationsOf(agency.contact)).items;
    const [othersFirst] = (await notificationsOf(secondContact)).items;
    const [foreign] = (await notificationsOf(other.contact)).items;

    const res = await api.http
      .post('/api/notifications/read')
      .set('Authorization', await bearer(agency.contact))
      .send({ ids: [first?.id, othersFirst?.id, foreign?.id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unread: 1 });
    expect((await notificationsOf(secondContact)).unread).toBe(2);
    expect((await notificationsOf(other.contact)).unread).toBe(1);
    expect((await notificationsOf(agency.contact, '?unread=true')).items).toHaveLength(1);

    const all = await api.http
      .post('/api/notifications/read')
      .set('Authorization', await bearer(agency.contact))
      .send({ all: true });
    expect(all.body).toEqual({ unread: 0 });
    expect((await notificationsOf(secondContact)).unread).toBe(2);
  });

  it('when a user asks for a kind its role is not notified of, then 400 names it and nothing is saved', async () => {
    const agency = await makeAgency(api.db);
    const res = await api.http
      .put('/api/notifications/preferences')
      .set('Authorization', await bearer(agency.contact))
      .send({
        preferences: [
          { kind: 'REMINDER', delivery: 'DIGEST' },
          { kind: 'CLIENT_ANSWERED', delivery: 'OFF' },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ code: 'unknown_kind' })]);
    const after = await api.http
      .get('/api/notifications/preferences')
      .set('Authorization', await bearer(agency.contact));
    expect(after.body.preferences).toEqual([
      { kind: 'IDEAS_SENT', delivery: 'INSTANT' },
      { kind: 'COMMENT', delivery: 'INSTANT' },
      { kind: 'REMINDER', delivery: 'INSTANT' },
    ]);
  });

  it('when the agency comments for the client, then the contact is told; an internal note tells no one', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const idea = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    for (const [visibility, body] of [
      ['INTERNAL', 'Let us check the legal line'],
      ['CLIENT', 'We changed the hook as you asked'],
    ]) {
      const res = await api.http
        .post(`/api/ideas/${idea.id}/comments`)
        .set('Authorization', await bearer(agency.member))
        .send({ body, visibility });
      expect(res.status).toBe(201);
    }
    const { items } = await notificationsOf(agency.contact);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'COMMENT',
        data: expect.objectContaining({
          excerpt: 'We changed the hook as you asked',
          by: agency.member.name,
        }),
      }),
    ]);
  });
});
