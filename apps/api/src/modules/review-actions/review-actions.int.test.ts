import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign, makeIdea, makeReviewLink, unique } from '../../test/factories.ts';
import { type MailWorld, startMailWorld } from '../../test/mail-world.ts';
import { TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { sendEmailJob } from '../email/email.job.ts';
import { deliverNotificationsJob } from '../notifications/notifications.delivery.job.ts';
import { mailLinkHoldersJob } from '../review-links/review-links.sending.job.ts';

let world: MailWorld;
let api: TestApp;

beforeAll(async () => {
  world = await startMailWorld({
    jobs: [sendEmailJob, deliverNotificationsJob, mailLinkHoldersJob],
    env: { NOTIFICATION_BATCH_SECONDS: '1' },
  });
  ({ api } = world);
}, 60_000);

afterAll(() => world?.close());

async function mailTo(email: string) {
  const [mail] = await world.mailArrives(email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

/** The answer links of an idea in a message's text part, by the line of its title. */
function linksOf(text: string, title: string) {
  const block = text.slice(text.indexOf(`- ${title}`));
  const approve = /Approve: \S+\/act\/(\S+)/.exec(block)?.[1];
  const changes = /Request changes: \S+\/act\/(\S+)/.exec(block)?.[1];
  if (!approve || !changes) throw new Error(`no answer links under ${title}`);
  return { approve, changes };
}

async function sendToClient(agency: Awaited<ReturnType<typeof makeAgency>>, count: number) {
  const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
  const email = `${unique('reviewer')}@client.test`;
  const link = await makeReviewLink(api.db, campaign, { reviewerName: 'Dana', reviewerEmail: email });
  const ideas = await Promise.all(Array.from({ length: count }, () => makeIdea(api.db, campaign)));
  const sent = await api.http
    .post('/api/ideas/bulk-status')
    .set('Authorization', await bearer(agency.member))
    .send({ ids: ideas.map((idea) => idea.id), status: 'PENDING_CLIENT' });
  expect(sent.status).toBe(200);
  return { campaign, link, ideas, email };
}

const open = (token: string) => api.http.post('/api/review-actions/open').send({ token });
const answer = (token: string, comment?: string) =>
  api.http.post('/api/review-actions/answer').send({ token, ...(comment ? { comment } : {}) });

describe('answering from a message', () => {
  it("when ideas are sent to a campaign shared with a reviewer, then its mail lists each with Approve and Request changes, and its review page's address", async () => {
    const agency = await makeAgency(api.db);
    const { ideas, email } = await sendToClient(agency, 2);
    const mail = await mailTo(email);
    expect(mail.subject).toBe(`${agency.member.name} sent 2 ideas for your review`);
    for (const idea of ideas) expect(() => linksOf(mail.text ?? '', idea.title)).not.toThrow();
    expect(mail.text).toMatch(new RegExp(`Open your reviews: ${TEST_WEB_ORIGIN}/review/[\\w-]+\\.[\\w-]+`));
    expect(mail.headerLines.map((header) => header.key)).toContain('list-unsubscribe');
  });

  it('when the Approve link is opened, then nothing changes; when it is answered, the idea is approved by "Name (review link)" and the link then says so', async () => {
    const agency = await makeAgency(api.db);
    const { ideas, email } = await sendToClient(agency, 1);
    const [idea] = ideas as [(typeof ideas)[0]];
    const { approve } = linksOf((await mailTo(email)).text ?? '', idea.title);

    const opened = await open(approve);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      state: 'ready',
      decision: 'CLIENT_APPROVED',
      reviewerName: 'Dana',
      agency: { name: agency.tenant.name },
      idea: { id: idea.id, status: 'PENDING_CLIENT', title: idea.title },
    });
    const unchanged = await api.http
      .get(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.member));
    expect(unchanged.body.status).toBe('PENDING_CLIENT');

    const answered = await answer(approve);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ state: 'answered', idea: { status: 'CLIENT_APPROVED' } });
    const activity = await api.http
      .get('/api/activity')
      .query({ entityType: 'idea', entityId: idea.id })
      .set('Authorization', await bearer(agency.admin));
    expect(activity.body.items[0]).toMatchObject({
      action: 'idea.status_changed',
      data: { to: 'CLIENT_APPROVED' },
      reviewLink: { reviewerName: 'Dana' },
    });
    // Used again (a second tap, a forwarded mail): it says where the idea stands and does nothing.
    const again = await answer(approve);
    expect(again.body).toMatchObject({ state: 'answered', idea: { status: 'CLIENT_APPROVED' } });
  });

  it('when changes are requested from the mail, then the comment is required and goes with the answer', async () => {
    const agency = await makeAgency(api.db);
    const { ideas, email } = await sendToClient(agency, 1);
    const [idea] = ideas as [(typeof ideas)[0]];
    const { changes } = linksOf((await mailTo(email)).text ?? '', idea.title);

    const bare = await answer(changes);
    expect(bare.status).toBe(400);
    const res = await answer(changes, 'Warmer, and mention Saturday');
    expect(res.body).toMatchObject({ state: 'answered', idea: { status: 'CHANGES_REQUESTED' } });
  });

  it('when the idea was sent again since the mail, then its link shows the current version and answers nothing; the links it hands back answer the current one', async () => {
    const agency = await makeAgency(api.db);
    const { ideas, email } = await sendToClient(agency, 1);
    const [idea] = ideas as [(typeof ideas)[0]];
    const { approve } = linksOf((await mailTo(email)).text ?? '', idea.title);
    // The agency takes it back, edits it and sends it again: a newer version waits.
    const member = await bearer(agency.member);
    const get = async () => (await api.http.get(`/api/ideas/${idea.id}`).set('Authorization', member)).body;
    await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', member)
      .send({ version: (await get()).version, status: 'GENERATED' });
    await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', member)
      .send({ version: (await get()).version, hook: 'A newer hook' });
    await api.http
      .patch(`/api/ideas/${idea.id}`)
      .set('Authorization', member)
      .send({ version: (await get()).version, status: 'PENDING_CLIENT' });

    const stale = await answer(approve);
    expect(stale.body).toMatchObject({
      state: 'changed',
      idea: { hook: 'A newer hook', status: 'PENDING_CLIENT' },
    });
    expect((await get()).status).toBe('PENDING_CLIENT');
    const current = await answer(stale.body.current.approve);
    expect(current.body).toMatchObject({ state: 'answered', idea: { status: 'CLIENT_APPROVED' } });
  });

  it('when a link is tampered with, made for another purpose, or its review link was revoked, then it is refused and nothing changes', async () => {
    const agency = await makeAgency(api.db);
    const { ideas, email, link } = await sendToClient(agency, 1);
    const [idea] = ideas as [(typeof ideas)[0]];
    const mail = await mailTo(email);
    const { approve } = linksOf(mail.text ?? '', idea.title);
    const [body, signature] = approve.split('.');
    const forged = `${Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()),
        d: { decision: 'CLIENT_REJECTED' },
      }),
    ).toString('base64url')}.${signature}`;
    expect((await answer(forged)).status).toBe(400);
    const openLink = /review\/([\w-]+\.[\w-]+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect((await answer(openLink)).status).toBe(400);

    await api.http
      .post(`/api/review-links/${link.id}/revoke`)
      .set('Authorization', await bearer(agency.member));
    const revoked = await answer(approve);
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.code).toBe('review_link_revoked');
    const after = await api.http
      .get(`/api/ideas/${idea.id}`)
      .set('Authorization', await bearer(agency.member));
    expect(after.body.status).toBe('PENDING_CLIENT');
  });

  it("when a client contact's mail is answered, then it answers as that contact; a disabled contact's link no longer does", async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const [first, second] = await Promise.all([makeIdea(api.db, campaign), makeIdea(api.db, campaign)]);
    await api.http
      .post('/api/ideas/bulk-status')
      .set('Authorization', await bearer(agency.member))
      .send({ ids: [first?.id, second?.id], status: 'PENDING_CLIENT' });
    const mail = await mailTo(agency.contact.email);
    const one = linksOf(mail.text ?? '', first?.title ?? '');
    const two = linksOf(mail.text ?? '', second?.title ?? '');

    const res = await answer(one.approve);
    expect(res.body).toMatchObject({ state: 'answered', reviewerName: agency.contact.name });
    const activity = await api.http
      .get('/api/activity')
      .query({ entityType: 'idea', entityId: first?.id })
      .set('Authorization', await bearer(agency.admin));
    expect(activity.body.items[0].actor).toMatchObject({ id: agency.contact.id });

    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.user.update({ where: { id: agency.contact.id }, data: { status: 'DISABLED' } }),
    );
    expect((await answer(two.approve)).status).toBe(403);
  });
});
