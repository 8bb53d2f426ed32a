import { activityRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createActivityService } from './activity.service.ts';

export function createActivityRoutes(deps: { db: Database }) {
  const activity = createActivityService(deps);
  return [
    implementRoute(activityRoutes.list, {
      access: 'activity.read',
      handle: ({ query }, actor) => activity.list(actor, query),
    }),
  ];
}
