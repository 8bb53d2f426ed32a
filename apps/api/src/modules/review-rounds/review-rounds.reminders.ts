import type { TenantTx } from '@muse/db';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import type { TokenSigner } from '../../shared/signed-token.ts';
import { type EmailJobs, queueEmail } from '../email/email.queue.ts';
import { type NotificationJobs, notify } from '../notifications/notify.ts';
import { unsubscribeLinks } from '../notifications/unsubscribe-link.ts';
import { reviewOpenUrl } from '../review-actions/review-action-links.ts';
import { reviewLinksRepository } from '../review-links/review-links.repository.ts';
import { nextReminderAt } from './review-rounds.cadence.ts';
import { cadenceOf } from './review-rounds.lifecycle.ts';
import { distinctHolders, type ReminderRecipient, reminderMessage } from './review-rounds.reminder-mail.ts';
import { type RoundForReminder, reviewRoundsRepository } from './review-rounds.repository.ts';

/** What sending reminders needs besides the transaction. */
export interface ReminderDeps {
  jobs: EmailJobs & NotificationJobs;
  /** Where the portal is (WEB_ORIGIN). */
  webOrigin: string;
  /** Signs a holder's review page and every recipient's unsubscribe address. */
  signer: TokenSigner;
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
 * Reminds the client's active contacts (a REMINDER notification, mailed as each contact's
 * preferences say) and mails the holders of the campaign's live review links, in the caller's
 * transaction (the one that recorded the reminder). Nothing is sent for a round no idea waits in.
 */
export async function queueReminders(
  tx: TenantTx,
  tenantId: string,
  round: RoundForReminder,
  deps: ReminderDeps,
  now: Date,
): Promise<void> {
  const pending = (await reviewRoundsRepository.pendingCounts(tx, [round.id])).get(round.id) ?? 0;
  if (pending === 0) return;
  const reviewBy = toCalendarDate(round.reviewBy);
  const contacts = await reviewRoundsRepository.clientContacts(tx, round.clientId);
  await notify(
    tx,
    deps.jobs,
    tenantId,
    contacts.map((user) => user.id),
    {
      kind: 'REMINDER',
      data: { campaignName: round.campaign.name, pending, reviewBy },
      campaignId: round.campaignId,
    },
  );
  const holders = await reviewLinksRepository.mailable(tx, round.campaignId, now);
  const recipients = distinctHolders(
    holders.flatMap(({ id, reviewerEmail, reviewerName, expiresAt }): ReminderRecipient[] =>
      reviewerEmail
        ? [
            {
              email: reviewerEmail,
              name: reviewerName,
              reviewUrl: reviewOpenUrl(deps.signer, deps.webOrigin, { tenantId, id, expiresAt }),
              unsubscribe: unsubscribeLinks(deps.signer, deps.webOrigin, { tenantId, reviewLinkId: id }),
            },
          ]
        : [],
    ),
    contacts.map((user) => user.email),
  );
  if (recipients.length === 0) return;
  const agency = await reviewRoundsRepository.agencyOf(tx, tenantId);
  const facts = { tenantId, agency, campaign: round.campaign.name, pending, reviewBy };
  for (const recipient of recipients) {
    await queueEmail(tx, deps.jobs, reminderMessage(recipient, facts));
  }
}
