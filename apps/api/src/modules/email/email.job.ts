import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { ApiConfig } from '../../config.ts';
import { defineJob } from '../../jobs/job.ts';
import { createEmailSender, type MailTransport } from './email.sender.ts';

export const SEND_EMAIL_QUEUE = 'send-email';

/** Retries back off exponentially from the configured delay up to an hour. */
const RETRY_DELAY_MAX_SECONDS = 3_600;
/** An SMTP server that does not answer within these is an attempt that failed. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** A delivery holds its message's lock at most this long, within the job's expiry. */
const SEND_TIMEOUT_MS = 60_000;

const sendEmailJobData = z.object({ tenantId: z.uuid(), emailMessageId: z.uuid() });

function smtpTransport(email: ApiConfig['email']): MailTransport | undefined {
  if (!email.smtpUrl) return undefined;
  return nodemailer.createTransport({ url: email.smtpUrl, ...SMTP_TIMEOUTS });
}

/** Sends one message of the outbox (email_messages); queued by `queueEmail`. */
export const sendEmailJob = defineJob({
  name: SEND_EMAIL_QUEUE,
  data: sendEmailJobData,
  // One job per message: queuing it twice sends it once.
  idOf: (data) => data.emailMessageId,
  policy: ({ email }) => ({
    retryLimit: email.retryLimit,
    retryDelaySeconds: email.retryDelaySeconds,
    retryBackoffMaxSeconds: email.retryDelaySeconds > 0 ? RETRY_DELAY_MAX_SECONDS : null,
    expireInSeconds: (SEND_TIMEOUT_MS / 1000) * 2,
    heartbeatSeconds: 30,
  }),
  // Retries come due by polling, at the pace every job of the worker keeps.
  working: ({ generation }) => ({ concurrency: 2, pollIntervalSeconds: generation.pollIntervalSeconds }),
  handler: ({ config, db, logger }) =>
    createEmailSender({
      db,
      transport: smtpTransport(config.email),
      from: config.email.from,
      logger,
      sendTimeoutMs: SEND_TIMEOUT_MS,
    }),
});
