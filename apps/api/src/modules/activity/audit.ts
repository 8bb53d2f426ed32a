import { type AuditEvent, AuditEvent as AuditEventSchema, auditEntityType } from '@muse/contracts';
import type { BaseTx, TenantTx } from '@muse/db';
import { type ActivityRecord, activityRepository } from './activity.repository.ts';

/** Who acted: a user, or nobody (null) for the system. */
export interface AuditActor {
  userId: string | null;
}

/** An event of the catalog about one entity; the catalog knows the kind of entity the action is about. */
export type AuditEntry = DistributiveOmit<AuditEvent, 'entityType'> & { entityId: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toRecord(tenantId: string, actor: AuditActor, entry: AuditEntry): ActivityRecord {
  const { action, entityType, data } = AuditEventSchema.parse({
    ...entry,
    entityType: auditEntityType(entry.action),
  });
  return { tenantId, actorId: actor.userId, entityType, entityId: entry.entityId, action, data };
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
