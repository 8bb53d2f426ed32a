import type { Prisma, TenantTx } from '@muse/db';
import { getContext } from '@muse/logger';

export interface ActivityRecord {
  tenantId: string;
  actorId: string;
  entityType: 'tenant' | 'user';
  entityId: string;
  action: string;
  data?: Prisma.InputJsonObject;
}

/** Appends to the audit log inside the caller's transaction, so the event and the change commit together. */
export const activityRepository = {
  record(tx: TenantTx, event: ActivityRecord) {
    return tx.activityEvent.create({
      data: { ...event, data: event.data ?? {}, requestId: getContext()?.requestId },
      select: { id: true },
    });
  },
};
