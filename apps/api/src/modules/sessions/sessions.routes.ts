import { sessionsRoutes } from '@muse/contracts';
import { defineRoutes } from '../../http/route-registry.ts';
import { createSessionsController } from './sessions.controller.ts';
import type { SessionsService } from './sessions.service.ts';

/** A session belongs to an identity, not to a workspace: `identity` access. */
export function createSessionsRoutes(service: SessionsService) {
  const controller = createSessionsController(service);
  return defineRoutes(
    { contract: sessionsRoutes.open, access: 'identity', handler: controller.open },
    { contract: sessionsRoutes.endCurrent, access: 'identity', handler: controller.endCurrent },
  );
}
