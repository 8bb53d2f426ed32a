import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { JobHandler } from '../../jobs/job.ts';
import { lockEmailMessage, markEmailSent, recordEmailFailure } from './email.repository.ts';

export interface SendEmailJobData {
  tenantId: string;
  emailMessageId: string;
}

/** What the sender needs of nodemailer's transporter. */
export interface MailTransport {
  sendMail(mail: {
    from: string | { name: string; address: string };
    to: string;
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface EmailSenderOptions {
  db: Database;
  /** Undefined when no SMTP server is configured: every attempt then fails saying so. */
  transport: MailTransport | undefined;
  from: string;
  logger: Logger;
  /** The longest one delivery may hold its message's lock. */
  sendTimeoutMs: number;
}

export class SmtpNotConfiguredError extends Error {
  override name = 'SmtpNotConfiguredError';
  constructor() {
    super('SMTP_URL is not set: the worker has no SMTP server to send email through');
  }
}

type Outcome = { sent: boolean } | { failed: unknown };

/**
 * Sends one outbox message, once: the message stays locked while it is sent, so a second worker
 * (or a retry of a job whose first attempt did send) finds it SENT and does nothing. A refused
 * attempt is recorded and rethrown for the queue to retry; after the last one the message is FAILED.
 */
export function createEmailSender(options: EmailSenderOptions): JobHandler<SendEmailJobData> {
  const { db, transport, from, logger } = options;
  return async (job) => {
    const { tenantId, emailMessageId } = job.data;
    const outcome = await db.withTenantTx<Outcome>(
      tenantId,
      async (tx) => {
        const message = await lockEmailMessage(tx, emailMessageId);
        if (message?.status !== 'QUEUED') return { sent: false };
        const attempts = message.attempts + 1;
        try {
          if (!transport) throw new SmtpNotConfiguredError();
          await transport.sendMail({
            from: message.fromName ? { name: message.fromName, address: addressOf(from) } : from,
            to: message.recipient,
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: message.headers,
          });
        } catch (error) {
          const final = job.retryCount >= job.retryLimit;
          await recordEmailFailure(tx, emailMessageId, { attempts, error: describe(error), final });
          return { failed: error };
        }
        await markEmailSent(tx, emailMessageId, attempts);
        return { sent: true };
      },
      { timeoutMs: options.sendTimeoutMs },
    );
    if ('failed' in outcome) {
      logger.warn({ emailMessageId, err: outcome.failed, retryCount: job.retryCount }, 'email not sent');
      throw outcome.failed;
    }
    if (outcome.sent) logger.info({ emailMessageId }, 'email sent');
  };
}

/** The address of MAIL_FROM, which is either `address` or `Name <address>`. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
}
