import { meRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import { createMeController } from './me.controller.ts';
import { createMeService } from './me.service.ts';

export function createMeRoutes(deps: { db: Database }) {
  const controller = createMeController(createMeService(deps));
  return defineRoutes(
    { contract: meRoutes.get, access: 'me.read', handler: controller.get },
    { contract: meRoutes.workspaces, access: 'identity', handler: controller.workspaces },
    {
      contract: meRoutes.acceptInvitation,
      access: 'identity',
      // Whose invitation it is, is the identity's verified email: me.int.test.ts tries others'.
      sample: { params: { id: '00000000-0000-4000-8000-000000000000' } },
      handler: controller.acceptInvitation,
    },
  );
}
