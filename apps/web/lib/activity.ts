import type { ActivityEvent, IdeaStatus } from '@muse/contracts';
import { IDEA_STATUS, plural } from '@/lib/labels';

interface Parts {
  actor: string;
  /** " for Olivia Hart" on the system's own events, empty when nobody asked. */
  forActor: string;
  subject: string;
  data: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' ? value : 0);
const quoted = (value: unknown, fallback: string) => (text(value) ? `“${text(value)}”` : fallback);

/** "visualDirection" → "visual direction". */
const fieldLabel = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
function changed(data: Record<string, unknown>): string {
  const fields = Array.isArray(data.changedFields)
    ? data.changedFields.filter((f) => typeof f === 'string')
    : [];
  return fields.length > 0 ? ` (${fields.map(fieldLabel).join(', ')})` : '';
}

/** What an idea's move means to the person who made it. */
const MOVES: Partial<Record<IdeaStatus, (subject: string) => string>> = {
  PENDING_CLIENT: (subject) => `sent ${subject} to the client`,
  CLIENT_APPROVED: (subject) => `approved ${subject}`,
  CLIENT_REJECTED: (subject) => `rejected ${subject}`,
  CHANGES_REQUESTED: (subject) => `asked for changes to ${subject}`,
  AGENCY_REJECTED: (subject) => `discarded ${subject}`,
};

const SENTENCES: Record<string, (parts: Parts) => string> = {
  'idea.generated': ({ forActor }) => `Muse generated an idea${forActor}`,
  'idea.regenerated': ({ actor, subject }) => `${actor} regenerated ${subject}`,
  'idea.edited': ({ actor, subject, data }) => `${actor} edited ${subject}${changed(data)}`,
  'idea.commented': ({ actor, subject }) => `${actor} commented on ${subject}`,
  'generation.requested': ({ actor, data }) => {
    const requested = (data.requested ?? {}) as Record<string, unknown>;
    const asked = [
      count(requested.posts) > 0 && plural(count(requested.posts), 'post'),
      count(requested.reels) > 0 && plural(count(requested.reels), 'reel'),
    ].filter(Boolean);
    return `${actor} asked for ${asked.length > 0 ? asked.join(' and ') : 'new ideas'}`;
  },
  'generation.succeeded': ({ forActor, data }) =>
    `Muse generated ${plural(count(data.produced), 'idea')}${forActor}`,
  'generation.failed': ({ forActor }) => `Muse could not generate ideas${forActor}`,
  'client.created': ({ actor, subject }) => `${actor} added the client ${subject}`,
  'client.updated': ({ actor, subject, data }) => `${actor} updated the client ${subject}${changed(data)}`,
  'client.archived': ({ actor, subject }) => `${actor} archived the client ${subject}`,
  'client.restored': ({ actor, subject }) => `${actor} restored the client ${subject}`,
  'campaign.created': ({ actor, subject }) => `${actor} created the campaign ${subject}`,
  'campaign.updated': ({ actor, subject, data }) =>
    `${actor} updated the campaign ${subject}${changed(data)}`,
  'campaign.archived': ({ actor, subject }) => `${actor} archived the campaign ${subject}`,
  'campaign.restored': ({ actor, subject }) => `${actor} restored the campaign ${subject}`,
  'tenant.created': ({ actor, subject }) => `${actor} created the agency ${subject}`,
  'tenant.updated': ({ actor }) => `${actor} updated the agency’s settings`,
  'user.invited': ({ actor, data }) => `${actor} invited ${text(data.email) ?? 'a team member'}`,
  'user.joined': ({ actor }) => `${actor} joined the agency`,
  'user.updated': ({ actor }) => `${actor} updated a team member`,
};

/** One readable sentence per audit-log event: "Olivia Hart sent “Crumb close-ups” to the client". */
export function describeActivity(event: ActivityEvent): string {
  const actor = event.actor?.name ?? 'Muse';
  const { data } = event;
  const article = /^[aeio]/.test(event.entityType) ? 'an' : 'a';
  const subject = quoted(data.title, quoted(data.name, `${article} ${event.entityType}`));
  const from = text(data.from);
  const to = text(data.to) as IdeaStatus | undefined;
  if (from && to) {
    const move = MOVES[to];
    const status = (value: string) => IDEA_STATUS[value as IdeaStatus]?.label ?? value;
    return `${actor} ${move ? move(subject) : `moved ${subject} from ${status(from)} to ${status(to)}`}`;
  }
  const sentence = SENTENCES[event.action];
  if (sentence) return sentence({ actor, forActor: event.actor ? ` for ${actor}` : '', subject, data });
  const verb = (event.action.split('.').at(-1) ?? event.action).replace(/_/g, ' ');
  return `${actor} ${verb} ${subject}`;
}
