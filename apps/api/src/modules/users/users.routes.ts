import { userRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { createUsersService } from './users.service.ts';

export function createUsersRoutes(deps: { db: Database; principals: PrincipalCache }) {
  const users = createUsersService(deps);
  return [
    implementRoute(userRoutes.list, {
      access: 'users.list',
      handle: ({ query }, actor) => users.list(actor, query),
    }),
    implementRoute(userRoutes.invite, {
      access: 'users.invite',
      handle: ({ body }, actor) => users.invite(actor, body),
    }),
    implementRoute(userRoutes.update, {
      access: 'users.update',
      resources: { id: 'user' },
      handle: ({ params, body }, actor) => users.update(actor, params.id, body),
    }),
  ];
}
