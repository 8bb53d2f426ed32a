import { brandVersionRoutes, clientRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import { createBrandVersionsService } from './brand-versions.ts';
import { createClientsService } from './clients.service.ts';

export function createClientsRoutes(deps: { db: Database }) {
  const clients = createClientsService(deps);
  const brandVersions = createBrandVersionsService(deps);
  return [
    implementRoute(clientRoutes.list, {
      access: 'clients.list',
      handle: ({ query }, actor) => clients.list(actor, query),
    }),
    implementRoute(clientRoutes.create, {
      access: 'clients.create',
      handle: ({ body }, actor) => clients.create(actor, body),
    }),
    implementRoute(clientRoutes.get, {
      access: 'clients.read',
      resources: { id: 'client' },
      handle: ({ params }, actor) => clients.get(actor, params.id),
    }),
    implementRoute(clientRoutes.update, {
      access: 'clients.update',
      resources: { id: 'client' },
      handle: ({ params, body }, actor) => clients.update(actor, params.id, body),
    }),
    implementRoute(clientRoutes.archive, {
      access: 'clients.archive',
      resources: { id: 'client' },
      handle: ({ params }, actor) => clients.archive(actor, params.id),
    }),
    implementRoute(clientRoutes.restore, {
      access: 'clients.restore',
      resources: { id: 'client' },
      handle: ({ params }, actor) => clients.restore(actor, params.id),
    }),
    implementRoute(brandVersionRoutes.list, {
      access: 'clients.history',
      resources: { id: 'client' },
      handle: ({ params, query }, actor) => brandVersions.list(actor, params.id, query),
    }),
  ];
}
