import { describeNotification, type NotificationContent } from '@muse/contracts';
import { type EmailBlock, type RenderedEmail, renderEmail } from '../email/email.layout.ts';

export interface MailedNotification {
  content: NotificationContent;
  campaignId: string | null;
}

export interface NotificationMailInput {
  agency: { name: string; logoUrl: string | null };
  /** Which app the links open: the agency's, or the client portal. */
  side: 'agency' | 'client';
  notifications: MailedNotification[];
  webOrigin: string;
  unsubscribeUrl: string;
}

/** One message for everything a user was notified of in the batch window (or the digest). */
export function renderNotificationMail(input: NotificationMailInput): RenderedEmail & { subject: string } {
  const { agency, side, notifications, webOrigin } = input;
  const app = side === 'agency' ? '/app' : '/portal';
  const linkOf = (campaignId: string | null) =>
    `${webOrigin}${app}${campaignId ? `/campaigns/${campaignId}` : ''}`;
  const lines = notifications.map((notification) => ({
    ...describeNotification(notification.content),
    notification,
  }));
  const [first] = lines;
  if (!first) throw new Error('a notification mail needs at least one notification');
  const subject =
    lines.length === 1
      ? first.title
      : side === 'client'
        ? `${lines.length} updates from ${agency.name}`
        : `${lines.length} updates on your campaigns`;
  const blocks: EmailBlock[] = [
    {
      kind: 'items',
      items: lines.map(({ title, detail, notification }) => ({
        title,
        detail,
        links: [
          {
            label:
              notification.content.kind === 'IDEAS_SENT' || notification.content.kind === 'REMINDER'
                ? 'Review'
                : 'Open',
            url: linkOf(notification.campaignId),
          },
        ],
      })),
    },
    {
      kind: 'button',
      link: { label: side === 'client' ? 'Open your reviews' : 'Open Muse', url: `${webOrigin}${app}` },
    },
  ];
  const rendered = renderEmail({
    agency,
    preview: lines.map((line) => line.title).join(' · '),
    heading: subject,
    blocks,
    reason:
      side === 'client'
        ? `You get this because ${agency.name} shares its work with you for review.`
        : `You get this because of your notification settings at ${agency.name}.`,
    unsubscribeUrl: input.unsubscribeUrl,
  });
  return { subject, ...rendered };
}
