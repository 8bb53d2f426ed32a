import { userRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { defineRoutes } from '../../http/route-registry.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { createUsersController } from './users.controller.ts';
import { createUsersService } from './users.service.ts';

export function createUsersRoutes(deps: { db: Database; principals: PrincipalCache }) {
  const controller = createUsersController(createUsersService(deps));
  return defineRoutes(
    { contract: userRoutes.list, access: 'users.list', handler: controller.list },
    {
      contract: userRoutes.invite,
      access: 'users.invite',
      sample: {
        body: { email: 'new.colleague@agency.example', name: 'New Colleague', role: 'AGENCY_MEMBER' },
      },
      handler: controller.invite,
    },
    {
      contract: userRoutes.update,
      access: 'users.update',
      resources: { id: 'user' },
      sample: { body: { name: 'Renamed Colleague' } },
      handler: controller.update,
    },
  );
}
