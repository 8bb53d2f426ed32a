import { renderEmail } from '../email/email.layout.ts';
import type { NewEmailMessage } from '../email/email.repository.ts';

export interface ReviewLinkMail {
  tenantId: string;
  agency: { name: string; logoUrl: string | null };
  campaignName: string;
  reviewer: { name: string; email: string };
  url: string;
  expiresAt: Date;
}

const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The message that hands a reviewer its link: from the agency, about one campaign. */
export function reviewLinkMessage(mail: ReviewLinkMail): NewEmailMessage {
  const { agency, campaignName, reviewer } = mail;
  const { html, text } = renderEmail({
    agency,
    preview: `${agency.name} would like your answer on ${campaignName}.`,
    heading: `${agency.name} shared “${campaignName}” for your review`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${reviewer.name},` },
      {
        kind: 'paragraph',
        text: `${agency.name} would like your answer on the ideas of “${campaignName}”: approve each one, ask for changes or reject it. No account or password is needed.`,
      },
      { kind: 'button', link: { label: 'Review the ideas', url: mail.url } },
      {
        kind: 'paragraph',
        text: `The link is yours alone and works until ${longDate(mail.expiresAt)}. If it stops working, ask ${agency.name} for a new one.`,
      },
    ],
    reason: `You get this message because ${agency.name} asked you to review their work.`,
  });
  return {
    tenantId: mail.tenantId,
    kind: 'review-link',
    recipient: reviewer.email,
    fromName: agency.name,
    subject: `Your review of “${campaignName}” — ${agency.name}`,
    html,
    text,
  };
}
