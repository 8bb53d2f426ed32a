import { CLIENT_VISIBLE_STATUSES, IDEA_CONTENT_FIELDS, type IdeaStatus } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import type { Audience } from '../auth/audience.ts';
import { type IdeaRecord, ideasRepository } from './ideas.repository.ts';
import type { ChangedField } from './ideas.rules.ts';

/**
 * The ideas as the caller may read them. An agency user reads the live content; a client contact
 * the content of the version last sent to it, so edits the agency makes after the client answered
 * stay with the agency until it sends the idea again. An idea never sent keeps its live content
 * (a client contact cannot see it anyway).
 */
export async function asSeenBy<T extends IdeaRecord>(
  tx: TenantTx,
  audience: Audience,
  ideas: T[],
): Promise<T[]> {
  if (audience.kind === 'agency') return ideas;
  const sent = ideas.flatMap(({ id, sentVersion }) =>
    sentVersion === null ? [] : [{ ideaId: id, version: sentVersion }],
  );
  const snapshots = new Map(
    (await ideasRepository.snapshotsAt(tx, sent)).map((revision) => [revision.ideaId, revision.snapshot]),
  );
  return ideas.map((idea) => {
    const snapshot = snapshots.get(idea.id);
    return snapshot ? { ...idea, ...sentContent(snapshot) } : idea;
  });
}

/** A revision's content fields, in the columns' shape (a snapshot holds every field, null when empty). */
function sentContent(snapshot: Prisma.JsonValue): Partial<IdeaRecord> {
  const fields = snapshot as Record<string, unknown>;
  return Object.fromEntries(
    IDEA_CONTENT_FIELDS.filter((field) => field in fields).map((field) => [field, fields[field]]),
  );
}

/** asSeenBy for one idea. */
export async function ideaAsSeenBy<T extends IdeaRecord>(
  tx: TenantTx,
  audience: Audience,
  idea: T,
): Promise<T> {
  const [seen] = await asSeenBy(tx, audience, [idea]);
  return seen ?? idea;
}

/**
 * Whether a client contact sees a change of an idea, by the rules above: the idea is, after it,
 * in a status the client reads, and the change is a move or touches a field the client reads
 * live; or the change moves it out of such a status. Content it reads is the sent version's, so an edit of content alone stays the agency's
 * until the idea is sent again (which is a move).
 */
export function clientSeesChange(change: {
  before?: { status: IdeaStatus };
  after: { status: IdeaStatus };
  move?: unknown;
  changedFields: readonly ChangedField[];
}): boolean {
  if (!CLIENT_VISIBLE_STATUSES.includes(change.after.status)) {
    // Withdrawn from the client: its page is told, so that it stops showing what it can no longer answer.
    return (
      change.move !== undefined &&
      change.before !== undefined &&
      CLIENT_VISIBLE_STATUSES.includes(change.before.status)
    );
  }
  const sentContent: readonly string[] = IDEA_CONTENT_FIELDS;
  return change.move !== undefined || change.changedFields.some((field) => !sentContent.includes(field));
}
