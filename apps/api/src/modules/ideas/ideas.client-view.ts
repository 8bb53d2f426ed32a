import { IDEA_CONTENT_FIELDS } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import type { Audience } from '../auth/audience.ts';
import { type IdeaRecord, ideasRepository } from './ideas.repository.ts';

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
