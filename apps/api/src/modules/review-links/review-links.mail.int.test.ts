import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign } from '../../test/factories.ts';
import { eventually } from '../../test/generation-harness.ts';
import { type MailWorld, startMailWorld } from '../../test/mail-world.ts';
import { TEST_WEB_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { sendEmailJob } from '../email/email.job.ts';

let world: MailWorld;
let api: TestApp;

beforeAll(async () => {
  world = await startMailWorld({ jobs: [sendEmailJob], env: { MAIL_FROM: 'Muse <hello@muse.test>' } });
  ({ api } = world);
});

afterAll(() => world?.close());

const mailTo = (recipient: string) => world.mailTo(recipient);

describe('review link mail', () => {
  it('when a link names an email, then the reviewer is mailed the address once, from the agency, in HTML and text', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client, { name: 'Spring Menu' });
    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/review-links`)
      .set('Authorization', await bearer(agency.member))
      .send({ reviewerName: 'Dana Whitfield', reviewerEmail: 'Dana@Client.test', expiresInDays: 7 });
    expect(res.status).toBe(201);
    expect(res.body.link.reviewerEmail).toBe('dana@client.test');
    expect(res.body.url.startsWith(`${TEST_WEB_ORIGIN}/review/`)).toBe(true);

    const [mail] = await eventually(async () => {
      const mails = mailTo('dana@client.test');
      return mails.length > 0 ? mails : undefined;
    }, 15_000);
    expect(mail?.from?.text).toBe(`"${agency.tenant.name}" <hello@muse.test>`);
    expect(mail?.subject).toBe(`Your review of “Spring Menu” — ${agency.tenant.name}`);
    expect(mail?.html).toContain(`href="${res.body.url}"`);
    expect(mail?.html).toContain('Hello Dana Whitfield,');
    expect(mail?.text).toContain(`Review the ideas: ${res.body.url}`);
    expect(mail?.text).toContain(agency.tenant.name);

    const event = await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.activityEvent.findFirstOrThrow({
        where: { action: 'campaign.review_link_created', entityId: campaign.id },
      }),
    );
    expect(event.data).toMatchObject({ mailed: true });
    await sleep(1_000);
    expect(mailTo('dana@client.test')).toHaveLength(1);
  });

  it('when a link names no email, then nothing is queued', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/review-links`)
      .set('Authorization', await bearer(agency.admin))
      .send({ reviewerName: 'Sam' });
    expect(res.status).toBe(201);
    const queued = await api.db.withTenantTx(agency.tenant.id, (tx) => tx.emailMessage.count());
    expect(queued).toBe(0);
  });
});
