import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@muse/db';
import { createLogger } from '@muse/logger';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkerConfig, type WorkerConfig } from '../../config.ts';
import { type JobQueue, startJobQueue } from '../../jobs/job-queue.ts';
import { makeTenant } from '../../test/factories.ts';
import { createPrivateDatabase, eventually, workerEnv } from '../../test/generation-harness.ts';
import { createTestDatabase } from '../../test/owner-database.ts';
import { type SmtpInbox, startSmtpInbox } from '../../test/smtp-inbox.ts';
import { sendEmailJob } from './email.job.ts';
import { queueEmail } from './email.queue.ts';
import { createEmailSender } from './email.sender.ts';

const RETRY_LIMIT = 2;
const logger = createLogger('email-test', { level: 'silent' });

let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let db: Database;
let inbox: SmtpInbox;
let config: WorkerConfig;
let api: JobQueue;
const workers: JobQueue[] = [];
let tenantId: string;

beforeAll(async () => {
  database = await createPrivateDatabase();
  db = createTestDatabase(database.url, 4);
  inbox = await startSmtpInbox();
  config = parseWorkerConfig(
    workerEnv(database.url, 'http://127.0.0.1:9', {
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Northwind Social <hello@northwind.test>',
      EMAIL_RETRY_LIMIT: String(RETRY_LIMIT),
      EMAIL_RETRY_DELAY_SECONDS: '0',
    }),
  );
  const jobs = [sendEmailJob];
  api = await startJobQueue({ databaseUrl: database.url, config, role: 'api', logger, jobs });
  // Two workers, as two processes would run.
  for (const _ of [1, 2]) {
    const queue = await startJobQueue({ databaseUrl: database.url, config, role: 'worker', logger, jobs });
    await queue.work({ config, db, logger, metrics: new Registry(), queue });
    workers.push(queue);
  }
  tenantId = (await makeTenant(db)).id;
});

afterAll(async () => {
  for (const queue of workers) await queue.stop(2_000);
  await api?.stop();
  await inbox?.close();
  await db?.disconnect();
  await database?.drop();
});

let recipients = 0;
/** A recipient no other test writes to. */
const newRecipient = () => `reviewer-${++recipients}@client.test`;

