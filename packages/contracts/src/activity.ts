import { z } from 'zod';
import { ActivityEntityType, AuditEvent } from './audit-events.ts';
import { ReviewLinkRef, UserRef } from './ideas.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { defineRouteContracts, Timestamp } from './routes.ts';

export const ActivityQuery = z
  .strictObject({
    ...PageQuery.shape,
    entityType: ActivityEntityType.optional(),
    /** Needs `entityType`. */
    entityId: z.uuid().optional(),
  })
  .refine((query) => !query.entityId || query.entityType, {
    path: ['entityType'],
    message: 'name the entityType of the entityId',
  });
export type ActivityQuery = z.infer<typeof ActivityQuery>;

/** An entry of the audit log: who did it, when and in which request, and the catalog's action with its data. */
export const ActivityEvent = z
  .intersection(
    z.object({
      id: z.uuid(),
      /** Null for the system, or a platform admin (outside the agency). */
      actor: UserRef.nullable(),
      /** Set when the holder of a review link acted (no user then). */
      reviewLink: ReviewLinkRef.nullable(),
      entityId: z.uuid(),
      requestId: z.string().nullable(),
      createdAt: Timestamp,
    }),
    AuditEvent,
  )
  .meta({ id: 'ActivityEvent' });
export type ActivityEvent = z.infer<typeof ActivityEvent>;

/** Newest first. */
export const ActivityPage = pageOf(ActivityEvent).meta({ id: 'ActivityPage' });

export const activityRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/activity',
    summary: 'The agency’s audit log, newest first',
    tags: ['activity'],
    auth: 'bearer',
    query: ActivityQuery,
    response: ActivityPage,
  },
});
