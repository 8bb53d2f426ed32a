import { tenantRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { implementRoute } from '../../http/route-registry.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import { createTenantsService } from './tenants.service.ts';

export function createTenantsRoutes(deps: { db: Database; principals: PrincipalCache }) {
  const tenants = createTenantsService(deps);
  return [
    implementRoute(tenantRoutes.list, {
      access: 'tenants.list',
      handle: ({ query }) => tenants.list(query),
    }),
    implementRoute(tenantRoutes.create, {
      access: 'tenants.create',
      handle: ({ body }, actor) => tenants.create(actor, body),
    }),
    implementRoute(tenantRoutes.get, {
      access: 'tenants.read',
      resources: { id: 'tenant' },
      handle: ({ params }) => tenants.get(params.id),
    }),
    implementRoute(tenantRoutes.update, {
      access: 'tenants.update',
      resources: { id: 'tenant' },
      handle: ({ params, body }, actor) => tenants.update(actor, params.id, body),
    }),
  ];
}
