import { activityRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import { createActivityController } from './activity.controller.ts';
import { createActivityService } from './activity.service.ts';

export function createActivityRoutes(deps: { db: Database }) {
  const controller = createActivityController(createActivityService(deps));
  return defineRoutes({
    contract: activityRoutes.list,
    access: 'activity.read',
    sample: { query: { entityType: 'idea', limit: '20' } },
    handler: controller.list,
  });
}
