import type { NewEmailMessage } from '../email/email.repository.ts';

export const REMINDER_MAIL_KIND = 'review-reminder';

/** Who a reminder goes to: a client contact (who signs in to the portal) or a review-link holder. */
export interface ReminderRecipient {
  email: string;
  name: string;
  via: 'portal' | 'review-link';
}

export interface ReminderFacts {
  tenantId: string;
  agency: string;
  campaign: string;
  pending: number;
  /** `YYYY-MM-DD`, or null without a review-by date. */
  reviewBy: string | null;
  webOrigin: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

const ideasWaiting = (pending: number) =>
  pending === 1 ? '1 idea still waits for your review' : `${pending} ideas still wait for your review`;

/** The portal to sign in to, or — for a link holder, who has no account — the link the agency sent. */
function whereToReview(recipient: ReminderRecipient, facts: ReminderFacts) {
  const portal = `${facts.webOrigin}/portal`;
  if (recipient.via === 'portal') {
    return {
      text: `Review them in the portal: ${portal}`,
      html: `<p><a href="${escapeHtml(portal)}">Review them in the portal</a></p>`,
    };
  }
  const sentence = `Open the review link ${facts.agency} sent you to review them.`;
  return { text: sentence, html: `<p>${escapeHtml(sentence)}</p>` };
}

/** The reminder to one recipient: "N ideas still wait for your review", naming the agency. */
export function reminderMessage(recipient: ReminderRecipient, facts: ReminderFacts): NewEmailMessage {
  const subject = `${ideasWaiting(facts.pending)} — ${facts.campaign}`;
  const intro = `${facts.agency} is waiting for your answer on ${facts.campaign}: ${ideasWaiting(facts.pending)}.`;
  const due = facts.reviewBy ? `Please answer by ${facts.reviewBy}.` : null;
  const where = whereToReview(recipient, facts);
  const greeting = `Hello ${recipient.name},`;
  return {
    tenantId: facts.tenantId,
    kind: REMINDER_MAIL_KIND,
    recipient: recipient.email,
    subject,
    text: [greeting, intro, ...(due ? [due] : []), where.text].join('\n\n'),
    html: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      ...(due ? [`<p>${escapeHtml(due)}</p>`] : []),
      where.html,
    ].join('\n'),
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
