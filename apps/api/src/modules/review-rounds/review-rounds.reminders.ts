import type { TenantTx } from '@muse/db';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import { type EmailJobs, queueEmail } from '../email/email.queue.ts';
import { nextReminderAt } from './review-rounds.cadence.ts';
import { cadenceOf } from './review-rounds.lifecycle.ts';
import {
  distinctRecipients,
  type ReminderRecipient,
  reminderMessage,
} from './review-rounds.reminder-mail.ts';
import { type RoundForReminder, reviewRoundsRepository } from './review-rounds.repository.ts';

/** What sending reminders needs besides the transaction. */
export interface ReminderDeps {
  jobs: EmailJobs;
  /** Where the portal is (WEB_ORIGIN). */
  webOrigin: string;
}

const stateOf = (round: RoundForReminder) => ({
  sentAt: round.createdAt,
  reviewBy: round.reviewBy,
  remindersSent: round.remindersSent,
  lastRemindedAt: round.lastRemindedAt,
});

/**
 * When the round's next reminder is owed under the client's cadence as it is now: the agency may
 * have changed it (fewer reminders, none) since the due time was set.
 */
export const owedReminderAt = (round: RoundForReminder) =>
  nextReminderAt(stateOf(round), cadenceOf(round.client));

/** The round's state once a reminder went out at `at`, and when the next one is due. */
export function afterReminder(round: RoundForReminder, at: Date) {
  const next = nextReminderAt(
    { ...stateOf(round), remindersSent: round.remindersSent + 1, lastRemindedAt: at },
    cadenceOf(round.client),
  );
  return { remindedAt: at, nextReminderAt: next };
}

/**
 * Queues the reminder of the round to the client's active contacts and the holders of the
 * campaign's live review links, in the caller's transaction (the one that recorded the
 * reminder). Nothing is sent for a round no idea waits in. Returns the messages queued.
 */
export async function queueReminders(
  tx: TenantTx,
  tenantId: string,
  round: RoundForReminder,
  deps: ReminderDeps,
  now: Date,
): Promise<number> {
  const pending = (await reviewRoundsRepository.pendingCounts(tx, [round.id])).get(round.id) ?? 0;
  if (pending === 0) return 0;
  const agency = await reviewRoundsRepository.agencyOf(tx, tenantId);
  const contacts = await reviewRoundsRepository.clientContacts(tx, round.clientId);
  const holders = await reviewRoundsRepository.linkHolders(tx, round.campaignId, now);
  const recipients = distinctRecipients([
    ...contacts.map((user): ReminderRecipient => ({ email: user.email, name: user.name, via: 'portal' })),
    ...holders.flatMap(({ reviewerEmail, reviewerName }): ReminderRecipient[] =>
      reviewerEmail ? [{ email: reviewerEmail, name: reviewerName, via: 'review-link' }] : [],
    ),
  ]);
  const facts = {
    tenantId,
    agency,
    campaign: round.campaign.name,
    pending,
    reviewBy: toCalendarDate(round.reviewBy),
    webOrigin: deps.webOrigin,
  };
  for (const recipient of recipients) {
    await queueEmail(tx, deps.jobs, reminderMessage(recipient, facts));
  }
  return recipients.length;
}
