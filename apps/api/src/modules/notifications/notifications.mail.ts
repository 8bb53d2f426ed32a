import {
  describeNotification,
  IDEA_TYPE_NAMES,
  type NotificationContent,
  type NotificationData,
  PLATFORM_NAMES,
} from '@muse/contracts';
import { type EmailBlock, type EmailLink, type RenderedEmail, renderEmail } from '../email/email.layout.ts';

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
  /** Where every link of the message leads, for a reviewer without an account (its review link). */
  homeUrl?: string;
  /** The links under each idea a sending lists; unset, "Review" opens its campaign. */
  ideaLinks?: (idea: SentIdea, campaignUrl: string) => EmailLink[];
}

type SentIdea = NotificationData<'IDEAS_SENT'>['ideas'][number];

/** One message for everything a user was notified of in the batch window (or the digest). */
export function renderNotificationMail(input: NotificationMailInput): RenderedEmail & { subject: string } {
  const { agency, side, notifications, webOrigin } = input;
  const app = side === 'agency' ? '/app' : '/portal';
  const linkOf = (campaignId: string | null) =>
    input.homeUrl ?? `${webOrigin}${app}${campaignId ? `/campaigns/${campaignId}` : ''}`;
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
  const ideaLinks = input.ideaLinks ?? ((_idea: SentIdea, url: string) => [{ label: 'Review', url }]);
  // A sending lists its ideas, each with its own links; everything else is one line with a link.
  const blocks: EmailBlock[] = [];
  const others: { title: string; detail: string; links: EmailLink[] }[] = [];
  for (const { title, detail, notification } of lines) {
    const url = linkOf(notification.campaignId);
    const { content } = notification;
    if (content.kind === 'IDEAS_SENT' && content.data.ideas.length > 0) {
      const unlisted = content.data.count - content.data.ideas.length;
      blocks.push(
        { kind: 'paragraph', text: `${title}: ${detail}.` },
        {
          kind: 'items',
          items: content.data.ideas.map((idea) => ({
            title: idea.title,
            detail: `${PLATFORM_NAMES[idea.platform]} ${IDEA_TYPE_NAMES[idea.type].toLowerCase()}`,
            links: ideaLinks(idea, url),
          })),
        },
        ...(unlisted > 0
          ? [{ kind: 'paragraph' as const, text: `And ${unlisted} more on the review page.` }]
          : []),
      );
    } else {
      others.push({
        title,
        detail,
        links: [{ label: content.kind === 'REMINDER' ? 'Review' : 'Open', url }],
      });
    }
  }
  if (others.length > 0) blocks.push({ kind: 'items', items: others });
  blocks.push({
    kind: 'button',
    link: {
      label: side === 'client' ? 'Open your reviews' : 'Open Muse',
      url: input.homeUrl ?? `${webOrigin}${app}`,
    },
  });
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
