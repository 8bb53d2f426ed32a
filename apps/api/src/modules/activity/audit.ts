import { type AuditEvent, AuditEvent as AuditEventSchema, auditEntityType } from '@muse/contracts';
import type { BaseTx, TenantTx } from '@muse/db';
import { type Actor, actorIdOf } from '../auth/actor.ts';
import { type ActivityRecord, activityRepository } from './activity.repository.ts';

/**
 * Who acted: an actor, or the user a job acts for (`userId`, null for nobody). The log names a
 * user by its id and the holder of a review link by the link.
 */
export type AuditActor = Actor | { userId: string | null };

/** The columns that name who acted, in the audit log and on comments. */
export function recordedActor(actor: AuditActor): { actorId: string | null; reviewLinkId: string | null } {
  if (!('kind' in actor)) return { actorId: actor.userId, reviewLinkId: null };
  return { actorId: actorIdOf(actor), reviewLinkId: actor.kind === 'review-link' ? actor.linkId : null };
}

/** An event of the catalog about one entity; the catalog knows the kind of entity the action is about. */
export type AuditEntry = DistributiveOmit<AuditEvent, 'entityType'> & { entityId: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toRecord(tenantId: string, actor: AuditActor, entry: AuditEntry): ActivityRecord {
  const { action, entityType, data } = AuditEventSchema.parse({
    ...entry,
    entityType: auditEntityType(entry.action),
  });
  return { tenantId, ...recordedActor(actor), entityType, entityId: entry.entityId, action, data };
}

const isOne = (entries: AuditEntry | readonly AuditEntry[]): entries is AuditEntry => !Array.isArray(entries);

/**
 * Writes the audit log of the agency `tenantId`, in the caller's transaction so the events commit
 * with the change they tell of. Data the catalog does not describe throws: a bug of ours, not a log line.
 * Several entries are written in one statement and list in the order given.
 */
export async function audit(
  tx: TenantTx | BaseTx,
  tenantId: string,
  actor: AuditActor,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  if (isOne(entries)) {
    await activityRepository.record(tx, toRecord(tenantId, actor, entries));
  } else if (entries.length > 0) {
    await activityRepository.recordMany(
      tx,
      entries.map((entry) => toRecord(tenantId, actor, entry)),
    );
  }
}