function message(recipient: string) {
  return {
    tenantId,
    kind: 'test',
    recipient,
    subject: 'Three ideas wait for your review',
    html: '<p>Three ideas <strong>wait</strong> for you.</p>',
    text: 'Three ideas wait for you.',
    headers: {
      'List-Unsubscribe': '<https://muse.test/unsubscribe/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

const arrivedFor = (recipient: string) =>
  inbox.received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === recipient);

const outboxRow = (id: string) =>
  db.withTenantTx(tenantId, (tx) => tx.emailMessage.findUniqueOrThrow({ where: { id } }));

async function delivered(recipient: string) {
  return eventually(async () => {
    const mails = arrivedFor(recipient);
    return mails.length > 0 ? mails : undefined;
  }, 15_000);
}

describe('email', () => {
  it('when a message is queued, then it arrives once, with its HTML and text parts and its headers, and is marked sent', async () => {
    const recipient = newRecipient();
    const id = await db.withTenantTx(tenantId, (tx) => queueEmail(tx, api, message(recipient)));

    const [mail] = await delivered(recipient);
    expect(mail?.from?.text).toBe('"Northwind Social" <hello@northwind.test>');
    expect(mail?.subject).toBe('Three ideas wait for your review');
    expect(mail?.html).toContain('<strong>wait</strong>');
    expect(mail?.text?.trim()).toBe('Three ideas wait for you.');
    const headerLines = Object.fromEntries(
      mail?.headerLines.map((header) => [header.key, header.line]) ?? [],
    );
    expect(headerLines).toMatchObject({
      'list-unsubscribe': 'List-Unsubscribe: <https://muse.test/unsubscribe/abc>',
      'list-unsubscribe-post': 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    });

    const row = await eventually(async () => {
      const current = await outboxRow(id);
      return current.status === 'SENT' ? current : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
    await sleep(1_500);
    expect(arrivedFor(recipient)).toHaveLength(1);
  });

  it("when a message names its sender, then it comes from that name at MAIL_FROM's address", async () => {
    const recipient = newRecipient();
    await db.withTenantTx(tenantId, (tx) =>
      queueEmail(tx, api, { ...message(recipient), fromName: 'Blue Harbor Agency' }),
    );

    const [mail] = await delivered(recipient);
    expect(mail?.from?.text).toBe('"Blue Harbor Agency" <hello@northwind.test>');
  });

  it('when the transaction that queued a message rolls back, then nothing is stored and nothing is sent', async () => {
    const recipient = newRecipient();
    const jobsBefore = (await api.boss.findJobs(sendEmailJob.name)).length;
    await expect(
      db.withTenantTx(tenantId, async (tx) => {
        await queueEmail(tx, api, message(recipient));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const rows = await db.withTenantTx(tenantId, (tx) => tx.emailMessage.count({ where: { recipient } }));
    expect(rows).toBe(0);
    expect(await api.boss.findJobs(sendEmailJob.name)).toHaveLength(jobsBefore);
    await sleep(1_500);
    expect(arrivedFor(recipient)).toEqual([]);
  });

  it('when the SMTP server refuses the first attempt, then a retry delivers the message and the attempts are counted', async () => {
    const recipient = newRecipient();
    let refusals = 0;
    inbox.refuseWhen = (to) => to === recipient && refusals++ === 0;
    const id = await db.withTenantTx(tenantId, (tx) => queueEmail(tx, api, message(recipient)));

    await delivered(recipient);
    const row = await eventually(async () => {
      const current = await outboxRow(id);
      return current.status === 'SENT' ? current : undefined;
    });
    expect(refusals).toBe(2);
    expect(row.attempts).toBe(2);
    expect(arrivedFor(recipient)).toHaveLength(1);
  });

  it('when the SMTP server refuses every attempt, then after the last retry the message is failed with the reason', async () => {
    const recipient = newRecipient();
    inbox.refuseWhen = (to) => to === recipient;
    const id = await db.withTenantTx(tenantId, (tx) => queueEmail(tx, api, message(recipient)));

    const row = await eventually(async () => {
      const current = await outboxRow(id);
      return current.status === 'FAILED' ? current : undefined;
    });
    expect(row.attempts).toBe(RETRY_LIMIT + 1);
    expect(row.lastError).toMatch(/451.*try again later/);
    expect(row.sentAt).toBeNull();
    expect(arrivedFor(recipient)).toEqual([]);
  });

  it('when two workers hold the same message at once, then it is delivered once', async () => {
    const recipient = newRecipient();
    // Written without its job, so only the two handlers below see it.
    const id = await db.withTenantTx(tenantId, (tx) =>
      tx.emailMessage.create({ data: message(recipient), select: { id: true } }).then((row) => row.id),
    );
    const [one, two] = [1, 2].map(() =>
      sendEmailJob.handler({ config, db, logger, metrics: new Registry(), queue: api }),
    );
    const job = {
      id: 'duplicate',
      data: { tenantId, emailMessageId: id },
      retryCount: 0,
      retryLimit: RETRY_LIMIT,
      signal: new AbortController().signal,
    };
    await Promise.all([one?.(job), two?.(job)]);

    expect(arrivedFor(recipient)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('when no SMTP server is configured, then the attempt fails saying so and the message is not sent', async () => {
    const recipient = newRecipient();
    const id = await db.withTenantTx(tenantId, (tx) =>
      tx.emailMessage.create({ data: message(recipient), select: { id: true } }).then((row) => row.id),
    );
    const send = createEmailSender({
      db,
      transport: undefined,
      from: 'x@muse.test',
      logger,
      sendTimeoutMs: 5_000,
    });
    const job = {
      id: 'unconfigured',
      data: { tenantId, emailMessageId: id },
      retryCount: 0,
      retryLimit: 0,
      signal: new AbortController().signal,
    };

    await expect(send(job)).rejects.toThrow(/SMTP_URL is not set/);
    expect(await outboxRow(id)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: expect.stringMatching(/SMTP_URL is not set/),
    });
  });
});
