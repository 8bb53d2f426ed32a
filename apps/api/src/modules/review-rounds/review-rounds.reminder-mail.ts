import { type EmailBlock, renderEmail } from '../email/email.layout.ts';
import type { NewEmailMessage } from '../email/email.repository.ts';

export const REMINDER_MAIL_KIND = 'review-reminder';

/**
 * Who a reminder goes to: a client contact (who signs in to the portal) or a review-link holder
 * (whose review page the message opens with a signed address), and where it stops such mail.
 */
export interface ReminderRecipient {
  email: string;
  name: string;
  via: 'portal' | 'review-link';
  reviewUrl: string;
  unsubscribe: { page: string; headers: Record<string, string> };
}

export interface ReminderFacts {
  tenantId: string;
  agency: { name: string; logoUrl: string | null };
  campaign: string;
  pending: number;
  /** `YYYY-MM-DD`, or null without a review-by date. */
  reviewBy: string | null;
}

const ideasWaiting = (pending: number) =>
  pending === 1 ? '1 idea still waits for your review' : `${pending} ideas still wait for your review`;

/** The portal to sign in to, or — for a link holder, who has no account — its review page. */
function whereToReview(recipient: ReminderRecipient): EmailBlock {
  const label = recipient.via === 'portal' ? 'Review them in the portal' : 'Review them';
  return { kind: 'button', link: { label, url: recipient.reviewUrl } };
}

/** The reminder to one recipient: "N ideas still wait for your review", from the agency. */
export function reminderMessage(recipient: ReminderRecipient, facts: ReminderFacts): NewEmailMessage {
  const waiting = ideasWaiting(facts.pending);
  const { html, text } = renderEmail({
    agency: facts.agency,
    preview: `${facts.agency.name} is waiting for your answer on ${facts.campaign}`,
    heading: `${waiting.charAt(0).toUpperCase()}${waiting.slice(1)}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${recipient.name},` },
      { kind: 'paragraph', text: `${facts.agency.name} is waiting for your answer on ${facts.campaign}.` },
      ...(facts.reviewBy
        ? [{ kind: 'paragraph' as const, text: `Please answer by ${facts.reviewBy}.` }]
        : []),
      whereToReview(recipient),
    ],
    reason: `You get this because ideas of ${facts.campaign} were sent to you for review and are not answered yet.`,
    unsubscribeUrl: recipient.unsubscribe.page,
  });
  return {
    tenantId: facts.tenantId,
    kind: REMINDER_MAIL_KIND,
    recipient: recipient.email,
    fromName: facts.agency.name,
    subject: `${waiting} — ${facts.campaign}`,
    html,
    text,
    headers: recipient.unsubscribe.headers,
  };
}

/** One recipient per address: a contact who also holds a link is reminded once, through the portal. */
export function distinctRecipients(recipients: ReminderRecipient[]): ReminderRecipient[] {
  const byEmail = new Map<string, ReminderRecipient>();
  for (const recipient of recipients) {
    const key = recipient.email.toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, recipient);
  }
  return [...byEmail.values()];
}
