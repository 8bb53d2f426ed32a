import type { TenantTx } from '@muse/db';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { sendEmailJob } from './email.job.ts';
import { insertEmailMessage, type NewEmailMessage } from './email.repository.ts';

/** What queuing email needs of the job queue. */
export type EmailJobs = Pick<JobQueue, 'enqueue'>;

/**
 * Writes the message to the outbox and enqueues its sending, both in the caller's transaction:
 * a change that rolls back sends nothing, and the request never waits for the SMTP server.
 */
export async function queueEmail(tx: TenantTx, jobs: EmailJobs, message: NewEmailMessage): Promise<string> {
  const emailMessageId = await insertEmailMessage(tx, message);
  await jobs.enqueue(tx, sendEmailJob, { tenantId: message.tenantId, emailMessageId });
  return emailMessageId;
}
