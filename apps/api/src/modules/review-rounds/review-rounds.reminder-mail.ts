import { renderEmail } from '../email/email.layout.ts';
import type { NewEmailMessage } from '../email/email.repository.ts';

export const REMINDER_MAIL_KIND = 'review-reminder';

/**
 * A review-link holder to remind: it has no account, so the message opens its review page with a
 * signed address, and says where to stop such mail. Client contacts are reminded through their
 * notifications instead, as their preferences say.
 */
export interface ReminderRecipient {
  email: string;
  name: string;
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
      { kind: 'button', link: { label: 'Review them', url: recipient.reviewUrl } },
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

/**
 * One reminder per address: a holder who is also a contact of the client is reminded as a
 * contact, and a reviewer holding two links gets one message.
 */
export function distinctHolders(
  holders: ReminderRecipient[],
  contactEmails: readonly string[],
): ReminderRecipient[] {
  const seen = new Set(contactEmails.map((email) => email.toLowerCase()));
  return holders.filter((holder) => {
    const key = holder.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
