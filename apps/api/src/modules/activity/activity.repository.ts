import type { ActivityEntityType, AuditAction } from '@muse/contracts';
import type { BaseTx, Prisma, TenantTx } from '@muse/db';
import { getContext } from '@muse/request-context';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';

export interface ActivityFilter {
  entityType?: ActivityEntityType;
  entityId?: string;
  /** The entity types the reader may see (see activity.visibility.ts). */
  visibleEntityTypes: ActivityEntityType[];
  after?: Keyset;
  limit: number;
}

export interface ActivityRecord {
  tenantId: string;
  /** Null for the system, e.g. a worker acting on nobody's behalf. */
  actorId: string | null;
  /** The review link whose holder acted (no user then). */
  reviewLinkId: string | null;
  entityType: ActivityEntityType;
  entityId: string;
  action: AuditAction;
  data: Prisma.InputJsonObject;
}

/** Appends to the audit log inside the caller's transaction; events are written through audit(). */
export const activityRepository = {
  record(tx: TenantTx | BaseTx, event: ActivityRecord) {
    return tx.activityEvent.create({
      data: { ...event, requestId: getContext()?.requestId },
      select: { id: true },
    });
  },

  /**
   * Many events in one statement (e.g. every idea of a generation). Rows of one transaction would
   * share its timestamp; a millisecond apart, they list in the order given (an edit, then the move
   * it came with, then the comment).
   */
  recordMany(tx: TenantTx | BaseTx, events: ActivityRecord[]) {
    const requestId = getContext()?.requestId;
    const base = Date.now();
    return tx.activityEvent.createMany({
      data: events.map((event, index) => ({
        ...event,
        requestId,
        createdAt: new Date(base + index),
      })),
    });
  },

  /** Newest first, served by (tenant_id, entity_type, entity_id, created_at) or (tenant_id, created_at). */
  list(tx: TenantTx, filter: ActivityFilter) {
    return tx.activityEvent.findMany({
      where: {
        entityType: filter.entityType,
        AND: [{ entityType: { in: filter.visibleEntityTypes } }],
        entityId: filter.entityId,
        ...afterKeyset(filter.after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      select: {
        id: true,
        actorId: true,
        reviewLink: { select: { id: true, reviewerName: true } },
        entityType: true,
        entityId: true,
        action: true,
        data: true,
        requestId: true,
        createdAt: true,
      },
    });
  },
};
