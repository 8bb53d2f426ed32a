import type { ActivityEvent, AuditAction, IdeaStatus, ReviewLinkRef, UserRef } from '@muse/contracts';
import { IDEA_STATUS, plural } from '@/lib/labels';

type EventOf<A extends AuditAction> = Extract<ActivityEvent, { action: A }>;

interface Who {
  actor: string;
  /** " for Olivia Hart" on the system's own events, empty when nobody asked. */
  forActor: string;
}

const quoted = (value: string) => `“${value}”`;

/** "visualDirection" → "visual direction". */
const fieldLabel = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const changed = (fields: readonly string[]) =>
  fields.length > 0 ? ` (${fields.map(fieldLabel).join(', ')})` : '';

/** What an idea's move means to the person who made it. */
const MOVES: Partial<Record<IdeaStatus, (subject: string) => string>> = {
  PENDING_CLIENT: (subject) => `sent ${subject} to the client`,
  CLIENT_APPROVED: (subject) => `approved ${subject}`,
  CLIENT_REJECTED: (subject) => `rejected ${subject}`,
  CHANGES_REQUESTED: (subject) => `asked for changes to ${subject}`,
  AGENCY_REJECTED: (subject) => `discarded ${subject}`,
};

function moved({ data }: EventOf<'idea.status_changed'>): string {
  const subject = quoted(data.title);
  if (data.answerChanged) {
    return `changed their answer to ${subject} from ${IDEA_STATUS[data.from].label} to ${IDEA_STATUS[data.to].label}`;
  }
  const move = MOVES[data.to];
  return move
    ? move(subject)
    : `moved ${subject} from ${IDEA_STATUS[data.from].label} to ${IDEA_STATUS[data.to].label}`;
}

function asked({ data }: EventOf<'generation.requested'>): string {
  const { posts, reels } = data.requested;
  const asked = [posts > 0 && plural(posts, 'post'), reels > 0 && plural(reels, 'reel')].filter(Boolean);
  return asked.length > 0 ? asked.join(' and ') : 'new ideas';
}

/** A sentence for every action of the audit-event catalog. */
const SENTENCES: { [A in AuditAction]: (event: EventOf<A>, who: Who) => string } = {
  'idea.generated': (_, { forActor }) => `Muse generated an idea${forActor}`,
  'idea.regenerated': ({ data }, { actor }) => `${actor} regenerated ${quoted(data.title)}`,
  'idea.edited': ({ data }, { actor }) =>
    `${actor} edited ${quoted(data.title)}${changed(data.changedFields)}`,
  'idea.status_changed': (event, { actor }) => `${actor} ${moved(event)}`,
  'idea.commented': ({ data }, { actor }) => `${actor} commented on ${quoted(data.title)}`,
  'idea.brand_check_confirmed': ({ data }, { actor }) =>
    `${actor} sent ${quoted(data.title)} despite ${plural(data.findings.length, 'brand check warning')}`,
  'generation.requested': (event, { actor }) => `${actor} asked for ${asked(event)}`,
  'generation.succeeded': ({ data }, { forActor }) =>
    `Muse generated ${plural(data.produced, 'idea')}${forActor}`,
  'generation.failed': (_, { forActor }) => `Muse could not generate ideas${forActor}`,
  'client.created': ({ data }, { actor }) => `${actor} added the client ${quoted(data.name)}`,
  'client.updated': ({ data }, { actor }) =>
    `${actor} updated the client ${quoted(data.name)}${changed(data.changedFields)}`,
  'client.archived': ({ data }, { actor }) => `${actor} archived the client ${quoted(data.name)}`,
  'client.restored': ({ data }, { actor }) => `${actor} restored the client ${quoted(data.name)}`,
  'client.brand_proposal_accepted': ({ data }, { actor }) =>
    `${actor} accepted the brand suggestion ${quoted(data.text)} for ${quoted(data.name)} (version ${data.brandVersion})`,
  'client.brand_proposal_dismissed': ({ data }, { actor }) =>
    `${actor} dismissed the brand suggestion ${quoted(data.text)} for ${quoted(data.name)}`,
  'campaign.created': ({ data }, { actor }) => `${actor} created the campaign ${quoted(data.name)}`,
  'campaign.updated': ({ data }, { actor }) =>
    `${actor} updated the campaign ${quoted(data.name)}${changed(data.changedFields)}`,
  'campaign.archived': ({ data }, { actor }) => `${actor} archived the campaign ${quoted(data.name)}`,
  'campaign.restored': ({ data }, { actor }) => `${actor} restored the campaign ${quoted(data.name)}`,
  'campaign.review_overdue': ({ data }) =>
    `The client did not answer ${quoted(data.name)} by ${data.reviewBy}: ${plural(data.pending, 'idea')} still waiting`,
  'campaign.review_link_created': ({ data }, { actor }) =>
    `${actor} shared the campaign ${quoted(data.name)} for review with ${data.reviewerName}`,
  'campaign.review_link_revoked': ({ data }, { actor }) =>
    data.replaced
      ? `${actor} replaced ${data.reviewerName}’s review link to ${quoted(data.name)}`
      : `${actor} revoked ${data.reviewerName}’s review link to ${quoted(data.name)}`,
  'tenant.created': ({ data }, { actor }) => `${actor} created the agency ${quoted(data.name)}`,
  'tenant.updated': (_, { actor }) => `${actor} updated the agency’s settings`,
  'user.invited': ({ data }, { actor }) => `${actor} invited ${data.email}`,
  'user.joined': (_, { actor }) => `${actor} joined the agency`,
  'user.updated': (_, { actor }) => `${actor} updated a team member`,
};

function sentenceOf<A extends AuditAction>(event: EventOf<A>, who: Who): string {
  const sentence: (event: EventOf<A>, who: Who) => string = SENTENCES[event.action];
  return sentence(event, who);
}

/**
 * Who wrote a comment or acted in the log: a user, or the holder of a review link, named as the
 * agency named the reviewer.
 */
export function actorName(who: {
  actor?: UserRef | null;
  author?: UserRef | null;
  reviewLink: ReviewLinkRef | null;
}) {
  const user = who.actor ?? who.author;
  if (user) return user.name;
  return who.reviewLink ? `${who.reviewLink.reviewerName} (review link)` : null;
}

/** One readable sentence per audit-log event: "Olivia Hart sent “Crumb close-ups” to the client". */
export function describeActivity(event: ActivityEvent): string {
  const named = actorName(event);
  const actor = named ?? 'Muse';
  return sentenceOf(event, { actor, forActor: named ? ` for ${actor}` : '' });
}
