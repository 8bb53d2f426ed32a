import { createLogger } from '@muse/logger';
import type { ParsedMail } from 'mailparser';
import { Registry } from 'prom-client';
import { parseWorkerConfig } from '../config.ts';
import type { AnyJobDefinition } from '../jobs/job.ts';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.ts';
import { createPrivateDatabase, eventually, workerEnv } from './generation-harness.ts';
import { createTestDatabase } from './owner-database.ts';
import { type SmtpInbox, startSmtpInbox } from './smtp-inbox.ts';
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from './test-app.ts';

export interface MailWorld {
  database: Awaited<ReturnType<typeof createPrivateDatabase>>;
  api: TestApp;
  inbox: SmtpInbox;
  /** As separate processes would run them, each with its own queue connection. */
  workers: JobQueue[];
  /** Every message the inbox accepted for this address (exactly, as the To header says). */
  mailTo(address: string): ParsedMail[];
  /** The messages for the address once at least `count` have come (within 20 s). */
  mailArrives(address: string, count?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

const logger = createLogger('mail-world', { level: 'silent' });

/**
 * A private database, the API on it, a real SMTP inbox and workers that run the given jobs: what
 * a test of anything that ends in mail needs. `env` goes to the API and the workers alike (a
 * worker signs and links with the same secret and web origin as the API).
 */
export async function startMailWorld(options: {
  jobs: AnyJobDefinition[];
  workers?: number;
  env?: Record<string, string>;
}): Promise<MailWorld> {
  const database = await createPrivateDatabase();
  const inbox = await startSmtpInbox();
  const env = { DATABASE_URL: database.url, ...options.env };
  const api = await startTestApp({ env });
  const config = parseWorkerConfig(
    workerEnv(database.url, 'http://127.0.0.1:9', {
      WEB_ORIGIN: TEST_WEB_ORIGIN,
      EMAIL_RETRY_DELAY_SECONDS: '0',
      ...env,
      SMTP_URL: inbox.url,
    }),
  );
  const db = createTestDatabase(database.url, 4);
  const workers: JobQueue[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) {
    const queue = await startJobQueue({
      databaseUrl: database.url,
      config,
      role: 'worker',
      logger,
      jobs: options.jobs,
    });
    await queue.work({ config, db, logger, metrics: new Registry(), queue });
    workers.push(queue);
  }
  const mailTo = (address: string) =>
    inbox.received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);
  return {
    database,
    api,
    inbox,
    workers,
    mailTo,
    mailArrives: (address, count = 1) =>
      eventually(async () => {
        const mails = mailTo(address);
        return mails.length >= count ? mails : undefined;
      }, 20_000),
    async close() {
      for (const queue of workers) await queue.stop(2_000);
      await api.close();
      await inbox.close();
      await database.drop();
    },
  };
}
