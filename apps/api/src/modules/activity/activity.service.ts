import type { ActivityQuery } from '@muse/contracts';
import type { Database } from '@muse/db';
import { decodeCursor, toPage } from '../../shared/keyset-page.ts';
import type { UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { usersRepository } from '../users/users.repository.ts';
import { activityRepository } from './activity.repository.ts';
import { visibleData, visibleEntityTypes } from './activity.visibility.ts';

export function createActivityService(deps: { db: Database }) {
  const { db } = deps;

  return {
    /** The agency's audit log, newest first, for one entity or all of them, as the actor's role may see it. */
    async list(actor: UserActor, query: ActivityQuery) {
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        const rows = await activityRepository.list(tx, {
          entityType: query.entityType,
          entityId: query.entityId,
          visibleEntityTypes: visibleEntityTypes(actor.role),
          after,
          limit: query.limit,
        });
        const { items, nextCursor } = toPage(rows, query.limit);
        const actors = await usersRepository.refs(
          tx,
          items.map((event) => event.actorId),
        );
        return {
          items: items.map(({ actorId, reviewLink, data, ...event }) => ({
            ...event,
            data: visibleData(actor.role, data),
            actor: (actorId && actors.get(actorId)) || null,
            reviewLink,
          })),
          nextCursor,
        };
      });
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
